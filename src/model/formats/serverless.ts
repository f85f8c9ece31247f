import type { CfnObject } from '../value.ts';
import type { FormatAdapter } from './adapter.ts';
import { serverlessGraph } from './serverless/graph.ts';

/** A serverless.yml has a `service` and a `provider` or `functions`. */
export function isServerless(value: CfnObject): boolean {
  return 'service' in value && ('provider' in value || 'functions' in value);
}

export const serverlessFormat: FormatAdapter = {
  id: 'serverless',
  label: 'Serverless Framework',
  detect: isServerless,
  graph: (value, options) => serverlessGraph(value, options?.variables),
};
