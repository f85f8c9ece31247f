/**
 * Access wires in a serverless.yml: least-privilege IAM statements scoped to the one target
 * (the catalog's access rules, the same actions as SAM's policy templates) in the role the
 * function uses, and `environment` entries telling the code where the target is.
 */
import { canAccess, planAccess } from '../../../catalog/wires.ts';
import { isObject, valueAt, valueEquals } from '../../../value.ts';
import { EditError } from '../../cst.ts';
import type { EditSession } from '../../session.ts';
import type { Edit } from '../../types.ts';
import { setAt } from '../common.ts';
import { changeStatements, levelChange } from '../accessLevel.ts';
import { appendToList } from '../wires.ts';
import { ServiceWires } from './pieces.ts';
import { FUNCTIONS, keepDepth, nodeOf, requireAws, statementsPath, statementsTarget } from './service.ts';
import type { ServiceNode } from './service.ts';

/** The two ends of an access wire: a function and what it may use. */
export function accessEnds(s: EditSession, source: string, target: string): { fn: ServiceNode; target: ServiceNode } {
  requireAws(s.value, 'An access wire');
  const fn = nodeOf(s.value, source);
  const to = nodeOf(s.value, target);
  if (!fn.function) {
    const verdict = canAccess(fn.kind, to.kind);
    throw new EditError('WIRE_NOT_ALLOWED', verdict.ok ? `Only functions are given access in a serverless.yml; '${source}' is ${fn.type}.` : verdict.reason, fn.path);
  }
  if (source === target) throw new EditError('WIRE_NOT_ALLOWED', `A wire joins two different nodes; '${source}' cannot be wired to itself.`, fn.path);
  return { fn, target: to };
}

export function connectAccess(s: EditSession, e: Extract<Edit, { op: 'connect' }>): void {
  const { fn, target } = accessEnds(s, e.source, e.target);
  const planned = planAccess('function', target.kind, target.logicalId, e.level, target.id);
  if (!planned.ok) throw new EditError('WIRE_NOT_ALLOWED', planned.reason, fn.path);
  const plan = planned.plan;
  const where = statementsTarget(s.value, fn.id);
  const listPath = where.kind === 'list' ? where.path : (where.statements ?? where.policies);
  const current = where.kind === 'list' || where.statements ? valueAt(s.value, listPath) : undefined;
  const have = Array.isArray(current) ? current : [];
  const missing = plan.statements.filter((st) => !have.some((q) => valueEquals(st, q)));
  const envPath = [...FUNCTIONS, fn.id, 'environment'];
  const env = valueAt(s.value, envPath);
  const newVars = Object.entries(plan.environment).filter(([name, value]) => {
    const had = isObject(env) ? env[name] : undefined;
    if (had !== undefined && !valueEquals(had, value)) {
      throw new EditError('WIRE_ENV_CONFLICT', `'${fn.id}' already sets ${name} to something else; rename that variable first.`, [...envPath, name]);
    }
    return had === undefined;
  });
  if (!missing.length && !newVars.length) {
    throw new EditError('WIRE_EXISTS', `'${fn.id}' already has ${plan.label.toLowerCase()} access to '${target.id}'.`, listPath);
  }
  if (where.kind === 'list' || where.statements || !missing.length) appendToList(s, listPath, missing);
  // a role of the file with no inline policy yet: one for what Cairn wires, named after the role
  else appendToList(s, where.policies, [{ PolicyName: `${where.role}Access`, PolicyDocument: { Version: '2012-10-17', Statement: missing } }]);
  for (const [name, value] of newVars) setAt(s, [...envPath, name], value);
}

/**
 * Changes the actions of the statements where they are; a level with more statements (a
 * stream's crud) appends to the function's statements, one with fewer removes the extra.
 * With the service's shared role, this changes the access of every function using it.
 */
export function setAccessLevel(s: EditSession, e: Extract<Edit, { op: 'setAccessLevel' }>): void {
  const { fn, target } = accessEnds(s, e.source, e.target);
  const edge = new ServiceWires(s.value).edge(fn.id, target.id, 'access');
  if (!edge) throw new EditError('WIRE_NOT_FOUND', `There is no access wire from '${fn.id}' to '${target.id}'.`, fn.path);
  // statements name a function by its generated logical id
  const change = levelChange(s, { ...edge, target: target.logicalId }, target.kind, e.level);
  if (!change) return;
  changeStatements(s, change.parts, [...change.grant.statements], { path: statementsPath(s.value, fn.id), keep: keepDepth });
}
