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
import { envPieces, namesResource, statementPieces, triggerPieces } from './pieces.ts';
import { derivedLogicalIds, FUNCTIONS, functionsOf, keepDepth, nodeOf, RESOURCES, resourcesOf } from './service.ts';

/** Every list of IAM statements in the service: the shared role's and each function's own. */
function allStatementLists(value: CfnObject): Path[] {
  return [['provider', 'iam', 'role', 'statements'], ['provider', 'iamRoleStatements'], ...Object.keys(functionsOf(value)).map((fn) => [...FUNCTIONS, fn, 'iamRoleStatements'])];
}

function dependsOnRemovals(value: CfnObject, logicalId: string): Path[] {
  const out: Path[] = [];
  for (const [id, def] of Object.entries(resourcesOf(value))) {
    const d = isObject(def) ? def['DependsOn'] : undefined;
    const at: Path = [...RESOURCES, id, 'DependsOn'];
    if (d === logicalId) out.push(at);
    else if (Array.isArray(d)) d.forEach((x, i) => x === logicalId && out.push([...at, i]));
  }
  return out;
}

function outputRemovals(value: CfnObject, logicalId: string): Path[] {
  const outputs = valueAt(value, ['resources', 'Outputs']);
  if (!isObject(outputs)) return [];
  return Object.entries(outputs)
    .filter(([, o]) => isObject(o) && namesResource(o['Value'], logicalId))
    .map(([name]) => ['resources', 'Outputs', name]);
}

export function removeResource(s: EditSession, id: string): void {
  const value = s.value;
  const node = nodeOf(value, id);
  const ids = node.function ? derivedLogicalIds(id) : [id];
  const paths: Path[] = [node.path];
  for (const fn of Object.keys(functionsOf(value))) {
    if (fn === id && node.function) continue;
    if (!node.function) paths.push(...triggerPieces(value, fn, id).map((p) => p.path));
    for (const l of ids) paths.push(...envPieces(value, fn, l).map((p) => p.path));
  }
  for (const list of allStatementLists(value)) {
    if (node.function && list[0] === 'functions' && list[1] === id) continue;
    for (const l of ids) for (const p of statementPieces(value, list, l)) paths.push(...statementRemovals(s, p.path, l, namesResource));
  }
  for (const l of ids) paths.push(...dependsOnRemovals(value, l), ...outputRemovals(value, l));
  deletePaths(s, paths, keepDepth);
}
