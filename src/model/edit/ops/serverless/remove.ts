/**
 * `removeResource` in a serverless.yml: the function or resource, and what only it needed:
 * events of functions it triggered, statements naming it (only its items of a statement naming
 * several), environment entries pointing at it, `DependsOn` entries naming it and
 * `resources.Outputs` reporting it. Other mentions stay and show up as dangling references.
 */
import type { Path } from '../../../diagnostics/types.ts';
import { isObject, valueAt } from '../../../value.ts';
import type { CfnObject } from '../../../value.ts';
import type { EditSession } from '../../session.ts';
import { deletePaths } from '../wires.ts';
import { ServiceWires } from './pieces.ts';
import { derivedLogicalIds, keepDepth, nodeOf, RESOURCES, resourcesOf } from './service.ts';
import { wireRemovals } from './wires.ts';

function dependsOnRemovals(value: CfnObject, logicalIds: readonly string[]): Path[] {
  const out: Path[] = [];
  for (const [id, def] of Object.entries(resourcesOf(value))) {
    const d = isObject(def) ? def['DependsOn'] : undefined;
    const at: Path = [...RESOURCES, id, 'DependsOn'];
    if (typeof d === 'string' && logicalIds.includes(d)) out.push(at);
    else if (Array.isArray(d)) d.forEach((x, i) => typeof x === 'string' && logicalIds.includes(x) && out.push([...at, i]));
  }
  return out;
}

function outputRemovals(w: ServiceWires, id: string): Path[] {
  const outputs = valueAt(w.value, ['resources', 'Outputs']);
  if (!isObject(outputs)) return [];
  return Object.entries(outputs)
    .filter(([, o]) => isObject(o) && w.names(o['Value'], id))
    .map(([name]) => ['resources', 'Outputs', name]);
}

export function removeResource(s: EditSession, id: string): void {
  const value = s.value;
  const node = nodeOf(value, id);
  const w = new ServiceWires(value);
  const inside = (p: Path) => node.path.every((seg, i) => p[i] === seg);
  const paths: Path[] = [node.path];
  // the pieces that name it: events it sends, statements and env entries giving access to it
  for (const edge of w.wiresOf(id)) {
    if ((edge.kind === 'trigger' && edge.source === id) || (edge.kind === 'access' && edge.target === id)) paths.push(...wireRemovals(s, w, edge));
  }
  paths.push(...dependsOnRemovals(value, node.function ? derivedLogicalIds(id) : [id]), ...outputRemovals(w, id));
  deletePaths(s, paths.filter((p) => p === node.path || !inside(p)), keepDepth);
}
