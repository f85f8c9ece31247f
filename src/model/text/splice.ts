/** A replacement of `text.slice(start, end)` by `text`. Edits are lists of splices. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export class OverlappingSplicesError extends Error {
  readonly code = 'EDIT_OVERLAP';
}

/** Applies non-overlapping splices; everything outside them is copied byte for byte. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  if (!splices.length) return text;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end < s.start) throw new OverlappingSplicesError(`splices overlap at ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
