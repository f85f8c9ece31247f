/** Plain-text helpers over a template's YAML (no browser). */

/** The lines of one top-level resource's block (`  Id:` up to the next two-space key), or null. */
export function resourceBlock(text: string, logicalId: string): string | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `  ${logicalId}:`);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !/^ {0,2}[^\s#]/.test(lines[end]!)) end++;
  return lines.slice(start, end).join('\n');
}

/**
 * Checks `after` is `before` with only lines inserted: every line of `before` still there, in
 * order. Returns the inserted lines (in order), or throws with the first line that went missing.
 */
export function insertedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) i++;
    else added.push(line);
  }
  if (i < a.length) throw new Error(`original line ${i + 1} is gone or moved: ${JSON.stringify(a[i])}`);
  return added;
}

/**
 * Where `fragment` (lines shifted left together, as the wire inspector shows them) stands in
 * `text`: the 0-based line it starts on, or -1. Its first line may follow other text on its
 * line (a list's dash, a key); the others must be the file's lines less one common indentation.
 */
export function fragmentLine(text: string, fragment: string): number {
  const lines = text.split('\n');
  const want = fragment.split('\n');
  for (let i = 0; i + want.length <= lines.length; i++) {
    if (!lines[i]!.endsWith(want[0]!.trimStart())) continue;
    const rest = want.slice(1);
    if (!rest.length) return i;
    const line = lines[i + 1]!;
    const cut = line.length - rest[0]!.length;
    if (cut < 0) continue;
    if (rest.every((w, j) => lines[i + 1 + j] === ' '.repeat(cut) + w || (w === '' && lines[i + 1 + j]!.trim() === ''))) return i;
  }
  return -1;
}

/** Lines of `after` that differ from `before`, by 0-based index, when both have as many lines. */
export function changedLines(before: string, after: string): Array<{ line: number; from: string; to: string }> {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} -> ${b.length}`);
  return a.flatMap((l, i) => (l === b[i] ? [] : [{ line: i, from: l, to: b[i]! }]));
}
