import type { Diagnostic } from './diagnostics/types.ts';
import type { Graph } from './graph/types.ts';
import { parseText } from './yaml/parse.ts';
import type { ParsedText } from './yaml/parse.ts';

export type FormatId = 'cloudformation' | 'serverless';

/** A template opened for reading: its text, parse, derived graph and parse-level diagnostics. */
export interface Template {
  readonly text: string;
  readonly format: FormatId;
  readonly parsed: ParsedText;
  readonly graph: Graph;
  readonly diagnostics: readonly Diagnostic[];
}

// Placeholder until the graph lands (same session); the signature is final.
export function openTemplate(text: string): Template {
  const parsed = parseText(text);
  return { text, format: 'cloudformation', parsed, graph: { nodes: [], edges: [] }, diagnostics: parsed.diagnostics };
}
