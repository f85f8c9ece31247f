import type { Graph } from '../graph/types.ts';
import type { CfnObject } from '../value.ts';

export type FormatId = 'cloudformation' | 'serverless';

/** What a template format must provide; SAM/CloudFormation is the first, serverless.yml the second. */
export interface FormatAdapter {
  readonly id: FormatId;
  readonly label: string;
  /** Does this parsed value look like a file of this format? */
  detect(value: CfnObject): boolean;
  graph(value: CfnObject): Graph;
}
