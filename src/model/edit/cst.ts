import { isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Document, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { EditError } from '../errors.ts';
import { colonOf, contentEnd, hasSource, isBlank, keyStart, pairEnd, rangeOf } from '../yaml/span.ts';
export { EditError } from '../errors.ts';
export { colonOf, contentEnd, keyStart, pairEnd } from '../yaml/span.ts';
import { findPair } from '../yaml/nav.ts';
export { findPair, nodeAt } from '../yaml/nav.ts';
import { emitFlow, emitJson, emitYaml, mapLines, quoted, doubleQuoted, yamlKey, yamlScalar } from '../text/emit.ts';
import { columnOf, lineEnd, lineStart } from '../text/lines.ts';
import type { Splice } from '../text/splice.ts';
import type { Style } from '../text/style.ts';
import { keyString } from '../value.ts';
import { isIntrinsicKey } from '../yaml/tags.ts';
import type { CfnObject, CfnValue } from '../value.ts';

/**
 * Text-level primitives over a composed document. Every primitive returns a splice that
 * touches only the bytes it must: positions come from the parser's source ranges, new text
 * from `emit.ts` in the file's own style. See docs/decisions/0002-lossless-edits.md.
 */
export interface EditContext {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly style: Style;
}


function pad(n: number): string {
  return ' '.repeat(n);
}

function flowOrJsonValue(ctx: EditContext, value: CfnValue, column: number): string {
  if (ctx.style.syntax === 'json') return emitJson(value, ctx.style, column, ctx.style.eol);
  const f = emitFlow(value, ctx.style, Number.MAX_SAFE_INTEGER);
  if (f === null) throw new EditError('EDIT_UNSUPPORTED_VALUE', 'The value cannot be written in flow style.');
  return f;
}

/** Is the map/seq written in flow style (including every JSON collection)? */
function isFlow(node: YAMLMap | YAMLSeq): boolean {
  return Boolean(node.flow);
}

/** The column where the key of `pair` starts. */
function keyColumn(text: string, pair: Pair): number {
  return columnOf(text, keyStart(pair));
}

/** Is `pair` inside a flow collection (so its value must be flow too)? */
function inFlow(parent: YAMLMap): boolean {
  return isFlow(parent);
}

/**
 * A new block value (lines below the key) replacing `[.., end)`: whatever followed the old
 * value on its line (spaces, a comment) must not end up after the last new line, where it
 * would become part of a block scalar. The comment moves up to the key's line.
 */
function blockTail(text: string, end: number): { end: number; comment: string } {
  const le = lineEnd(text, end);
  const rest = text.slice(end, le);
  const t = rest.trim();
  if (t === '') return { end: le, comment: '' };
  if (t.startsWith('#')) return { end: le, comment: ' ' + t };
  return { end, comment: '' };
}

/** Replaces the value of `pair` (in `parent`) with `value`, keeping the key and its comment. */
export function replacePairValue(ctx: EditContext, parent: YAMLMap, pair: Pair, value: CfnValue): Splice {
  const { text, style } = ctx;
  const colon = colonOf(text, pair);
  const end = pairEnd(text, pair);
  if (inFlow(parent)) {
    return { start: colon + 1, end, text: ' ' + flowOrJsonValue(ctx, value, lineIndent(text, keyStart(pair))) };
  }
  const col = keyColumn(text, pair);
  const childIndent = col + style.indent;
  const e = emitYaml(value, style, childIndent, style.seqIndent ? childIndent : col);
  let out = e.inline === null ? '' : ' ' + e.inline;
  if (!e.block.length) return { start: colon + 1, end, text: out };
  const tail = blockTail(text, end);
  out += tail.comment + style.eol + e.block.join(style.eol);
  return { start: colon + 1, end: tail.end, text: out };
}

/** Indentation (columns of leading spaces) of the line containing `offset`. */
export function lineIndent(text: string, offset: number): number {
  const s = lineStart(text, offset);
  let i = s;
  while (isBlank(text[i])) i++;
  return i - s;
}

export interface InsertOptions {
  /** Separate the new entry from the previous one with a blank line. */
  readonly blankLine?: boolean;
}

/** Adds `key: value` at the end of `map`. */
export function insertPair(ctx: EditContext, map: YAMLMap, key: string, value: CfnValue, opts: InsertOptions = {}): Splice {
  const { text, style } = ctx;
  const items = map.items as Pair[];
  if (isFlow(map)) {
    const r = rangeOf(map);
    const close = contentEnd(text, map) - 1;
    if (style.syntax === 'json') {
      const k = JSON.stringify(key);
      if (!items.length) {
        const base = lineIndent(text, r[0]);
        const inner = base + style.indent * (style.indentChar === '\t' ? 1 : 1);
        const unit = style.indentChar === '\t' ? '\t' : ' ';
        const innerPad = unit.repeat(inner);
        return {
          start: r[0] + 1,
          end: close,
          text: style.eol + innerPad + k + ': ' + emitJson(value, style, inner, style.eol) + style.eol + unit.repeat(base),
        };
      }
      const last = items[items.length - 1]!;
      const at = pairEnd(text, last);
      const multiline = text.lastIndexOf('\n', keyStart(last)) > r[0];
      if (multiline) {
        const col = keyColumn(text, last);
        const unit = style.indentChar === '\t' ? '\t' : ' ';
        return { start: at, end: at, text: ',' + style.eol + unit.repeat(col) + k + ': ' + emitJson(value, style, col, style.eol) };
      }
      return { start: at, end: at, text: ', ' + k + ': ' + JSON.stringify(value) };
    }
    if (!items.length) {
      const block = firstEntryAsBlock(ctx, map, key, value);
      if (block) return block;
    }
    const entry = `${yamlKey(key, style, true)}: ${flowOrJsonValue(ctx, value, 0)}`;
    if (!items.length) {
      return { start: r[0] + 1, end: close, text: style.flowPadding ? ` ${entry} ` : entry };
    }
    const last = items[items.length - 1]!;
    const at = pairEnd(text, last);
    return { start: at, end: at, text: ', ' + entry };
  }
  if (!items.length) throw new EditError('EDIT_UNSUPPORTED', 'Cannot insert into an empty block mapping.');
  const col = keyColumn(text, items[0]!);
  const last = items[items.length - 1]!;
  const at = lineEnd(text, pairEnd(text, last));
  const lines = mapLines({ [key]: value } as Record<string, CfnValue>, style, col);
  const sep = opts.blankLine ? style.eol : '';
  return { start: at, end: at, text: style.eol + sep + lines.join(style.eol) };
}

/** The pair whose value is `node`, and the collection holding that pair (null at the top, or not found). */
function parentPair(doc: Document.Parsed, node: unknown): { pair: Pair; holder: YAMLMap } | null {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      for (const p of n.items as Pair[]) {
        if (p.value === node) return { pair: p, holder: n };
        stack.push(p.value);
      }
    } else if (isSeq(n)) stack.push(...n.items);
  }
  return null;
}

/**
 * The first entry of an empty flow mapping that is the value of a block key (`Resources: {}`,
 * as a new template says "nothing yet"): the entry is written as a block under the key, the
 * way anyone writing it by hand would, instead of growing a one-line flow mapping. Only that
 * line changes; a comment after the braces moves up to the key's line. Null when the braces
 * carry a tag or an anchor, share their line with anything but a comment, or sit in a flow
 * collection: the caller then writes the entry inside them.
 */
function firstEntryAsBlock(ctx: EditContext, map: YAMLMap, key: string, value: CfnValue): Splice | null {
  const { text } = ctx;
  const at = parentPair(ctx.doc, map);
  if (!at || isFlow(at.holder) || !hasSource(at.pair.key)) return null;
  const r = rangeOf(map);
  if (text.slice(colonOf(text, at.pair) + 1, r[0]).trim() !== '') return null;
  if (blockTail(text, contentEnd(text, map)).end !== lineEnd(text, r[0])) return null;
  // then it is the key's value replaced by a one-entry mapping, written as any block value is
  return replacePairValue(ctx, at.holder, at.pair, { [key]: value } as CfnObject);
}

/** Are a block mapping's entries set apart by blank lines (most of them), so a new one should be too? */
export function separatedByBlankLines(text: string, map: YAMLMap): boolean {
  const items = map.items as Pair[];
  if (isFlow(map) || items.length < 2) return false;
  let blank = 0;
  for (const pair of items.slice(1)) {
    const ks = keyStart(pair);
    const ls = lineStart(text, ks);
    const start = leadingCommentStart(text, ls, ks - ls);
    if (start > 0 && isBlankLine(text, lineStart(text, start - 1))) blank++;
  }
  return blank * 2 >= items.length - 1;
}

/** Start of the comment lines directly above `offset`'s line at the same indentation. */
function leadingCommentStart(text: string, lineOffset: number, col: number): number {
  let start = lineOffset;
  while (start > 0) {
    const prevStart = lineStart(text, start - 1);
    const line = text.slice(prevStart, start).replace(/\r?\n$/, '');
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#') && line.length - trimmed.length === col) start = prevStart;
    else break;
  }
  return start;
}

function isBlankLine(text: string, from: number): boolean {
  const e = lineEnd(text, from);
  return text.slice(from, e).trim() === '';
}

/** Removes whole lines [start, end-of-line(lastOffset)] including the newline, tidying blank lines. */
function removeLines(text: string, start: number, lastOffset: number): Splice {
  let end = lineEnd(text, lastOffset);
  if (end < text.length) end = text.indexOf('\n', end) + 1;
  else if (start > 0) {
    // last line of a file without a final newline: take the line break (and blank lines)
    // before it instead, so the file still ends without one
    let s = start;
    while (s > 0) {
      s--; // the line break before the line at s
      if (s > 0 && text[s - 1] === '\r') s--;
      const ls = lineStart(text, s);
      if (text.slice(ls, s).trim() !== '') break;
      s = ls; // a blank line: goes too
    }
    return { start: s, end, text: '' };
  }
  // avoid leaving two blank lines where the removed entry sat between blank lines
  if (start > 0 && end < text.length) {
    const prevStart = lineStart(text, start - 1);
    if (isBlankLine(text, prevStart) && isBlankLine(text, end)) start = prevStart;
  } else if (start > 0 && end >= text.length) {
    const prevStart = lineStart(text, start - 1);
    if (isBlankLine(text, prevStart)) start = prevStart;
  }
  return { start, end, text: '' };
}

/** Removes `pair` from `map`. Throws EDIT_WOULD_EMPTY when it is a block map's only entry. */
export function removePair(ctx: EditContext, map: YAMLMap, pair: Pair): Splice {
  const { text } = ctx;
  const items = map.items as Pair[];
  const idx = items.indexOf(pair);
  if (idx === -1) throw new EditError('EDIT_NOT_FOUND', 'No such entry.');
  if (items.length === 1) throw new EditError('EDIT_WOULD_EMPTY', 'Removing the only entry would leave the mapping empty.');
  if (isFlow(map)) {
    if (idx < items.length - 1) return { start: keyStart(pair), end: keyStart(items[idx + 1]!), text: '' };
    return { start: pairEnd(text, items[idx - 1]!), end: pairEnd(text, pair), text: '' };
  }
  const ks = keyStart(pair);
  const ls = lineStart(text, ks);
  if (text.slice(ls, ks).trim() !== '') {
    // `- Key: v` on a sequence dash: the next entry moves up onto the dash
    if (idx === 0) return { start: ks, end: keyStart(items[1]!), text: '' };
    throw new EditError('EDIT_UNSUPPORTED', 'This entry shares its line with another node.');
  }
  const start = leadingCommentStart(text, ls, ks - ls);
  return removeLines(text, start, pairEnd(text, pair));
}

/** Renames a key in place, keeping its quoting. */
export function renameKey(ctx: EditContext, pair: Pair, newKey: string): Splice {
  const k = pair.key as Scalar;
  const r = rangeOf(k);
  return { start: r[0], end: contentEnd(ctx.text, k), text: scalarLike(ctx, k, newKey, isFlowKey(ctx, k)) };
}

function isFlowKey(ctx: EditContext, node: Scalar): boolean {
  return ctx.style.syntax === 'json' || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
}

/** Text for a string in the same quoting style as an existing scalar. */
export function scalarLike(ctx: EditContext, node: Scalar, value: string, flow = false): string {
  if (node.type === Scalar.QUOTE_DOUBLE) return doubleQuoted(value);
  if (node.type === Scalar.QUOTE_SINGLE) return quoted(value, { quote: "'" });
  return yamlScalar(value, ctx.style, flow);
}

/** Replaces a string scalar's text, keeping its tag, anchor and quoting. */
export function replaceScalar(ctx: EditContext, node: Scalar, value: string): Splice {
  const r = rangeOf(node);
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    throw new EditError('EDIT_UNSUPPORTED', 'Block scalars are rewritten through their source text.');
  }
  return { start: r[0], end: contentEnd(ctx.text, node), text: scalarLike(ctx, node, value, ctx.style.syntax === 'json') };
}

/** Replaces part of a scalar's raw source, for renames inside `!Sub` strings. */
export function rewriteScalarSource(ctx: EditContext, node: Scalar, rewrite: (src: string) => string): Splice | null {
  const r = rangeOf(node);
  const end = contentEnd(ctx.text, node);
  const src = ctx.text.slice(r[0], end);
  const next = rewrite(src);
  return next === src ? null : { start: r[0], end, text: next };
}

/** Where a comment starts on the line holding `offset` (or -1): a `#` at the start or after a space. */
function commentStartOnLine(text: string, offset: number): number {
  const ls = lineStart(text, offset);
  const line = text.slice(ls, lineEnd(text, offset));
  const m = /(^|[ \t])#/.exec(line);
  return m ? ls + m.index + m[1]!.length : -1;
}

/** Start offset of a block sequence item's `-` (which may stand on a line of its own above it). */
export function dashOf(text: string, item: unknown): number {
  let i = rangeOf(item)[0] - 1;
  for (;;) {
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    if (i < 0) break;
    const c = commentStartOnLine(text, i);
    if (c !== -1 && c <= i) {
      i = c - 1; // inside a comment: skip it
      continue;
    }
    if (text[i] === '-') return i;
    // step over a tag or anchor (`- !Ref X`, `- &a x`)
    let j = i;
    while (j >= 0 && !/\s/.test(text[j]!)) j--;
    const word = text.slice(j + 1, i + 1);
    if (word.startsWith('!') || word.startsWith('&')) i = j;
    else break;
  }
  throw new EditError('EDIT_UNSUPPORTED', 'Could not find the sequence item marker.');
}

export function insertSeqItem(ctx: EditContext, seq: YAMLSeq, value: CfnValue): Splice {
  const { text, style } = ctx;
  const items = seq.items as unknown[];
  if (isFlow(seq)) {
    const r = rangeOf(seq);
    const close = contentEnd(text, seq) - 1;
    if (!items.length) {
      if (style.syntax === 'json') return { start: r[0] + 1, end: close, text: JSON.stringify(value) };
      return { start: r[0] + 1, end: close, text: flowOrJsonValue(ctx, value, 0) };
    }
    const last = items[items.length - 1];
    const at = contentEnd(text, last);
    if (style.syntax === 'json') {
      const multiline = text.lastIndexOf('\n', rangeOf(last)[0]) > r[0];
      if (multiline) {
        const col = columnOf(text, rangeOf(last)[0]);
        const unit = style.indentChar === '\t' ? '\t' : ' ';
        return { start: at, end: at, text: ',' + style.eol + unit.repeat(col) + emitJson(value, style, col, style.eol) };
      }
      return { start: at, end: at, text: ', ' + JSON.stringify(value) };
    }
    return { start: at, end: at, text: ', ' + flowOrJsonValue(ctx, value, 0) };
  }
  if (!items.length) throw new EditError('EDIT_UNSUPPORTED', 'Cannot insert into an empty block sequence.');
  const dash = dashOf(text, items[0]);
  const col = columnOf(text, dash);
  const last = items[items.length - 1];
  const at = lineEnd(text, isPair(last) ? pairEnd(text, last) : contentEnd(text, last));
  const e = emitYaml(value, style, col + 2, col + 2);
  let line: string;
  if (e.inline !== null) line = `${pad(col)}- ${e.inline}` + (e.block.length ? style.eol + e.block.join(style.eol) : '');
  else line = `${pad(col)}- ${e.block[0]!.slice(col + 2)}` + (e.block.length > 1 ? style.eol + e.block.slice(1).join(style.eol) : '');
  return { start: at, end: at, text: style.eol + line };
}

export function removeSeqItem(ctx: EditContext, seq: YAMLSeq, index: number): Splice {
  const { text } = ctx;
  const items = seq.items as unknown[];
  const item = items[index];
  if (item === undefined) throw new EditError('EDIT_NOT_FOUND', 'No such item.');
  if (items.length === 1) throw new EditError('EDIT_WOULD_EMPTY', 'Removing the only item would leave the sequence empty.');
  if (isFlow(seq)) {
    const startOf = (n: unknown) => itemStart(text, n);
    if (index < items.length - 1) return { start: startOf(item), end: startOf(items[index + 1]), text: '' };
    return { start: contentEnd(text, items[index - 1]), end: contentEnd(text, item), text: '' };
  }
  const dash = dashOf(text, item);
  const ls = lineStart(text, dash);
  if (text.slice(ls, dash).trim() !== '') {
    if (index === 0) return { start: dash, end: dashOf(text, items[1]), text: '' };
    throw new EditError('EDIT_UNSUPPORTED', 'This item shares its line with another node.');
  }
  const start = leadingCommentStart(text, ls, dash - ls);
  return removeLines(text, start, isPair(item) ? pairEnd(text, item) : contentEnd(text, item));
}

/** Start of a flow item including its tag (`!Ref X`). */
function itemStart(text: string, item: unknown): number {
  let i = rangeOf(item)[0];
  // walk back over a tag/anchor written before the value
  for (;;) {
    let j = i - 1;
    while (j >= 0 && isBlank(text[j])) j--;
    let k = j;
    while (k >= 0 && !/[\s,[{]/.test(text[k]!)) k--;
    const word = text.slice(k + 1, j + 1);
    if (word && (word.startsWith('!') || word.startsWith('&'))) i = k + 1;
    else return i;
  }
}

/**
 * Sets the value at `path` below `map`: replaces an existing value, or inserts the missing
 * keys as one new nested entry at the deepest existing mapping.
 */
export function setIn(ctx: EditContext, map: YAMLMap, path: readonly string[], value: CfnValue): Splice {
  if (!path.length) throw new EditError('EDIT_BAD_PATH', 'Empty path.');
  let current = map;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const pair = findPair(current, key);
    if (!pair) {
      const rest = path.slice(i + 1);
      let nested: CfnValue = value;
      for (let j = rest.length - 1; j >= 0; j--) nested = { [rest[j]!]: nested };
      if (!current.items.length && !isFlow(current)) throw new EditError('EDIT_UNSUPPORTED', 'Empty block mapping.');
      return insertPair(ctx, current, key, nested);
    }
    if (i === path.length - 1) return replacePairValue(ctx, current, pair, value);
    const next = pair.value;
    if (isMap(next) && !next.tag && !isLongIntrinsic(next)) {
      current = next;
      continue;
    }
    // a scalar, null, sequence or intrinsic in the way: replace it with the nested value
    const rest = path.slice(i + 1);
    let nested: CfnValue = value;
    for (let j = rest.length - 1; j >= 0; j--) nested = { [rest[j]!]: nested };
    if (hasSource(next) && !(isScalar(next) && next.value === null)) {
      throw new EditError('EDIT_PATH_BLOCKED', `'${path.slice(0, i + 1).join('.')}' is not a mapping.`, path.slice(0, i + 1));
    }
    return replacePairValue(ctx, current, pair, nested);
  }
  throw new EditError('EDIT_BAD_PATH', 'Unreachable.');
}

/** Replaces item `index` of `seq` with `value`. */
export function replaceSeqItem(ctx: EditContext, seq: YAMLSeq, index: number, value: CfnValue): Splice {
  const { text, style } = ctx;
  const item = seq.items[index];
  if (item === undefined) throw new EditError('EDIT_NOT_FOUND', 'No such item.');
  const end = isPair(item) ? pairEnd(text, item) : contentEnd(text, item);
  if (isFlow(seq)) {
    return { start: itemStart(text, item), end, text: flowOrJsonValue(ctx, value, lineIndent(text, rangeOf(item)[0])) };
  }
  const dash = dashOf(text, item);
  const col = columnOf(text, dash);
  const e = emitYaml(value, style, col + 2, col + 2);
  const multiline = e.block.length > (e.inline === null ? 1 : 0);
  const tail = multiline ? blockTail(text, end) : { end, comment: '' };
  let out: string;
  if (e.inline !== null) out = e.inline + tail.comment + (e.block.length ? style.eol + e.block.join(style.eol) : '');
  else out = e.block[0]!.slice(col + 2) + tail.comment + (e.block.length > 1 ? style.eol + e.block.slice(1).join(style.eol) : '');
  // the item may start on the dash's line or below it (`-` alone, then the value)
  return { start: dash + 1, end: tail.end, text: ' ' + out };
}

/** `Ref: X` / `Fn::Sub: ...` written as a mapping: a value, not a mapping to add keys to. */
function isLongIntrinsic(map: YAMLMap): boolean {
  return map.items.length === 1 && isIntrinsicKey(keyString(map.items[0]!.key));
}
