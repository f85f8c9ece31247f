import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Pair } from 'yaml';
import { EditError } from '../errors.ts';
import { lineEnd } from '../text/lines.ts';

// Source spans of composed nodes, without trailing comments, blank lines or newlines.
type Range3 = [number, number, number];

export function rangeOf(node: unknown): Range3 {
  const r = (node as { range?: Range3 | null } | null)?.range;
  if (!r) throw new EditError('EDIT_NO_SOURCE', 'The node has no source position.');
  return r;
}

export const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** End of the meaningful text of a node: no trailing comments, blank lines or newline. */
export function contentEnd(text: string, node: unknown): number {
  if (isScalar(node) || isAlias(node)) {
    const r = rangeOf(node);
    let e = r[1];
    while (e > r[0] && /[\s]/.test(text[e - 1]!)) e--;
    return e;
  }
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const items = node.items as unknown[];
    const last = items[items.length - 1];
    if (last === undefined) return rangeOf(node)[1];
    return isPair(last) ? pairEnd(text, last) : contentEnd(text, last);
  }
  if (isMap(node) || isSeq(node)) {
    const r = rangeOf(node);
    let e = r[1];
    while (e > r[0] && text[e - 1] !== '}' && text[e - 1] !== ']') e--;
    return e;
  }
  if (isPair(node)) return pairEnd(text, node);
  return rangeOf(node)[1];
}

export function hasSource(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (isScalar(value)) {
    const r = rangeOf(value);
    return r[1] > r[0];
  }
  return true;
}

export function pairEnd(text: string, pair: Pair): number {
  if (hasSource(pair.value)) return Math.max(contentEnd(text, pair.value), colonOf(text, pair) + 1);
  // `Key:` with nothing after it (maybe a tag such as `Key: !Ref`); keep any props on the line.
  const colon = colonOf(text, pair);
  let e = lineEnd(text, colon);
  const hash = text.slice(colon + 1, e).search(/\s#/);
  if (hash !== -1) e = colon + 1 + hash;
  while (e > colon + 1 && isBlank(text[e - 1])) e--;
  return e;
}

export function keyStart(pair: Pair): number {
  return rangeOf(pair.key)[0];
}

/** Offset of the `:` that ends the pair's key. */
export function colonOf(text: string, pair: Pair): number {
  let i = rangeOf(pair.key)[1];
  while (i < text.length && (isBlank(text[i]) || text[i] === '"' || text[i] === "'")) i++;
  if (text[i] !== ':') {
    // quoted keys end after their closing quote; anything else is a form we do not edit
    const j = text.indexOf(':', rangeOf(pair.key)[1]);
    if (j === -1 || text.slice(rangeOf(pair.key)[1], j).trim() !== '') {
      throw new EditError('EDIT_UNSUPPORTED_KEY', 'This key form (explicit `?` key) is not editable.');
    }
    return j;
  }
  return i;
}


