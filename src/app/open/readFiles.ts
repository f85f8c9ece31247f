import type { Diagnostic } from '../../model/diagnostics/types.ts';
import { classifyTemplate } from '../../model/files/classify.ts';
import { displayName, quoted } from '../../model/files/names.ts';
import { planFiles } from '../../model/files/plan.ts';
import { openProblem } from '../../model/files/problems.ts';
import type { OpenProblem } from '../../model/files/problems.ts';
import { sniffBytes } from '../../model/files/sniff.ts';
import { parseLayout } from '../../model/layout/sidecar.ts';
import type { NodePosition } from '../../model/layout/sidecar.ts';

type Positions = Readonly<Record<string, NodePosition>>;

/** What a pick or a drop gives: a template (maybe with its layout), a layout alone, or why not. */
export type ReadOutcome =
  | {
      readonly ok: true;
      readonly kind: 'template';
      /** Safe to show and download under (see `displayName`). */
      readonly name: string;
      readonly text: string;
      readonly layout?: Positions;
      /** The YAML's first error, when it does not parse (it opens anyway). */
      readonly error?: Diagnostic;
      /** Things worth telling: an ignored file, layout entries dropped. */
      readonly notes: readonly string[];
    }
  | { readonly ok: true; readonly kind: 'layout'; readonly name: string; readonly layout: Positions; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problem: OpenProblem };

// `ignoreBOM` keeps a byte order mark in the text, so the file downloads byte for byte as it came.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function readText(file: File): Promise<{ ok: true; text: string } | { ok: false; problem: OpenProblem }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, problem: openProblem('FILE_UNREADABLE', `Could not read ${quoted(file.name)}: ${(e as Error).message || 'the browser refused'}.`) };
  }
  const sniffed = sniffBytes(file.name, bytes);
  if (sniffed) return { ok: false, problem: sniffed };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, problem: openProblem('FILE_NOT_UTF8', `${quoted(file.name)} is not UTF-8 text (Latin-1 or Windows-1252, perhaps); save it as UTF-8 and open it again.`) };
  }
}

async function readLayout(file: File, notes: string[]): Promise<Positions | undefined> {
  const read = await readText(file);
  if (!read.ok) {
    notes.push(`Ignored the layout: ${read.problem.message}`);
    return undefined;
  }
  const { layout, diagnostics } = parseLayout(read.text);
  for (const d of diagnostics.slice(0, 3)) notes.push(`${quoted(file.name)}: ${d.message}`);
  if (diagnostics.length > 3) notes.push(`${quoted(file.name)}: ${diagnostics.length - 3} more positions ignored.`);
  return layout.nodes;
}

/**
 * Reads picked or dropped files into something to open. Sizes and counts are checked before
 * any byte is read, then bytes before text, then text before it is taken for a template.
 * Never throws; never changes anything (the caller opens the result, or shows the problem).
 */
export async function readFiles(files: readonly File[]): Promise<ReadOutcome> {
  const plan = planFiles(files);
  if (!plan.ok) return plan;
  const notes = [...plan.notes];
  if (!plan.template) {
    const layout = await readLayout(plan.layout!, notes);
    if (!layout) return { ok: false, problem: openProblem('FILE_UNKNOWN_FORMAT', notes.join(' ')) };
    return { ok: true, kind: 'layout', name: displayName(plan.layout!.name), layout, notes };
  }
  const read = await readText(plan.template);
  if (!read.ok) return read;
  const classified = classifyTemplate(plan.template.name, read.text);
  if (!classified.ok) return { ok: false, problem: classified.problem };
  const layout = plan.layout ? await readLayout(plan.layout, notes) : undefined;
  return {
    ok: true,
    kind: 'template',
    name: displayName(plan.template.name),
    text: read.text,
    ...(layout ? { layout } : {}),
    ...(classified.parses ? {} : { error: classified.error }),
    notes,
  };
}
