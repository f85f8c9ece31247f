import type { Path } from '../../diagnostics/types.ts';
import { buildGraph } from '../../graph/build.ts';
import { collectRefs } from '../../graph/refs.ts';
import { isObject } from '../../value.ts';
import type { CfnObject } from '../../value.ts';
import type { EditSession } from '../session.ts';
import { resourceMap } from './common.ts';
import { deletePaths, wireRemovals } from './wires.ts';

/** Resources that exist only to join a function to something: they go with either end. */
const GLUE_TYPES = new Set(['AWS::Lambda::EventSourceMapping', 'AWS::Lambda::Permission']);
const GLUE_PROPS = ['FunctionName', 'EventSourceArn', 'SourceArn'];

function names(v: unknown, id: string): boolean {
  return collectRefs(v as CfnObject, []).some((r) => r.target === id);
}

/**
 * Removes a resource and what only it needed: the events, policies, statements and env vars
 * that wired it to others, `DependsOn` entries naming it, glue resources (event source
 * mappings, invoke permissions) between it and a function, and Outputs that report it.
 * Other references stay and show up as dangling-reference diagnostics.
 */
export function removeResource(s: EditSession, id: string): void {
  resourceMap(s, id);
  const value = s.value;
  const paths: Path[] = [];
  for (const edge of buildGraph(value).edges) {
    if (edge.source !== id && edge.target !== id) continue;
    if (edge.kind === 'trigger' || edge.kind === 'access') paths.push(...wireRemovals(s, edge, id));
    if (edge.kind === 'reference') {
      for (const src of edge.sources) if (src.via === 'depends-on' && src.path[1] !== id) paths.push(src.path);
    }
  }
  const resources = isObject(value['Resources']) ? value['Resources'] : {};
  for (const [other, def] of Object.entries(resources)) {
    if (other === id || !isObject(def) || typeof def['Type'] !== 'string' || !GLUE_TYPES.has(def['Type'])) continue;
    const props = isObject(def['Properties']) ? def['Properties'] : {};
    if (GLUE_PROPS.some((p) => names(props[p], id))) paths.push(['Resources', other]);
  }
  const outputs = isObject(value['Outputs']) ? value['Outputs'] : {};
  for (const [name, out] of Object.entries(outputs)) {
    if (isObject(out) && names(out['Value'], id)) paths.push(['Outputs', name]);
  }
  paths.push(['Resources', id]);
  deletePaths(s, paths);
}
