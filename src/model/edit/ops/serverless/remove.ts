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
import { deletePaths, statementRemovals } from '../wires.ts';
import { Names } from './pieces.ts';
import { derivedLogicalIds, FUNCTIONS, functionsOf, keepDepth, nodeOf, RESOURCES, resourcesOf } from './service.ts';

/** Every list of IAM statements in the service: the shared role's and each function's own. */
function allStatementLists(value: CfnObject): Path[] {
  return [['provider', 'iam', 'role', 'statements'], ['provider', 'iamRoleStatements'], ...Object.keys(functionsOf(value)).map((fn) => [...FUNCTIONS, fn, 'iamRoleStatements'])];
}

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

function outputRemovals(names: Names, id: string): Path[] {
  const outputs = valueAt(names.value, ['resources', 'Outputs']);
  if (!isObject(outputs)) return [];
  return Object.entries(outputs)
    .filter(([, o]) => isObject(o) && names.names(o['Value'], id))
    .map(([name]) => ['resources', 'Outputs', name]);
}

export function removeResource(s: EditSession, id: string): void {
  const value = s.value;
  const node = nodeOf(value, id);
  const names = new Names(value);
  const inside = (p: Path) => node.path.every((seg, i) => p[i] === seg);
  const paths: Path[] = [node.path];
  for (const fn of Object.keys(functionsOf(value))) {
    paths.push(...names.triggerPieces(fn, id).map((p) => p.path), ...names.envPieces(fn, id).map((p) => p.path));
  }
  for (const list of allStatementLists(value)) {
    for (const p of names.statementPieces(list, id)) paths.push(...statementRemovals(s, p.path, id, names.names));
  }
  paths.push(...dependsOnRemovals(value, node.function ? derivedLogicalIds(id) : [id]), ...outputRemovals(names, id));
  deletePaths(s, paths.filter((p) => p === node.path || !inside(p)), keepDepth);
}
