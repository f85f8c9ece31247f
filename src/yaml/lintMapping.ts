// Pure mapping from Cairn's model diagnostics to CodeMirror lint diagnostics.
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { Diagnostic, Severity } from '../model/diagnostics/types.ts';
import { offsetMapper, type LineSeparator } from './minimalChange.ts';

export type CmSeverity = CmDiagnostic['severity'];

export function cmSeverity(severity: Severity): CmSeverity {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
      return 'info';
    default:
      return 'info';
  }
}

/** What the lint tooltip and panel show for a diagnostic. */
export function lintMessage(d: Pick<Diagnostic, 'code' | 'message'>): string {
  return d.code ? `${d.code}: ${d.message}` : d.message;
}

/**
 * Converts diagnostics whose ranges are string offsets into `text` to CodeMirror lint
 * diagnostics: offsets are mapped to document positions (CRLF counts as one position),
 * clamped to the document and ordered so `from <= to`. A diagnostic without a range is shown
 * at the start of the document so it still reaches the gutter and the lint panel.
 */
export function toCmDiagnostics(
  diagnostics: readonly Diagnostic[],
  text: string,
  separator: LineSeparator,
): CmDiagnostic[] {
  const toPos = offsetMapper(text, separator);
  const out: CmDiagnostic[] = [];
  for (const d of diagnostics) {
    let from = 0;
    let to = 0;
    if (d.range) {
      const a = toPos(d.range.start.offset);
      const b = toPos(d.range.end.offset);
      from = Math.min(a, b);
      to = Math.max(a, b);
    }
    out.push({ from, to, severity: cmSeverity(d.severity), message: lintMessage(d) });
  }
  // CodeMirror expects lint diagnostics sorted by position.
  out.sort((x, y) => x.from - y.from || x.to - y.to);
  return out;
}
