import type { Diagnostic } from '../../model/diagnostics/types.ts';
import type { Template } from '../../model/template.ts';
import { validateTemplate } from '../../model/validate.ts';
import { countsByNode } from './selectors.ts';
import type { DiagnosticCounts } from './selectors.ts';

/*
 * The diagnostics rules, for the browser: a lazy chunk (useDiagnostics.ts loads it after the
 * first paint), so opening a stack does not wait for them.
 */

/**
 * Every diagnostic the browser can check now: parse errors and the rules that need no
 * resource specification (references, wires, IAM, secrets, buckets, suspicious keys).
 */
export const diagnosticsOf = (t: Template): Diagnostic[] => validateTemplate(t, { spec: null });

/** A template's diagnostics and their counts per node (the canvas badges). */
export function diagnose(t: Template): { diagnostics: Diagnostic[]; counts: DiagnosticCounts } {
  const diagnostics = diagnosticsOf(t);
  return { diagnostics, counts: countsByNode(diagnostics, t.graph.nodes) };
}
