/**
 * Helpers of the corpus batteries (../shared/corpus, read in place): the files, and the checks
 * every edit over them must pass. Test-only: imports node:fs and node:assert.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyEdit } from '../edit/apply.ts';
import type { Edit } from '../edit/types.ts';
import { openTemplate } from '../template.ts';
import type { Template } from '../template.ts';
import { parseCached } from '../yaml/cache.ts';
import { parseText } from '../yaml/parse.ts';
import { valueEquals } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { changedWindow, treeDifference } from './oracle.ts';
import { isPair } from 'yaml';
import type { Path } from '../diagnostics/types.ts';
import { keyStart, pairEnd } from '../yaml/span.ts';
import { nodeAt } from '../yaml/nav.ts';

export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

export function corpusFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    const d = CORPUS + dir;
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) out.push(`${dir}/${f}`);
  }
  return out;
}

export interface Opened {
  name: string;
  text: string;
  t: Template;
}

export function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function applied(o: Opened, edit: Edit, r = applyEdit(o.text, edit)): { text: string; value: CfnObject } {
  if (!r.ok) assert.fail(`${o.name}: ${edit.op} failed: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const p = parseCached(r.text);
  assert.ok(!p.blocked && p.value, `${o.name}: ${edit.op} produced unreadable text: ${p.diagnostics[0]?.message}`);
  // The edit may have re-read only the entry it touched: that must equal reading everything.
  const full = parseText(r.text);
  assert.ok(valueEquals(p.value, full.value), `${o.name}: ${edit.op}: local re-parse gave a different value`);
  const diff = treeDifference(p.doc!.contents, full.doc!.contents);
  assert.equal(diff, null, `${o.name}: ${edit.op}: local re-parse gave a different tree at ${diff}`);
  return { text: r.text, value: p.value };
}

export function sameValue(o: Opened, what: string, actual: CfnValue, expected: CfnValue): void {
  if (!valueEquals(actual, expected)) {
    assert.deepEqual(actual, expected, `${o.name}: ${what} did not give the intended template`);
  }
}

/** Only lines within [first, last] (0-based, inclusive) changed; an insertion may follow `last`. */
export function changedOnlyWithin(o: Opened, after: string, first: number, last: number, what: string): void {
  const w = changedWindow(o.text, after);
  assert.ok(w, `${o.name}: ${what} changed nothing`);
  assert.ok(w.start >= first && w.endBefore <= last + 1, `${o.name}: ${what} changed lines ${w.start + 1}-${w.endBefore} outside ${first + 1}-${last + 1}`);
}


/** 0-based first and last line of the entry at `path` (its key to the end of its value). */
export function entryLines(o: Opened, path: Path): [number, number] {
  const found = nodeAt(o.t.parsed.doc!, path);
  assert.ok(found?.pair && isPair(found.pair), `${o.name}: no entry at ${path.join('.')}`);
  return [lineOf(o.text, keyStart(found.pair)), lineOf(o.text, pairEnd(o.text, found.pair))];
}

export function openCorpusFile(name: string): Opened {
  const text = readFileSync(CORPUS + name, 'utf8');
  return { name, text, t: openTemplate(text) };
}

/**
 * The lines of `before` that `after` keeps (a longest common subsequence of lines), and after
 * which line of `before` each new line was inserted (-1: at the start).
 */
export function lineChanges(before: string, after: string): { kept: boolean[]; insertedAfter: number[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const kept = new Array<boolean>(n).fill(false);
  const insertedAfter: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      kept[i++] = true;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else {
      insertedAfter.push(i - 1);
      j++;
    }
  }
  while (j++ < m) insertedAfter.push(n - 1);
  return { kept, insertedAfter };
}

/**
 * Every line outside `regions` (0-based inclusive line ranges of `o.text`) is kept, and new
 * lines go only inside a region or right after one (blank lines between may be matched
 * either side of the new ones).
 */
export function changedOnlyIn(o: Opened, after: string, regions: readonly (readonly [number, number])[], what: string): void {
  const { kept, insertedAfter } = lineChanges(o.text, after);
  const lines = o.text.split('\n');
  const inside = (line: number): boolean =>
    regions.some(([first, last]) => line >= first && line <= last) || (line > 0 && lines[line]!.trim() === '' && inside(line - 1));
  kept.forEach((k, line) => assert.ok(k || inside(line), `${o.name}: ${what} changed line ${line + 1}, outside ${JSON.stringify(regions.map(([f, l]) => [f + 1, l + 1]))}`));
  for (const line of insertedAfter) assert.ok(inside(line), `${o.name}: ${what} inserted lines after line ${line + 1}, outside ${JSON.stringify(regions.map(([f, l]) => [f + 1, l + 1]))}`);
}
