import { isMap, isSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Path } from '../../diagnostics/types.ts';
import type { CfnValue } from '../../value.ts';
import { EditError, insertSeqItem, nodeAt, removePair, removeSeqItem, replaceSeqItem, setIn } from '../cst.ts';
import type { EditSession } from '../session.ts';
import type { EditPath } from '../types.ts';

/** CloudFormation logical ids: alphanumeric, at most 255 characters. */
export const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;

export function checkLogicalId(id: string, what = 'Logical id'): void {
  if (typeof id !== 'string' || !LOGICAL_ID.test(id)) {
    throw new EditError('EDIT_BAD_NAME', `${what} '${String(id)}' must be 1-255 letters and digits.`);
  }
}

export function resourceMap(s: EditSession, id: string): YAMLMap {
  const resources = s.section('Resources');
  const found = resources && nodeAt(s.ctx.doc, ['Resources', id]);
  if (!found) throw new EditError('EDIT_NO_SUCH_RESOURCE', `There is no resource '${id}'.`, ['Resources', id]);
  if (!isMap(found.node)) throw new EditError('EDIT_BAD_RESOURCE', `Resource '${id}' is not a mapping.`, ['Resources', id]);
  return found.node;
}

/** Sets the value at an absolute path, creating missing mapping keys; numbers index lists. */
export function setAt(s: EditSession, path: EditPath, value: CfnValue): void {
  const ctx = s.ctx;
  let node: unknown = ctx.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (typeof seg === 'number') {
      if (!isSeq(node)) throw new EditError('EDIT_PATH_BLOCKED', `${path.slice(0, i).join('.')} is not a list.`, path.slice(0, i));
      if (seg === node.items.length && last) return s.apply([insertSeqItem(ctx, node, value)]);
      if (seg < 0 || seg >= node.items.length) throw new EditError('EDIT_BAD_PATH', `No item ${seg} in ${path.slice(0, i).join('.')}.`, path);
      if (last) return s.apply([replaceSeqItem(ctx, node, seg, value)]);
      node = node.items[seg];
      continue;
    }
    if (!isMap(node)) throw new EditError('EDIT_PATH_BLOCKED', `${path.slice(0, i).join('.') || 'The template'} is not a mapping.`, path.slice(0, i));
    const rest = path.slice(i);
    if (rest.every((p) => typeof p === 'string')) return s.apply([setIn(ctx, node, rest as string[], value)]);
    const found = nodeAt(ctx.doc, path.slice(0, i + 1));
    if (!found) throw new EditError('EDIT_BAD_PATH', `No '${path.slice(0, i + 1).join('.')}' to index into.`, path.slice(0, i + 1));
    node = found.node;
  }
  throw new EditError('EDIT_BAD_PATH', 'Empty path.');
}

/**
 * Removes the entry at an absolute path. When that empties its mapping or list, the parent
 * entry goes too, but never above `keepDepth` segments (a resource keeps its own mapping).
 */
export function deleteAt(s: EditSession, path: Path, keepDepth: number): void {
  const ctx = s.ctx;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = nodeAt(ctx.doc, parentPath);
  if (!parent || last === undefined) throw new EditError('EDIT_NOT_FOUND', `Nothing at ${path.join('.')}.`, path);
  try {
    if (isMap(parent.node) && typeof last === 'string') {
      const found = nodeAt(ctx.doc, path);
      if (!found?.pair) throw new EditError('EDIT_NOT_FOUND', `Nothing at ${path.join('.')}.`, path);
      s.apply([removePair(ctx, parent.node, found.pair)]);
    } else if (isSeq(parent.node) && typeof last === 'number') {
      s.apply([removeSeqItem(ctx, parent.node, last)]);
    } else {
      throw new EditError('EDIT_NOT_FOUND', `Nothing at ${path.join('.')}.`, path);
    }
  } catch (e) {
    if (!(e instanceof EditError) || e.code !== 'EDIT_WOULD_EMPTY') throw e;
    if (parentPath.length > keepDepth) return deleteAt(s, parentPath, keepDepth);
    // the container must stay: leave it empty in flow style
    s.apply([setEmpty(s, parentPath, isSeq(parent.node) ? [] : {})]);
  }
}

function setEmpty(s: EditSession, path: Path, empty: CfnValue) {
  const ctx = s.ctx;
  const found = nodeAt(ctx.doc, path);
  const grand = nodeAt(ctx.doc, path.slice(0, -1));
  if (!found?.pair || !grand || !isMap(grand.node)) throw new EditError('EDIT_UNSUPPORTED', `Cannot empty ${path.join('.')}.`, path);
  return setIn(ctx, grand.node, [String(path[path.length - 1])], empty);
}
