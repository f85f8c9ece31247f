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
