import type { Graph } from '../graph/types.ts';
import type { CfnObject } from '../value.ts';
import type { VariableOptions } from './serverless/variables.ts';

export type FormatId = 'cloudformation' | 'serverless';

/** How to read a file: serverless.yml variables are resolved for a stage and the values given. */
export interface ReadOptions {
  readonly variables?: VariableOptions;
}

/** What a template format must provide; SAM/CloudFormation is the first, serverless.yml the second. */
export interface FormatAdapter {
  readonly id: FormatId;
  readonly label: string;
  /** Does this parsed value look like a file of this format? */
  detect(value: CfnObject): boolean;
  graph(value: CfnObject, options?: ReadOptions): Graph;
}
