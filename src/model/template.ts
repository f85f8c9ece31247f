import type { Diagnostic } from './diagnostics/types.ts';
import type { FormatAdapter, FormatId, ReadOptions } from './formats/adapter.ts';
import { cloudFormationFormat } from './formats/cloudformation.ts';
import { serverlessFormat } from './formats/serverless.ts';
import type { Graph } from './graph/types.ts';
import { parseCached } from './yaml/cache.ts';
import type { ParsedText } from './yaml/parse.ts';
import type { VariableOptions } from './formats/serverless/variables.ts';

export type { FormatId };

export interface OpenOptions extends ReadOptions {
  /** Read the file as this format instead of detecting it from its content. */
  readonly format?: FormatId;
  /** The graph, already known to be this text's (sameGraphInputs): not built again. */
  readonly graph?: Graph;
}

/** A template opened for reading: its text, parse, derived graph and parse-level diagnostics. */
export interface Template {
  readonly text: string;
  readonly format: FormatId;
  readonly parsed: ParsedText;
  readonly graph: Graph;
  /** Parse-level diagnostics (YAML errors, safety limits). `validateTemplate` (validate.ts) adds the rules. */
  readonly diagnostics: readonly Diagnostic[];
  /** serverless.yml: the stage and values its variables were resolved with (absent: the file's defaults). */
  readonly variables?: VariableOptions;
}

const FORMATS: readonly FormatAdapter[] = [serverlessFormat, cloudFormationFormat];
const EMPTY: Graph = { nodes: [], edges: [] };

export function formatAdapter(id: FormatId): FormatAdapter {
  return FORMATS.find((f) => f.id === id)!;
}

/** Opens a template. Never throws: unreadable text gives an empty graph and diagnostics. */
export function openTemplate(text: string, options: OpenOptions = {}): Template {
  const parsed = parseCached(text);
  const value = parsed.value;
  const detected = value ? (FORMATS.find((f) => f.detect(value)) ?? cloudFormationFormat) : cloudFormationFormat;
  const adapter = options.format ? formatAdapter(options.format) : detected;
  return {
    text,
    format: adapter.id,
    parsed,
    graph: !value ? EMPTY : options.graph && adapter.id === 'cloudformation' ? options.graph : adapter.graph(value, options),
    diagnostics: parsed.diagnostics,
    ...(options.variables ? { variables: options.variables } : {}),
  };
}
