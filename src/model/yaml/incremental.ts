import { isMap, isPair, isScalar, parseDocument } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { Splice } from '../text/splice.ts';
import { lineEnd, lineStart } from '../text/lines.ts';
import { keyString, setKey, toValue } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { CFN_TAGS } from './tags.ts';
import { Parsed } from './parse.ts';
import { pairEnd } from './span.ts';

type Range3 = [number, number, number];

/** Anchors or aliases make a local re-parse unsafe (an alias may point into another entry). */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,\]}]/m;

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
  if (!splices.length || old.syntax !== 'yaml' || old.blocked || old.diagnostics.length) return null;
  const doc = old.doc;
  const value = old.value;
  if (!doc || !value || !isMap(doc.contents) || doc.contents.flow) return null;
  if (splices.some((s) => ANCHOR_OR_ALIAS.test(s.text)) || ANCHOR_OR_ALIAS.test(old.text)) return null;
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
  if (newKeys.some((k) => k in sectionValue || newKeys.indexOf(k) !== newKeys.lastIndexOf(k))) return null;

  const values = items.map((p) => toValue(part, p.value));
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
  return new Parsed(newText, { doc: tree, value: root, diagnostics: [], blocked: false });
}
