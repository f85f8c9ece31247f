import { kindOfType } from '../catalog/nodeKinds.ts';
import type { GraphNode } from '../graph/types.ts';
import { isObject } from '../value.ts';
import type { CfnObject } from '../value.ts';
import type { FormatAdapter } from './adapter.ts';

/** A serverless.yml has a `service` and a `provider` or `functions`. */
export function isServerless(value: CfnObject): boolean {
  return 'service' in value && ('provider' in value || 'functions' in value);
}

export const serverlessFormat: FormatAdapter = {
  id: 'serverless',
  label: 'Serverless Framework',
  detect: isServerless,
  graph(value) {
    const nodes: GraphNode[] = [];
    const fns = value['functions'];
    if (isObject(fns)) {
      for (const name of Object.keys(fns)) nodes.push({ id: name, type: 'AWS::Lambda::Function', kind: 'function', path: ['functions', name] });
    }
    const res = isObject(value['resources']) ? value['resources']['Resources'] : undefined;
    if (isObject(res)) {
      for (const [id, def] of Object.entries(res)) {
        const type = isObject(def) && typeof def['Type'] === 'string' ? def['Type'] : '';
        nodes.push({ id, type, kind: kindOfType(type), path: ['resources', 'Resources', id] });
      }
    }
    return { nodes, edges: [] };
  },
};
