import { isSeq } from 'yaml';
import type { Path, SourceRange } from '../diagnostics/types.ts';
import { contentEnd, dashOf, EditError, keyStart, pairEnd } from '../edit/cst.ts';
import { columnOf } from '../text/lines.ts';
import type { ParsedText } from '../yaml/parse.ts';
import { nodeAt } from '../yaml/nav.ts';
import { rangeOf } from '../yaml/span.ts';

/** A piece of the template exactly as written: an entry with its key, or a list item with its dash. */
export interface Fragment {
  /** The source text from the key (or `-`) to the end of the value; no trailing comment or newline. */
  readonly text: string;
  readonly range: SourceRange;
  /** 0-based column where `text` starts on its first line. */
  readonly column: number;
  /** The path of the entry shown (`path` itself, or the nearest ancestor written in the file). */
  readonly path: Path;
  /** False when `path` is not written as such (reached through a merge key, or from Globals): an ancestor is shown. */
  readonly exact: boolean;
}

/** Offsets of the entry at exactly `path`, if the file writes it. */
function entrySpan(parsed: ParsedText, path: Path): [number, number] | null {
  const doc = parsed.doc;
  if (!doc || !path.length) return null;
  const found = nodeAt(doc, path);
  if (!found) return null;
  const text = parsed.text;
  if (found.pair) return [keyStart(found.pair), pairEnd(text, found.pair)];
  const item = found.node;
  if (!isSeq(found.parent) || item === null || item === undefined) return null;
  let start = rangeOf(item)[0];
  if (!found.parent.flow) start = dashOf(text, item);
  else {
    // step back over a tag or anchor on the item (`[!Ref A, &x b]`)
    const m = /(?:[!&][^\s,[\]{}]*\s+)+$/.exec(text.slice(Math.max(0, start - 200), start));
    if (m) start -= m[0].length;
  }
  return [start, Math.max(start, contentEnd(text, item))];
}

/**
 * The template text of the entry at `path`, or of its nearest ancestor below the top level
 * when the file does not write `path` itself. Never throws; null when nothing is there.
 */
export function fragmentAt(parsed: ParsedText, path: Path): Fragment | null {
  for (let n = path.length; n >= 1; n--) {
    let span: [number, number] | null;
    try {
      span = entrySpan(parsed, path.slice(0, n));
    } catch (e) {
      // a node without a source position, or a dash that cannot be found: show its parent
      if (!(e instanceof EditError)) throw e;
      span = null;
    }
    if (!span || span[1] <= span[0]) continue;
    const [start, end] = span;
    return {
      text: parsed.text.slice(start, end),
      range: parsed.lines.range(start, end),
      column: columnOf(parsed.text, start),
      path: path.slice(0, n),
      exact: n === path.length,
    };
  }
  return null;
}

/**
 * The fragment's lines as they read in the file, shifted left together so the least indented
 * one starts at column 0 (the first line counts as starting at `column`). Tabs are kept.
 */
export function dedentFragment(f: Pick<Fragment, 'text' | 'column'>): string {
  const lines = f.text.split(/\r?\n/);
  let cut = f.column;
  for (const l of lines.slice(1)) {
    if (!l.trim()) continue;
    cut = Math.min(cut, l.length - l.trimStart().length);
  }
  return lines
    .map((l, i) => (i === 0 ? ' '.repeat(f.column - cut) + l : l.slice(Math.min(cut, l.length - l.trimStart().length))))
    .join('\n');
}

