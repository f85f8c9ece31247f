// Pure text helpers for the YAML panel: the smallest edit between two texts, and conversion
// between string offsets (what the model's diagnostics use) and CodeMirror document positions.
// No CodeMirror imports here, so everything is testable under plain Node.

/** Replace `old.slice(from, to)` with `insert` to get the new text. Offsets are UTF-16 indices. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * True when `i` falls inside an atom that must not be split: between the two halves of a
 * surrogate pair, or between the `\r` and `\n` of a CRLF line break (CodeMirror counts a
 * CRLF break as one position, so a change may not start or end inside it).
 */
function splitsAtom(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  if (before === 13 && after === 10) return true;
  return isHighSurrogate(before) && isLowSurrogate(after);
}

/**
 * The minimal single-span change turning `oldText` into `newText`: the longest common prefix
 * and (non-overlapping) suffix are kept; only the middle is replaced. Never splits a surrogate
 * pair or a CRLF. Returns null when the texts are identical.
 */
/** Characters compared at once while looking for the common prefix and suffix. */
const BLOCK = 512;

export function minimalChange(oldText: string, newText: string): TextChange | null {
  if (oldText === newText) return null;
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  // whole blocks first (a native string compare), then character by character
  while (prefix + BLOCK <= max && oldText.slice(prefix, prefix + BLOCK) === newText.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  while (prefix > 0 && (splitsAtom(oldText, prefix) || splitsAtom(newText, prefix))) prefix--;

  let suffix = 0;
  const maxSuffix = max - prefix;
  while (
    suffix + BLOCK <= maxSuffix &&
    oldText.slice(oldText.length - suffix - BLOCK, oldText.length - suffix) === newText.slice(newText.length - suffix - BLOCK, newText.length - suffix)
  ) {
    suffix += BLOCK;
  }
  while (
    suffix < maxSuffix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  while (
    suffix > 0 &&
    (splitsAtom(oldText, oldText.length - suffix) || splitsAtom(newText, newText.length - suffix))
  ) {
    suffix--;
  }
  return { from: prefix, to: oldText.length - suffix, insert: newText.slice(prefix, newText.length - suffix) };
}

/** Apply a change (for tests and sanity checks). */
export function applyChange(text: string, change: TextChange | null): string {
  if (!change) return text;
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}

export type LineSeparator = '\n' | '\r\n';

/**
 * The separator CodeMirror should split this text on so that reading the document back gives
 * the same bytes: CRLF when most breaks are CRLF, otherwise LF. Characters that are not the
 * chosen separator (a lone `\r`, or a lone `\n` in a CRLF file) stay inside their line.
 */
export function detectLineSeparator(text: string): LineSeparator {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Maps string offsets in `text` to CodeMirror positions (where every line break counts as one
 * position). With an LF separator the two are equal; with CRLF each break before the offset
 * shrinks by one. Offsets are clamped to the text; one inside a CRLF maps to the line's end.
 */
export function offsetMapper(text: string, separator: LineSeparator): (offset: number) => number {
  const clamp = (offset: number): number =>
    Number.isFinite(offset) ? Math.max(0, Math.min(text.length, Math.trunc(offset))) : 0;
  if (separator === '\n') return clamp;
  const breaks: number[] = []; // index of each '\r' that starts a CRLF
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) breaks.push(i);
  return (offset) => {
    const o = clamp(offset);
    // count CRLFs that start strictly before o (one starting at o - 1 means o is inside it)
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((breaks[mid] as number) < o) lo = mid + 1;
      else hi = mid;
    }
    return o - lo;
  };
}
