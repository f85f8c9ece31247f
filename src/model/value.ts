import { isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Alias, Document, Node as YamlNode } from 'yaml';
import { SHORT_TO_LONG } from './yaml/tags.ts';
import { MAX_ALIAS_DEREFS } from './yaml/limits.ts';

/** A template value in CloudFormation's JSON form: intrinsics are `{Ref: X}`, `{"Fn::Sub": ...}`. */
export type CfnValue = null | boolean | number | string | CfnValue[] | CfnObject;
export interface CfnObject {
  [key: string]: CfnValue;
}

export function isObject(v: CfnValue | undefined): v is CfnObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets a key without ever touching a prototype (`__proto__` stays an own key). */
export function setKey(obj: CfnObject, key: string, value: CfnValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

export class AliasLimitError extends Error {
  readonly code = 'YAML_ALIAS_LIMIT';
}

/** Key of a map pair as the string CloudFormation would see. */
export function keyString(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  if (key === null || key === undefined) return '';
  return String(key);
}

function scalarValue(node: Scalar): CfnValue {
  const v = node.value;
  if (typeof v === 'number') {
    // A plain `054676820928` or `1.10` is kept as written: CloudFormation reads it as that string.
    const src = node.source;
    if (node.type === Scalar.PLAIN && src !== undefined && String(v) !== src) return src;
    return v;
  }
  if (typeof v === 'bigint') return node.source ?? String(v);
  if (v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  return String(v);
}

function intrinsic(tag: string, arg: CfnValue): CfnValue {
  const long = SHORT_TO_LONG[tag];
  if (!long) return arg;
  if (long === 'Fn::GetAtt' && typeof arg === 'string') {
    const dot = arg.indexOf('.');
    return { [long]: dot === -1 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)] };
  }
  return { [long]: arg };
}

type AnchorIndex = Map<string, Array<{ at: number; node: unknown }>>;

/** Anchor name -> definitions in source order; yaml's own `Alias.resolve` re-walks the whole document per call. */
function indexAnchors(doc: Document): AnchorIndex {
  const index: AnchorIndex = new Map();
  const walk = (n: unknown): void => {
    if (n === null || typeof n !== 'object') return;
    const node = n as { anchor?: string; range?: [number, number, number] | null };
    if (isPair(n)) {
      walk(n.key);
      walk(n.value);
      return;
    }
    if (node.anchor && !isAlias(n)) {
      let list = index.get(node.anchor);
      if (!list) index.set(node.anchor, (list = []));
      list.push({ at: node.range?.[0] ?? 0, node: n });
    }
    if (isMap(n) || isSeq(n)) for (const item of n.items) walk(item);
  };
  walk(doc.contents);
  return index;
}

/** The most recent definition of the alias's anchor before the alias itself (YAML's rule). */
function resolveAlias(index: AnchorIndex, alias: Alias): unknown {
  const list = index.get(alias.source);
  if (!list) return null;
  const at = alias.range?.[0] ?? Number.MAX_SAFE_INTEGER;
  let found: unknown = null;
  for (const d of list) if (d.at < at) found = d.node;
  return found;
}

/** Converts a composed YAML node to its CloudFormation JSON value. Aliases are followed under a budget. */
export interface ValueStats {
  /** Set when the tree has an anchor or an alias. */
  anchors: boolean;
}

export function toValue(doc: Document, node: unknown, stats?: ValueStats): CfnValue {
  let derefs = 0;
  let anchors: AnchorIndex | null = null;
  const walk = (n: unknown): CfnValue => {
    if (n === null || n === undefined) return null;
    if (stats && (n as { anchor?: string }).anchor) stats.anchors = true;
    if (isAlias(n)) {
      if (stats) stats.anchors = true;
      if (++derefs > MAX_ALIAS_DEREFS) throw new AliasLimitError('too many alias references');
      anchors ??= indexAnchors(doc);
      return walk(resolveAlias(anchors, n));
    }
    if (isScalar(n)) {
      const v = scalarValue(n);
      return n.tag && n.tag.startsWith('!') && !n.tag.startsWith('!!') ? intrinsic(n.tag, v) : v;
    }
    if (isMap(n)) {
      const obj: CfnObject = {};
      for (const item of n.items) setKey(obj, keyString(isAlias(item.key) ? (anchors ??= indexAnchors(doc), resolveAlias(anchors, item.key)) : item.key), walk(item.value));
      return n.tag && n.tag.startsWith('!') && !n.tag.startsWith('!!') ? intrinsic(n.tag, obj) : obj;
    }
    if (isSeq(n)) {
      const arr = n.items.map((i): CfnValue => {
        if (!isPair(i)) return walk(i);
        const single: CfnObject = {};
        setKey(single, keyString(i.key), walk(i.value));
        return single;
      });
      return n.tag && n.tag.startsWith('!') && !n.tag.startsWith('!!') ? intrinsic(n.tag, arr) : arr;
    }
    if (isPair(n)) return walk(n.value);
    return null;
  };
  return walk(node as YamlNode);
}

/** Deep structural equality of two CfnValues. */
export function valueEquals(a: CfnValue | undefined, b: CfnValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => valueEquals(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && valueEquals(a[k], b[k]));
  }
  return false;
}

export function cloneValue<T extends CfnValue>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => cloneValue(x)) as T;
  if (isObject(v)) {
    const o: CfnObject = {};
    for (const k of Object.keys(v)) setKey(o, k, cloneValue(v[k]!));
    return o as T;
  }
  return v;
}

/** The value at `path` (keys, and indexes into lists), or undefined when any step is missing. */
export function valueAt(root: CfnValue | undefined, path: readonly (string | number)[]): CfnValue | undefined {
  let v = root;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isObject(v) && typeof seg === 'string') v = Object.prototype.hasOwnProperty.call(v, seg) ? v[seg] : undefined;
    else return undefined;
  }
  return v;
}
