/**
 * How `npm run bench` prints its figures: grouped by measure, one line per input with our
 * figure, the baseline's (measured in the same run), the ratio, and `ok`/`MISS` against the
 * target. A target is on the ratio (`<= 1.2x`) or on our figure itself (`p95 <= 16 ms`).
 */
export interface Row {
  /** The measure, printed as a heading: 'load to interactive vs bare React Flow'. */
  readonly what: string;
  readonly input: string;
  readonly ours: string;
  /** '-' when the measure has no baseline. */
  readonly base: string;
  readonly ratio: number | null;
  /** Printed in the heading, e.g. '<= 1.2x' or 'p95 <= 20 ms'; null: reported, not gated. */
  readonly target: string | null;
  /** null: not gated. */
  readonly ok: boolean | null;
}

/** Prints the rows, grouped by measure in order of first appearance; returns how many missed their target. */
export function printRows(list: readonly Row[]): number {
  const order = [...new Set(list.map((r) => r.what))];
  const rows = [...list].sort((a, b) => order.indexOf(a.what) - order.indexOf(b.what));
  let misses = 0;
  const w = Math.max(0, ...rows.map((r) => r.input.length));
  const wo = Math.max(0, ...rows.map((r) => r.ours.length));
  const wb = Math.max(0, ...rows.map((r) => r.base.length));
  let last = '';
  let perRow = false;
  for (const r of rows) {
    if (r.what !== last) {
      // one target for the whole measure goes in its heading; several, on their rows
      const targets = new Set(rows.filter((x) => x.what === r.what && x.target !== null).map((x) => x.target));
      perRow = targets.size > 1;
      const [only] = targets;
      console.log(`\n${r.what}${!perRow && only ? ` (target ${only})` : ''}:`);
    }
    last = r.what;
    if (r.ok === false) misses++;
    const verdict = r.ok === null ? '(not gated)' : `${perRow ? `${r.target}  ` : ''}${r.ok ? 'ok' : 'MISS'}`;
    const ratio = r.ratio === null ? '' : `${r.ratio.toFixed(3)}x`;
    console.log(`  ${r.input.padEnd(w)}  ours ${r.ours.padStart(wo)}  base ${r.base.padStart(wb)}  ${ratio.padStart(7)}  ${verdict}`);
  }
  return misses;
}
