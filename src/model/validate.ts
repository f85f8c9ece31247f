import type { Diagnostic } from './diagnostics/types.ts';
import type { Rule } from './diagnostics/rule.ts';
import { locate } from './diagnostics/locate.ts';
import { runRules, sortDiagnostics } from './diagnostics/run.ts';
import type { FormatId } from './formats/adapter.ts';
import { CLOUDFORMATION_RULES } from './formats/cloudformationRules.ts';
import { SERVERLESS_RULES } from './formats/serverlessRules.ts';
import type { ResourceSpec } from './spec/types.ts';
import type { VariableOptions } from './formats/serverless/variables.ts';
import type { Template } from './template.ts';

/**
 * The rules of each format. Kept apart from the format adapters (opening a template and
 * drawing its graph need no rules), so the browser can load them after the first paint.
 */
const RULES: Readonly<Record<FormatId, readonly Rule[]>> = {
  cloudformation: CLOUDFORMATION_RULES,
  serverless: SERVERLESS_RULES,
};

export interface ValidateOptions {
  readonly spec: ResourceSpec | null;
  /** serverless.yml: the stage and values to resolve variables with (SLS_UNRESOLVED_VARIABLE); default: those the template was opened with. */
  readonly variables?: VariableOptions;
}

/** Every diagnostic for a template: parse errors and the format's rules, sorted by position. */
export function validateTemplate(t: Template, opts: ValidateOptions): Diagnostic[] {
  const value = t.parsed.value;
  if (!value) return sortDiagnostics(t.diagnostics);
  const variables = opts.variables ?? t.variables;
  const found = runRules(RULES[t.format], {
    value,
    format: t.format,
    spec: opts.spec,
    ...(variables ? { variables } : {}),
    locate: (path, key) => locate(t.parsed, path, key),
  });
  return sortDiagnostics([...t.diagnostics, ...found]);
}
