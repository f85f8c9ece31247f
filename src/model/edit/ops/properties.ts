import type { CfnValue } from '../../value.ts';
import { EditError } from '../cst.ts';
import type { EditSession } from '../session.ts';
import type { EditPath } from '../types.ts';
import { deleteAt, resourceMap, setAt } from './common.ts';

export function checkPath(path: EditPath): void {
  if (!Array.isArray(path) || !path.length) throw new EditError('EDIT_BAD_PATH', 'A property path needs at least one segment.');
  for (const p of path) {
    if (typeof p !== 'string' && !(typeof p === 'number' && Number.isInteger(p) && p >= 0)) {
      throw new EditError('EDIT_BAD_PATH', `Bad path segment ${JSON.stringify(p)}.`);
    }
  }
  if (path[0] === 'Type' && path.length > 1) throw new EditError('EDIT_BAD_PATH', 'Type is a string.');
}

export function setProperty(s: EditSession, resource: string, path: EditPath, value: CfnValue): void {
  checkPath(path);
  resourceMap(s, resource);
  setAt(s, ['Resources', resource, ...path], value);
}

export function deleteProperty(s: EditSession, resource: string, path: EditPath): void {
  checkPath(path);
  if (path.length === 1 && path[0] === 'Type') throw new EditError('EDIT_BAD_PATH', 'A resource must keep its Type.');
  resourceMap(s, resource);
  deleteAt(s, ['Resources', resource, ...path], 2);
}
