/**
 * The history the git benchmarks clone: a SAM template (bench/generate.ts) and one commit per
 * edit of one line, written as a `git fast-import` stream so that 1,000 commits take well under
 * a second to build.
 */

/** The lines an edit may change: a queue's VisibilityTimeout or an event's BatchSize. */
const EDITABLE = /^(\s+(?:VisibilityTimeout|BatchSize): )(\d+)$/;

/** How many lines of `text` an edit may change. */
export function editableLines(text: string): number {
  return text.split('\n').filter((l) => EDITABLE.test(l)).length;
}

/**
 * Edit number `n` (0, 1, 2, ...): the `(n mod k)`-th of the k editable lines gets the value
 * 1000 + n, which no earlier edit gave it and the generated template never has, so every edit
 * changes exactly one line.
 */
export function editTemplate(text: string, n: number): string {
  const lines = text.split('\n');
  const at = lines.flatMap((l, i) => (EDITABLE.test(l) ? [i] : []));
  if (!at.length) throw new Error('the template has no editable line');
  const i = at[n % at.length]!;
  lines[i] = lines[i]!.replace(EDITABLE, (_m, head: string) => `${head}${1000 + n}`);
  return lines.join('\n');
}

export interface HistoryOptions {
  /** The template as the first commit has it. */
  readonly template: string;
  /** The file's path in the repository. */
  readonly path: string;
  /** How many commits in all (the first adds the file, each later one is one `editTemplate`). */
  readonly commits: number;
  readonly branch?: string;
  /** Seconds since the epoch of the first commit; each later one is a minute after. */
  readonly start?: number;
}

/**
 * A `git fast-import` stream of `commits` commits on one branch, and the template as the last
 * commit leaves it.
 */
export function historyStream(o: HistoryOptions): { stream: Buffer; last: string } {
  const { path, commits } = o;
  if (!Number.isInteger(commits) || commits < 1 || commits > 100_000) throw new Error(`commits must be 1-100000, got ${commits}`);
  if (/[\n"]/.test(path) || path.startsWith('/')) throw new Error(`not a plain path: ${path}`);
  const branch = o.branch ?? 'main';
  const start = o.start ?? 1_700_000_000;
  const parts: Buffer[] = [];
  const data = (text: string) => {
    const b = Buffer.from(text, 'utf8');
    parts.push(Buffer.from(`data ${b.length}\n`), b, Buffer.from('\n'));
  };
  const k = editableLines(o.template);
  let text = o.template;
  for (let c = 0; c < commits; c++) {
    if (c > 0) text = editTemplate(text, c - 1);
    const who = `Bench Author <bench@example.com> ${start + 60 * c} +0000`;
    parts.push(Buffer.from(`commit refs/heads/${branch}\nmark :${c + 1}\nauthor ${who}\ncommitter ${who}\n`));
    data(c === 0 ? `Add ${path}` : `Edit line ${(c - 1) % k} of ${path}`);
    if (c > 0) parts.push(Buffer.from(`from :${c}\n`));
    parts.push(Buffer.from(`M 100644 inline ${path}\n`));
    data(text);
  }
  parts.push(Buffer.from('done\n'));
  return { stream: Buffer.concat(parts), last: text };
}
