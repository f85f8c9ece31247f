import type { CfnObject } from '../value.ts';
import type { ResourceSpec } from '../spec/types.ts';
import type { VariableOptions } from '../formats/serverless/variables.ts';
import type { Path, Severity, SourceRange } from './types.ts';

/** What a rule sees: the template's value, a way to find source positions, and injected data. */
export interface RuleContext {
  readonly value: CfnObject;
  readonly format: 'cloudformation' | 'serverless';
  /** Source range of the value at `path` (or of its key when `key` is true); null if unknown. */
  locate(path: Path, key?: boolean): SourceRange | null;
  /** The CloudFormation resource specification, when the caller loaded it. */
  readonly spec: ResourceSpec | null;
  /** serverless.yml: the stage and values its variables are resolved with. */
  readonly variables?: VariableOptions;
}

export interface Finding {
  readonly path: Path;
  readonly message: string;
  /** Overrides the rule's default severity for this one finding. */
  readonly severity?: Severity;
  /** Point at the key rather than the value (e.g. an unknown property name). */
  readonly atKey?: boolean;
}

/** One validation rule per file, with a table-driven test beside it (cfn-lint style). */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  check(ctx: RuleContext): Iterable<Finding>;
}
