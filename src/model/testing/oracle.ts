import { cloneValue, isObject, setKey } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { subPattern } from '../edit/refs.ts';

/**
 * Value-level expectations for edits, written independently of the text engine: the corpus
 * battery and property tests compare what the text edit produced with these.
 */

export function setAtValue(root: CfnObject, path: readonly (string | number)[], value: CfnValue): CfnObject {
  const out = cloneValue(root);
  let cur: CfnValue = out;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    if (Array.isArray(cur)) cur = cur[seg as number]!;
    else if (isObject(cur)) {
      const next: CfnValue | undefined = cur[seg as string];
      if (!isObject(next) && !Array.isArray(next)) setKey(cur, seg as string, {});
      cur = cur[seg as string]!;
    }
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(cur)) cur[last as number] = value;
  else if (isObject(cur)) setKey(cur, last as string, value);
  return out;
}

/** Renames a logical id everywhere CloudFormation would resolve it. */
export function renameInValue(root: CfnObject, from: string, to: string): CfnObject {
  const sub = subPattern(from);
  const rewriteSub = (s: string) => s.replace(sub, (_m, attr: string | undefined) => '${' + to + (attr ?? '') + '}');
  const walk = (v: CfnValue, path: readonly (string | number)[]): CfnValue => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (!isObject(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const k = keys[0]!;
      const a = v[k]!;
      if (k === 'Ref' && a === from) return { Ref: to };
      if (k === 'Fn::GetAtt') {
        if (Array.isArray(a) && a[0] === from) return { 'Fn::GetAtt': [to, ...a.slice(1).map((x, i) => walk(x, [...path, k, i + 1]))] };
        if (typeof a === 'string' && a.startsWith(from + '.')) return { 'Fn::GetAtt': to + a.slice(from.length) };
      }
      if (k === 'Fn::Sub') {
        if (typeof a === 'string') return { 'Fn::Sub': rewriteSub(a) };
        if (Array.isArray(a) && typeof a[0] === 'string') {
          const vars = a[1];
          const shadowed = isObject(vars) && Object.prototype.hasOwnProperty.call(vars, from);
          return { 'Fn::Sub': [shadowed ? a[0] : rewriteSub(a[0]), ...a.slice(1).map((x, i) => walk(x, [...path, k, i + 1]))] };
        }
      }
    }
    const o: CfnObject = {};
    for (const key of keys) {
      let child = v[key]!;
      if (key === 'DependsOn' && path.length === 2 && path[0] === 'Resources') {
        if (child === from) child = to;
        else if (Array.isArray(child)) child = child.map((d) => (d === from ? to : d));
        setKey(o, key, child);
        continue;
      }
      const newKey = path.length === 1 && path[0] === 'Resources' && key === from ? to : key;
      setKey(o, newKey, walk(child, [...path, key]));
    }
    return o;
  };
  return walk(root, []) as CfnObject;
}

/** Does `v` mention `id` through Ref / GetAtt / Sub / DependsOn? */
export function mentions(v: CfnValue | undefined, id: string): boolean {
  if (v === id) return true;
  if (typeof v === 'string') {
    const p = subPattern(id);
    return p.test(v);
  }
  if (Array.isArray(v)) return v.some((x) => mentions(x, id));
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
      const a = v['Fn::GetAtt'];
      if (Array.isArray(a) && a[0] === id) return true;
      if (typeof a === 'string' && a.startsWith(id + '.')) return true;
    }
    return keys.some((k) => mentions(v[k], id));
  }
  return false;
}

/**
 * Checks that `after` is `before` minus subtrees that each mention `id` (or containers that
 * became empty because of such removals). Returns the first violating path, or null.
 */
export function onlyRemovedMentions(before: CfnValue | undefined, after: CfnValue | undefined, id: string, path: readonly (string | number)[] = []): string | null {
  if (after === undefined) return before === undefined || mentions(before, id) || emptied(before, id) ? null : path.join('.');
  if (Array.isArray(before) && Array.isArray(after)) {
    let j = 0;
    for (let i = 0; i < before.length; i++) {
      const b = before[i];
      if (j < after.length && onlyRemovedMentions(b, after[j], id, [...path, i]) === null) {
        j++;
        continue;
      }
      if (!mentions(b, id)) return [...path, i].join('.');
    }
    return j === after.length ? null : [...path, j].join('.');
  }
  if (isObject(before) && isObject(after)) {
    const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
    for (const k of Object.keys(after)) if (!own(before, k)) return [...path, k].join('.');
    for (const k of Object.keys(before)) {
      const r = onlyRemovedMentions(before[k], own(after, k) ? after[k] : undefined, id, [...path, k]);
      if (r !== null) return r;
    }
    return null;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? null : path.join('.');
}

function emptied(v: CfnValue | undefined, id: string): boolean {
  if (Array.isArray(v)) return v.every((x) => mentions(x, id) || emptied(x, id));
  if (isObject(v)) return Object.keys(v).every((k) => mentions(v[k], id) || emptied(v[k], id));
  return false;
}

/** Line-level diff window: the first and last changed lines, as [start, endBefore, endAfter). */
export function changedWindow(before: string, after: string): { start: number; endBefore: number; endAfter: number } | null {
  if (before === after) return null;
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let ea = a.length;
  let eb = b.length;
  while (ea > start && eb > start && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  return { start, endBefore: ea, endAfter: eb };
}

/**
 * Compares two composed trees node by node (kind, tag, source range, scalar value): a local
 * re-parse must be indistinguishable from parsing the whole text. Returns the first difference.
 */
export function treeDifference(a: unknown, b: unknown, path = '$'): string | null {
  const kind = (n: unknown) => (n === null || typeof n !== 'object' ? typeof n : (n.constructor as { name: string }).name);
  if (kind(a) !== kind(b)) return `${path}: ${kind(a)} vs ${kind(b)}`;
  if (a === null || typeof a !== 'object') return a === b ? null : `${path}: ${String(a)} vs ${String(b)}`;
  const x = a as { range?: number[]; tag?: string; value?: unknown; key?: unknown; items?: unknown[] };
  const y = b as typeof x;
  // Block collections' end offsets depend on what follows them (trailing blank lines, EOF) and
  // are never used: the engine ends a block collection at its last item. Everything else must match.
  const block = Array.isArray(x.items) && !(x as { flow?: boolean }).flow;
  const rx = block ? x.range?.slice(0, 1) : x.range;
  const ry = block ? y.range?.slice(0, 1) : y.range;
  if (JSON.stringify(rx) !== JSON.stringify(ry)) return `${path}: range ${JSON.stringify(x.range)} vs ${JSON.stringify(y.range)}`;
  if (x.tag !== y.tag) return `${path}: tag ${x.tag} vs ${y.tag}`;
  if ('key' in x) {
    const k = treeDifference(x.key, y.key, `${path}.key`);
    if (k) return k;
  }
  if (Array.isArray(x.items)) {
    if (!Array.isArray(y.items) || x.items.length !== y.items.length) return `${path}: ${x.items.length} items vs ${y.items?.length}`;
    for (let i = 0; i < x.items.length; i++) {
      const d = treeDifference(x.items[i], y.items[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if ('value' in x) return typeof x.value === 'object' ? treeDifference(x.value, y.value, `${path}.value`) : x.value === y.value ? null : `${path}: ${String(x.value)} vs ${String(y.value)}`;
  return null;
}

/**
 * The template with condition `from` renamed to `to`, at the value level: the Conditions key,
 * `Condition` attributes of resources and outputs, `Fn::If`'s first argument and
 * `{Condition: name}` inside conditions. Written independently of the text engine.
 */
export function renameConditionInValue(root: CfnObject, from: string, to: string): CfnObject {
  const walk = (v: CfnValue, path: readonly (string | number)[]): CfnValue => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (!isObject(v)) return v;
    const o: CfnObject = {};
    for (const key of Object.keys(v)) {
      let child = walk(v[key]!, [...path, key]);
      const attribute = path.length === 2 && (path[0] === 'Resources' || path[0] === 'Outputs');
      if (key === 'Condition' && (attribute || path[0] === 'Conditions') && child === from) child = to;
      if (key === 'Fn::If' && Array.isArray(child) && child[0] === from) child = [to, ...child.slice(1)];
      setKey(o, path.length === 1 && path[0] === 'Conditions' && key === from ? to : key, child);
    }
    return o;
  };
  return walk(root, []) as CfnObject;
}
