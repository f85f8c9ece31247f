/**
 * Where things live in a serverless.yml, for the edit ops: a function node is its key under
 * `functions`, a resource node its logical id under `resources.Resources`; which role a
 * function's access statements go into; the names the framework gives what it generates.
 */
import type { Path } from '../../../diagnostics/types.ts';
import { kindOfType } from '../../../catalog/nodeKinds.ts';
import { functionLogicalId, normalizedFunctionName } from '../../../formats/serverless/logicalIds.ts';
import type { NodeKind } from '../../../graph/types.ts';
import { isObject, valueAt } from '../../../value.ts';
import type { CfnObject, CfnValue } from '../../../value.ts';
import { EditError } from '../../cst.ts';

export const FUNCTIONS: Path = ['functions'];
export const RESOURCES: Path = ['resources', 'Resources'];

/** The type a serverless function node has (the framework writes `AWS::Lambda::Function`). */
export const FUNCTION_TYPE = 'AWS::Lambda::Function';

/** Types that mean "a function" when added: they go into `functions`, not `resources`. */
export function isFunctionType(type: string): boolean {
  return type === FUNCTION_TYPE || type === 'AWS::Serverless::Function';
}

/** The framework's function names: letters, digits, `-` and `_` (its schema's pattern). */
export const FUNCTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function checkFunctionName(name: string): void {
  if (typeof name !== 'string' || !FUNCTION_NAME.test(name)) {
    throw new EditError('EDIT_BAD_NAME', `Function name '${String(name)}' must be letters, digits, - and _ (at most 64).`);
  }
}

/** Logical ids the framework derives from a function name, which hand-written text refers to. */
export function derivedLogicalIds(name: string): string[] {
  return [functionLogicalId(name), `${normalizedFunctionName(name)}LogGroup`];
}

function mapAt(value: CfnObject, path: Path): CfnObject {
  const v = valueAt(value, path);
  return isObject(v) ? v : {};
}

export function functionsOf(value: CfnObject): CfnObject {
  return mapAt(value, FUNCTIONS);
}

export function resourcesOf(value: CfnObject): CfnObject {
  return mapAt(value, RESOURCES);
}

export function hasOwn(o: CfnObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** A node of the service: a function (by its key) or a resource (by its logical id). */
export interface ServiceNode {
  readonly id: string;
  readonly path: Path;
  readonly function: boolean;
  /** The CloudFormation type (`AWS::Lambda::Function` for functions). */
  readonly type: string;
  readonly kind: NodeKind;
  /** What CloudFormation text names it by: a resource's id, a function's generated logical id. */
  readonly logicalId: string;
}

export function findNode(value: CfnObject, id: string): ServiceNode | undefined {
  if (typeof id !== 'string') return undefined;
  if (hasOwn(functionsOf(value), id)) {
    return { id, path: [...FUNCTIONS, id], function: true, type: FUNCTION_TYPE, kind: 'function', logicalId: functionLogicalId(id) };
  }
  const resources = resourcesOf(value);
  if (!hasOwn(resources, id)) return undefined;
  const def = resources[id];
  const type = isObject(def) && typeof def['Type'] === 'string' ? def['Type'] : '';
  return { id, path: [...RESOURCES, id], function: false, type, kind: kindOfType(type), logicalId: id };
}

export function nodeOf(value: CfnObject, id: string): ServiceNode {
  const n = findNode(value, id);
  if (!n) throw new EditError('EDIT_NO_SUCH_RESOURCE', `There is no function or resource '${id}' in this service.`, [...RESOURCES, String(id)]);
  return n;
}

/** The provider's name (`provider: aws` or `provider.name`); '' when absent. */
export function providerName(value: CfnObject): string {
  const p = value['provider'];
  if (typeof p === 'string') return p;
  return isObject(p) && typeof p['name'] === 'string' ? p['name'] : '';
}

/** CloudFormation resources, IAM and AWS events exist only for the `aws` provider. */
export function requireAws(value: CfnObject, what: string): void {
  const name = providerName(value);
  if (name !== 'aws') {
    throw new EditError('EDIT_UNSUPPORTED_PROVIDER', `${what} needs the aws provider; this service's provider is ${name ? `'${name}'` : 'not set'}.`, ['provider']);
  }
}

/** The `serverless-iam-roles-per-function` plugin gives each function with `iamRoleStatements` a role of its own. */
export function usesRolesPerFunction(value: CfnObject): boolean {
  const plugins = value['plugins'];
  const list: CfnValue[] = Array.isArray(plugins) ? plugins : isObject(plugins) && Array.isArray(plugins['modules']) ? plugins['modules'] : [];
  return list.some((p) => typeof p === 'string' && /(^|\/)serverless-iam-roles-per-function$/.test(p));
}

export type AccessScope = 'service-role' | 'function-role';

/**
 * Whose permissions an access wire of `fn` changes: the service's one role (the framework's
 * default, shared by every function without a role of its own), or a role of the function's
 * own (`role:`, or its own `iamRoleStatements`, which the per-function plugin turns into a
 * role; with the plugin a function's first statements start one). For the wire inspector:
 * "every function of this service gets this access".
 */
export function accessScope(value: CfnObject, fn: string): AccessScope {
  const def = functionsOf(value)[fn];
  const own = isObject(def) && (def['role'] !== undefined || def['iamRoleStatements'] !== undefined);
  return own || usesRolesPerFunction(value) ? 'function-role' : 'service-role';
}

/**
 * The `AWS::IAM::Role` of `resources.Resources` a role setting names (`role: MyRole`,
 * `!GetAtt MyRole.Arn`, `Fn::GetAtt: [MyRole, Arn]`), if it names one as written.
 */
export function stackRoleOf(value: CfnObject, setting: CfnValue | undefined): string | undefined {
  let id: string | undefined;
  if (typeof setting === 'string') id = setting;
  else if (isObject(setting)) {
    const att = setting['Fn::GetAtt'];
    if (Array.isArray(att) && typeof att[0] === 'string' && att[1] === 'Arn') id = att[0];
    else if (typeof att === 'string' && att.endsWith('.Arn')) id = att.slice(0, -'.Arn'.length);
  }
  if (id === undefined || !Object.hasOwn(resourcesOf(value), id)) return undefined;
  const def = resourcesOf(value)[id];
  return isObject(def) && def['Type'] === 'AWS::IAM::Role' ? id : undefined;
}

/** The role setting `fn` runs with, where it is written, if it has one (its own, else the provider's). */
function customRole(value: CfnObject, fn: string): { setting: CfnValue; path: Path } | undefined {
  const def = functionsOf(value)[fn];
  if (isObject(def) && def['role'] !== undefined) return { setting: def['role'], path: [...FUNCTIONS, fn, 'role'] };
  if (accessScope(value, fn) === 'function-role') return undefined;
  const iam = valueAt(value, ['provider', 'iam', 'role']);
  if (typeof iam === 'string' || (isObject(iam) && iam['Fn::GetAtt'] !== undefined)) return { setting: iam, path: ['provider', 'iam', 'role'] };
  const legacy = valueAt(value, ['provider', 'role']);
  return legacy === undefined ? undefined : { setting: legacy, path: ['provider', 'role'] };
}

/** Where statements go in a role of the stack: its first inline policy with a statement list. */
export interface RolePolicyTarget {
  readonly kind: 'role';
  readonly role: string;
  /** The statement list to append to; absent when the role has no inline policy with one yet. */
  readonly statements?: Path;
  /** Its `Policies`, to add a policy to when there is none. */
  readonly policies: Path;
}

function rolePolicyTarget(value: CfnObject, role: string): RolePolicyTarget {
  const policies: Path = [...RESOURCES, role, 'Properties', 'Policies'];
  const list = valueAt(value, policies);
  const i = Array.isArray(list) ? list.findIndex((p) => isObject(p) && isObject(p['PolicyDocument']) && Array.isArray(p['PolicyDocument']['Statement'])) : -1;
  return i < 0 ? { kind: 'role', role, policies } : { kind: 'role', role, policies, statements: [...policies, i, 'PolicyDocument', 'Statement'] };
}

/**
 * Where `fn`'s access statements are written: the function's own statements (per-function
 * roles), the service's role, or the inline policy of a role in `resources.Resources` the
 * function or the provider names (`{ role }`); a role outside the file is refused.
 */
export function statementsTarget(value: CfnObject, fn: string): { readonly kind: 'list'; readonly path: Path } | RolePolicyTarget {
  const custom = customRole(value, fn);
  if (custom) {
    const role = stackRoleOf(value, custom.setting);
    if (role) return rolePolicyTarget(value, role);
    const whose = custom.path[0] === 'functions' ? `Function '${fn}' uses its own role (role:)` : 'The service uses a role of its own (provider role)';
    throw new EditError('WIRE_UNSUPPORTED', `${whose}, defined outside this file; add the statement to that role where it is defined.`, custom.path);
  }
  if (accessScope(value, fn) === 'function-role') return { kind: 'list', path: [...FUNCTIONS, fn, 'iamRoleStatements'] };
  const legacy = valueAt(value, ['provider', 'iamRoleStatements']);
  if (legacy !== undefined && valueAt(value, ['provider', 'iam', 'role', 'statements']) === undefined) return { kind: 'list', path: ['provider', 'iamRoleStatements'] };
  return { kind: 'list', path: ['provider', 'iam', 'role', 'statements'] };
}

/** Where `fn`'s access statements are (for changing them): as `statementsTarget`, the list itself. */
export function statementsPath(value: CfnObject, fn: string): Path {
  const t = statementsTarget(value, fn);
  if (t.kind === 'list') return t.path;
  return t.statements ?? [...t.policies, 0, 'PolicyDocument', 'Statement'];
}

/** Function keys and resource ids share one namespace of node ids. */
export function checkFree(value: CfnObject, id: string): void {
  if (hasOwn(functionsOf(value), id) || hasOwn(resourcesOf(value), id)) {
    throw new EditError('EDIT_NAME_TAKEN', `The name '${id}' is already used.`, [...RESOURCES, id]);
  }
}

/**
 * How deep a deletion may empty its way up: a function or resource keeps its own entry,
 * `functions` and `resources.Resources` stay (as `{}`) when their last entry goes, the
 * provider and `resources` stay; an emptied `resources.Outputs` goes.
 */
export function keepDepth(path: Path): number {
  if (path[0] === 'functions') return path.length > 2 ? 2 : 1;
  if (path[0] === 'resources' && path[1] === 'Resources') return path.length > 3 ? 3 : 2;
  if (path[0] === 'resources') return 1;
  if (path[0] === 'provider') return 1;
  return 0;
}
