import type { Diagnostic } from '../../model/diagnostics/types.ts';
import type { Template } from '../../model/template.ts';
import { diagnosticsFor } from './diagnosticsProtocol.ts';
import { countsByNode } from './selectors.ts';
import type { DiagnosticCounts } from './selectors.ts';

/*
 * The diagnostics of a template as the editor shows them, in one call (the editor itself gets
 * them from a worker: useDiagnostics.ts, diagnosticsClient.ts).
 */

/** Every diagnostic the browser can check (diagnosticsProtocol.ts). */
export const diagnosticsOf = (t: Template): Diagnostic[] => diagnosticsFor({ text: t.text, format: t.format, ...(t.variables ? { variables: t.variables } : {}) });

/** A template's diagnostics and their counts per node (the canvas badges). */
export function diagnose(t: Template): { diagnostics: Diagnostic[]; counts: DiagnosticCounts } {
  const diagnostics = diagnosticsOf(t);
  return { diagnostics, counts: countsByNode(diagnostics, t.graph.nodes) };
}
