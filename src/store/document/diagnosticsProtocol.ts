import type { Diagnostic } from '../../model/diagnostics/types.ts';
import type { FormatId } from '../../model/formats/adapter.ts';
import type { VariableOptions } from '../../model/formats/serverless/variables.ts';
import { openTemplate } from '../../model/template.ts';
import { validateTemplate } from '../../model/validate.ts';

/** Messages between `diagnosticsClient.ts` (main thread) and `diagnostics.worker.ts`. */
export interface DiagnosticsRequest {
  readonly id: number;
  readonly text: string;
  readonly format: FormatId;
  readonly variables?: VariableOptions;
}

export type DiagnosticsResponse =
  | { readonly id: number; readonly diagnostics: readonly Diagnostic[] }
  | { readonly id: number; readonly error: { readonly code: 'DIAGNOSTICS_FAILED'; readonly message: string } };

/**
 * Every diagnostic the browser can check: parse errors and the rules that need no resource
 * specification (references, wires, IAM, secrets, buckets, suspicious keys). The same text,
 * format and stage give the same list wherever it runs (worker or main thread).
 */
export function diagnosticsFor(req: Omit<DiagnosticsRequest, 'id'>): Diagnostic[] {
  const t = openTemplate(req.text, { format: req.format, ...(req.variables ? { variables: req.variables } : {}) });
  return validateTemplate(t, { spec: null });
}

/** The worker's answer to one request: never throws. */
export function answer(req: DiagnosticsRequest): DiagnosticsResponse {
  try {
    return { id: req.id, diagnostics: diagnosticsFor(req) };
  } catch (e) {
    return { id: req.id, error: { code: 'DIAGNOSTICS_FAILED', message: e instanceof Error ? e.message : String(e) } };
  }
}
