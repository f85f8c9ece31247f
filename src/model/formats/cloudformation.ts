import { buildGraph } from '../graph/build.ts';
import type { FormatAdapter } from './adapter.ts';
import { isServerless } from './serverless.ts';

export const cloudFormationFormat: FormatAdapter = {
  id: 'cloudformation',
  label: 'AWS SAM / CloudFormation',
  detect: (value) => !isServerless(value),
  graph: buildGraph,
};
