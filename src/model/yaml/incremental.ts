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


/** Moves every source range in `node` from old-text offsets to new-text offsets. */
function remapTree(node: unknown, move: (pos: number) => number): void {
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
      r[0] = move(r[0]);
      r[1] = move(r[1]);
      r[2] = move(r[2]);
    }
    const items = (n as { items?: unknown[] }).items;
    if (Array.isArray(items)) for (const it of items) stack.push(it);
  }
}

/** Moves every range at or after `from` by `delta` (a parsed piece into place: `from` 0). */
function shiftTree(node: unknown, from: number, delta: number): void {
  remapTree(node, (pos) => (pos >= from ? pos + delta : pos));
}

/** One section entry (a resource, parameter, output, ...) that some splices fall in. */
interface Touched {
  readonly section: Pair;
  readonly entry: Pair;
  /** Where the entry's text starts (its key's line) and ends (its last line), in the old text. */
  readonly start: number;
  readonly end: number;
  /** How much longer the splices inside it make the text. */
  delta: number;
}

/** The section entry whose lines hold `[lo, hi]`, if any. */
function entryHolding(text: string, root: YAMLMap, lo: number, hi: number): { section: Pair; entry: Pair } | null {
  let section: Pair | undefined;
  for (const p of root.items as Pair[]) {
    const k = (p.key as { range?: Range3 }).range;
    if (k && lineStart(text, k[0]) <= lo && hi <= lineEnd(text, pairEnd(text, p))) section = p;
  }
  if (!section || !isMap(section.value) || section.value.flow) return null;
  const entries = section.value.items as Pair[];
  const holds = (p: Pair): boolean => {
    const k = (p.key as { range?: Range3 }).range;
    return Boolean(k && lineStart(text, k[0]) <= lo && hi <= lineEnd(text, pairEnd(text, p)));
  };
  // A block map's keys are in text order, each on a line of its own, and an entry ends before
  // the next key's line: only the last entry whose key's line starts at or before `lo` can hold
  // the range. Found by halving (a section may have hundreds of entries, and an entry's end is a
  // walk down its last values); a key without a range falls back to trying every entry.
  let a = 0;
  let b = entries.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    const k = (entries[mid]!.key as { range?: Range3 }).range;
    if (!k) {
      const found = entries.find(holds);
      return found ? { section, entry: found } : null;
    }
    if (lineStart(text, k[0]) <= lo) a = mid + 1;
    else b = mid;
  }
  const entry = entries[a - 1];
  return entry && holds(entry) ? { section, entry } : null;
}

/**
 * Parses an edited text by re-reading only the section entries (resources, parameters,
 * outputs, ...) that the splices touched, and patching those into the previous tree: the cost
 * of an edit then grows with what it touched, not with the file. A rename touches the entry
 * whose key it changes and every entry that names it. Returns null whenever that is not
 * certainly equivalent to a full parse (the caller then parses everything).
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
  const root = doc.contents;
  const sections = root.items as Pair[];

  // the entries the splices fall in, in text order; a splice across entries is not local
  const touched: Touched[] = [];
  for (const sp of [...splices].sort((x, y) => x.start - y.start)) {
    const at = entryHolding(text, root, sp.start, sp.end);
    if (!at) return null;
    let t = touched.find((x) => x.entry === at.entry);
    if (!t) {
      const keyRange = (at.entry.key as { range: Range3 }).range;
      const start = lineStart(text, keyRange[0]);
      if (text.slice(start, keyRange[0]).trim() !== '') return null;
      t = { ...at, start, end: lineEnd(text, pairEnd(text, at.entry)), delta: 0 };
      touched.push(t);
    }
    t.delta += sp.text.length - (sp.end - sp.start);
  }
  touched.sort((x, y) => x.start - y.start);
  if (touched.reduce((total, t) => total + t.delta, 0) !== newText.length - text.length) return null;
  // old offset -> new offset: shifted by every touched entry that ends at or before it
  // (entries do not overlap, so their ends are in order too)
  const ends = touched.map((t) => t.end);
  let sum = 0;
  const shifts = touched.map((t) => (sum += t.delta));
  const move = (pos: number): number => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? pos : pos + shifts[lo - 1]!;
  };

  // read each touched entry again, up to the next key, as the full parse does: trailing blank
  // and comment lines belong to the entry there too
  const parts = [];
  const stats = { anchors: false };
  for (const t of touched) {
    const map = t.section.value as YAMLMap;
    const idx = map.items.indexOf(t.entry);
    const next = map.items[idx + 1] ?? sections[sections.indexOf(t.section) + 1];
    const nextKey = next ? (next.key as { range?: Range3 }).range?.[0] : undefined;
    const sliceEnd = nextKey !== undefined && nextKey > t.end ? nextKey : text.length;
    // read to the end of the text only when no other touched entry follows
    if (sliceEnd === text.length && touched.some((x) => x.start > t.start)) return null;
    const from = move(t.start);
    const part = parseDocument(newText.slice(from, move(sliceEnd)), { customTags: [...CFN_TAGS], prettyErrors: false, keepSourceTokens: false });
    if (part.errors.length || part.warnings.length || !isMap(part.contents) || part.contents.flow) return null;
    const items = part.contents.items as Pair[];
    if (!items.length || !items.every((p) => isScalar(p.key))) return null;
    parts.push({ t, from, items, values: items.map((p) => toValue(part, p.value, stats)) });
  }
  if (stats.anchors) return null;

  // the new value of each touched section: its entries in order, each touched one replaced by
  // what it reads as now (a renamed key in its place; entries an edit added after it); any key
  // that comes out twice means the pieces do not add up to what a full parse reads
  const sectionsOut = new Map<string, CfnObject>();
  for (const section of new Set(touched.map((t) => t.section))) {
    const name = keyString(section.key);
    const before = value[name];
    if (!before || typeof before !== 'object' || Array.isArray(before)) return null;
    const read = new Map(parts.filter((x) => x.t.section === section).map((x) => [keyString(x.t.entry.key), x]));
    const out: CfnObject = {};
    let count = 0;
    for (const k of Object.keys(before)) {
      const part = read.get(k);
      if (!part) {
        setKey(out, k, (before as CfnObject)[k]!);
        count++;
        continue;
      }
      part.items.forEach((p, i) => setKey(out, keyString(p.key), part.values[i] as CfnValue));
      count += part.items.length;
    }
    if (Object.keys(out).length !== count) return null;
    sectionsOut.set(name, out);
  }

  const state = old.handOver();
  const tree = state.doc!;
  // entries that kept their length move nothing (a value changed in place, the common edit)
  if (shifts.some((d) => d !== 0)) remapTree(tree.contents, move);
  const docRange = (tree as unknown as { range: Range3 }).range;
  if (docRange) for (let i = 0; i < 3; i++) docRange[i] = move(docRange[i]!);
  for (const { t, from, items } of parts) {
    for (const p of items) shiftTree(p, 0, from);
    const list = (t.section.value as YAMLMap).items as Pair[];
    list.splice(list.indexOf(t.entry), 1, ...items);
  }
  const out: CfnObject = {};
  for (const k of Object.keys(value)) setKey(out, k, sectionsOut.get(k) ?? value[k]!);
  return new Parsed(newText, { doc: tree, value: out, diagnostics: [], blocked: false, anchors: false }, old.style);
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
