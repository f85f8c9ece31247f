import { isMap, isPair, isScalar, parseDocument } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { Splice } from '../text/splice.ts';
import { lineEnd, lineStart } from '../text/lines.ts';
import { keyString, setKey, toValue } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { CFN_TAGS } from './tags.ts';
import { Parsed } from './parse.ts';
import { contentEnd, pairEnd } from './span.ts';

type Range3 = [number, number, number];


function shiftTree(node: unknown, from: number, delta: number): void {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (n === null || typeof n !== 'object') continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    const r = (n as { range?: Range3 | null }).range;
    if (r) {
      if (r[0] >= from) r[0] += delta;
      if (r[1] >= from) r[1] += delta;
      if (r[2] >= from) r[2] += delta;
    }
    const items = (n as { items?: unknown[] }).items;
    if (Array.isArray(items)) for (const it of items) stack.push(it);
  }
}

/**
 * Parses an edited text by re-reading only the one section entry (a resource, parameter or
 * output) that the splices touched, and patching that into the previous tree: the cost of an
 * edit then does not grow with the file. Returns null whenever that is not certainly
 * equivalent to a full parse (the caller then parses everything).
 */
export function reparseLocally(old: Parsed, newText: string, splices: readonly Splice[]): Parsed | null {
  if (!splices.length || old.blocked || old.diagnostics.length) return null;
  const doc = old.doc;
  const value = old.value;
  if (!doc || !value || !isMap(doc.contents)) return null;
  if (doc.contents.flow) return reparseFlowValue(old, newText, splices);
  // anchors or aliases make a local re-parse unsafe: an alias may point into another entry
  if (old.anchors) return null;
  const text = old.text;
  const lo = Math.min(...splices.map((s) => s.start));
  const hi = Math.max(...splices.map((s) => s.end));

  // the top-level section, then the entry within it, holding every splice
  let section: Pair | undefined;
  for (const p of doc.contents.items) {
    const k = (p.key as { range?: Range3 }).range;
    if (k && lineStart(text, k[0]) <= lo && hi <= lineEnd(text, pairEnd(text, p))) section = p;
  }
  if (!section || !isMap(section.value) || section.value.flow) return null;
  const map = section.value as YAMLMap;
  const idx = map.items.findIndex((p) => {
    const k = (p.key as { range?: Range3 }).range;
    return k && lineStart(text, k[0]) <= lo && hi <= lineEnd(text, pairEnd(text, p));
  });
  if (idx === -1) return null;
  const entry = map.items[idx] as Pair;
  const keyRange = (entry.key as { range: Range3 }).range;
  const start = lineStart(text, keyRange[0]);
  if (text.slice(start, keyRange[0]).trim() !== '') return null;
  const endOld = lineEnd(text, pairEnd(text, entry));
  const delta = newText.length - text.length;
  // Read up to the next key, as the full parse does: trailing blank and comment lines belong
  // to this entry's range there too.
  const sections = doc.contents.items as Pair[];
  const next = map.items[idx + 1] ?? sections[sections.indexOf(section) + 1];
  const nextKey = next ? (next.key as { range?: Range3 }).range?.[0] : undefined;
  const sliceEnd = nextKey !== undefined && nextKey > endOld ? nextKey : text.length;
  const slice = newText.slice(start, sliceEnd + delta);

  const part = parseDocument(slice, { customTags: [...CFN_TAGS], prettyErrors: false, keepSourceTokens: false });
  if (part.errors.length || part.warnings.length || !isMap(part.contents) || part.contents.flow) return null;
  const items = part.contents.items as Pair[];
  const name = keyString(entry.key);
  if (!items.length || keyString(items[0]!.key) !== name || !items.every((p) => isScalar(p.key))) return null;
  const sectionName = keyString(section.key);
  const sectionValue = value[sectionName];
  if (!sectionValue || typeof sectionValue !== 'object' || Array.isArray(sectionValue)) return null;
  const newKeys = items.slice(1).map((p) => keyString(p.key));
  if (newKeys.some((k) => Object.prototype.hasOwnProperty.call(sectionValue, k) || newKeys.indexOf(k) !== newKeys.lastIndexOf(k))) return null;

  const stats = { anchors: false };
  const values = items.map((p) => toValue(part, p.value, stats));
  if (stats.anchors) return null;
  const state = old.handOver();
  const tree = state.doc!;
  shiftTree(tree.contents, endOld, delta);
  const docRange = (tree as unknown as { range: Range3 }).range;
  if (docRange) for (let i = 0; i < 3; i++) if (docRange[i]! >= endOld) docRange[i]! += delta;
  for (const p of items) shiftTree(p, 0, start);
  ((section.value as YAMLMap).items as Pair[]).splice(idx, 1, ...items);

  const sectionOut: CfnObject = {};
  for (const k of Object.keys(sectionValue)) {
    setKey(sectionOut, k, k === name ? values[0]! : (sectionValue as CfnObject)[k]!);
    if (k === name) items.slice(1).forEach((p, i) => setKey(sectionOut, keyString(p.key), values[i + 1] as CfnValue));
  }
  const root: CfnObject = {};
  for (const k of Object.keys(value)) setKey(root, k, k === sectionName ? sectionOut : value[k]!);
  return new Parsed(newText, { doc: tree, value: root, diagnostics: [], blocked: false, anchors: false }, old.style);
}

/**
 * The same for flow (JSON) templates: the edited entry's value `{...}` is read again on its
 * own and patched in. Only edits inside one section entry's value qualify.
 */
function reparseFlowValue(old: Parsed, newText: string, splices: readonly Splice[]): Parsed | null {
  const doc = old.doc!;
  const value = old.value!;
  // anchors or aliases make a local re-parse unsafe: an alias may point into another entry
  if (old.anchors) return null;
  const text = old.text;
  const lo = Math.min(...splices.map((s) => s.start));
  const hi = Math.max(...splices.map((s) => s.end));
  const root = doc.contents as YAMLMap;
  let section: Pair | undefined;
  for (const p of root.items as Pair[]) {
    const r = (p.value as { range?: Range3 } | null)?.range;
    if (r && r[0] < lo && hi < contentEnd(text, p.value)) section = p;
  }
  if (!section || !isMap(section.value)) return null;
  const map = section.value as YAMLMap;
  const idx = map.items.findIndex((p) => {
    const r = (p.value as { range?: Range3 } | null)?.range;
    return isMap(p.value) && p.value.flow && r && r[0] < lo && hi < contentEnd(text, p.value);
  });
  if (idx === -1) return null;
  const entry = map.items[idx] as Pair;
  const start = (entry.value as { range: Range3 }).range[0];
  const endOld = contentEnd(text, entry.value);
  const delta = newText.length - text.length;
  const part = parseDocument(newText.slice(start, endOld + delta), { customTags: [...CFN_TAGS], prettyErrors: false, keepSourceTokens: false });
  if (part.errors.length || part.warnings.length || !isMap(part.contents) || !part.contents.flow) return null;
  const node = part.contents;
  const stats = { anchors: false };
  const newValue = toValue(part, node, stats);
  if (stats.anchors) return null;
  const name = keyString(entry.key);
  const sectionName = keyString(section.key);
  const sectionValue = value[sectionName];
  if (!sectionValue || typeof sectionValue !== 'object' || Array.isArray(sectionValue)) return null;

  // the old value's trailing part (whitespace up to the comma) is the same text, moved
  const oldRange = (entry.value as { range: Range3 }).range;
  const gap = oldRange[2] - oldRange[1];
  const state = old.handOver();
  const tree = state.doc!;
  shiftTree(tree.contents, endOld, delta);
  const docRange = (tree as unknown as { range: Range3 }).range;
  if (docRange) for (let i = 0; i < 3; i++) if (docRange[i]! >= endOld) docRange[i]! += delta;
  shiftTree(node, 0, start);
  const r = (node as unknown as { range: Range3 }).range;
  r[2] = r[1] + gap;
  entry.value = node;

  const sectionOut: CfnObject = {};
  for (const k of Object.keys(sectionValue)) setKey(sectionOut, k, k === name ? newValue : (sectionValue as CfnObject)[k]!);
  const out: CfnObject = {};
  for (const k of Object.keys(value)) setKey(out, k, k === sectionName ? sectionOut : value[k]!);
  return new Parsed(newText, { doc: tree, value: out, diagnostics: [], blocked: false, anchors: false }, old.style);
}
