import type { Path } from '../../diagnostics/types.ts';
import { isObject } from '../../value.ts';
import type { CfnValue } from '../../value.ts';
import type { GraphBuilder } from './builder.ts';
import { mapAt } from './builder.ts';
import { nameOf, stackNamesIn } from './names.ts';

/**
 * Access wires of a serverless.yml: IAM statements of the provider's role
 * (`provider.iam.role.statements`, legacy `provider.iamRoleStatements`), of a function's own
 * role (`functions.<fn>.iamRoleStatements`, the serverless-iam-roles-per-function plugin), of a
 * custom role in `resources.Resources` named by `provider.iam.role`, `provider.role` or
 * `functions.<fn>.role`, and environment variables naming a stack resource.
 */
export function addPermissions(b: GraphBuilder): void {
  const fns = mapAt(b.file, 'functions');
  const provider = mapAt(b.file, 'provider');
  const role = mapAt(provider, 'iam', 'role');
  const inheritByDefault = mapAt(b.file, 'custom', 'serverless-iam-roles-per-function')['defaultInherit'] === true;
  const shared: string[] = [];
  for (const [fn, def] of Object.entries(fns)) {
    const f = isObject(def) ? def : {};
    if (f['iamRoleStatements'] !== undefined) statements(b, f['iamRoleStatements'], ['functions', fn, 'iamRoleStatements'], [fn]);
    // a function with a role of its own, or its own statements (unless it inherits), does not use the provider's role
    const inherits = f['iamRoleStatementsInherit'] === true || (inheritByDefault && f['iamRoleStatementsInherit'] !== false);
    if (f['role'] === undefined && (f['iamRoleStatements'] === undefined || inherits)) shared.push(fn);
  }
  const iamRole = mapAt(provider, 'iam')['role'];
  const custom = provider['role'] ?? (typeof iamRole === 'string' || intrinsic(iamRole) ? iamRole : undefined);
  /** Roles of `resources.Resources` the functions use instead of the framework's, with their users. */
  const roles = new Map<string, string[]>();
  const use = (r: string | undefined, fns: readonly string[]) => r !== undefined && roles.set(r, [...(roles.get(r) ?? []), ...fns]);
  if (custom === undefined) {
    statements(b, role['statements'], ['provider', 'iam', 'role', 'statements'], shared);
    statements(b, provider['iamRoleStatements'], ['provider', 'iamRoleStatements'], shared);
    managedPolicies(b, role['managedPolicies'], ['provider', 'iam', 'role', 'managedPolicies'], shared);
    managedPolicies(b, provider['iamManagedPolicies'], ['provider', 'iamManagedPolicies'], shared);
  } else use(stackRole(b, custom), shared);
  for (const [fn, def] of Object.entries(fns)) if (isObject(def) && def['role'] !== undefined) use(stackRole(b, def['role']), [fn]);
  for (const [r, users] of roles) roleStatements(b, r, users);
  for (const fn of Object.keys(fns)) environment(b, fn);
}

/** `{Fn::GetAtt: ...}`, `{Ref: ...}`: a role named by an intrinsic, not the framework's role settings. */
const intrinsic = (v: CfnValue | undefined): boolean => isObject(v) && Object.keys(v).some((k) => k === 'Ref' || k.startsWith('Fn::'));

/** The `AWS::IAM::Role` in `resources.Resources` a role setting names: its logical id (as written or from a variable), `Fn::GetAtt [R, Arn]`, `!GetAtt R.Arn`. */
function stackRole(b: GraphBuilder, value: CfnValue): string | undefined {
  const resources = mapAt(b.file, 'resources', 'Resources');
  const resolved = typeof value === 'string' ? b.scope.resolve(value) : undefined;
  const named = nameOf(value, b.scope);
  const id = typeof resolved === 'string' && Object.hasOwn(resources, resolved) ? resolved : named.kind === 'stack' ? named.logicalId : undefined;
  const def = id === undefined ? undefined : resources[id];
  return isObject(def) && def['Type'] === 'AWS::IAM::Role' ? id : undefined;
}

/**
 * What a role of the stack grants the functions using it, as the CloudFormation graph reads a
 * function's `Role` (graph/build.ts, `rolePermissions`): the statements of its inline `Policies`
 * and of the `AWS::IAM::Policy` / `ManagedPolicy` resources attached to it by `Roles`; its
 * `ManagedPolicyArns` are unwired managed policies.
 */
function roleStatements(b: GraphBuilder, roleId: string, principals: readonly string[]): void {
  const resources = mapAt(b.file, 'resources', 'Resources');
  const base: Path = ['resources', 'Resources', roleId, 'Properties'];
  const props = mapAt(resources, roleId, 'Properties');
  const policies = props['Policies'];
  if (Array.isArray(policies)) {
    policies.forEach((p, i) => statements(b, mapAt(p, 'PolicyDocument')['Statement'], [...base, 'Policies', i, 'PolicyDocument', 'Statement'], principals));
  }
  managedPolicies(b, props['ManagedPolicyArns'], [...base, 'ManagedPolicyArns'], principals);
  for (const [id, def] of Object.entries(resources)) {
    const type = isObject(def) ? def['Type'] : undefined;
    if (type !== 'AWS::IAM::Policy' && type !== 'AWS::IAM::ManagedPolicy') continue;
    const attached = mapAt(def, 'Properties')['Roles'];
    if (!Array.isArray(attached) || !attached.some((r) => isObject(r) && nameOf(r, b.scope).kind === 'stack' && stackRole(b, r) === roleId)) continue;
    statements(b, mapAt(def, 'Properties', 'PolicyDocument')['Statement'], ['resources', 'Resources', id, 'Properties', 'PolicyDocument', 'Statement'], principals);
  }
}

function statements(b: GraphBuilder, list: CfnValue | undefined, base: Path, principals: readonly string[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((st, i) => {
    if (!isObject(st) || st['Effect'] === 'Deny') return;
    const path = [...base, i];
    const targets = stackNamesIn(st['Resource'], b.scope).filter((t) => b.has(t));
    if (!targets.length) {
      b.unwired.push({ via: 'statement', path, principals });
      return;
    }
    for (const fn of principals) for (const t of targets) b.edge(fn, t, 'access', { via: 'statement', path });
  });
}

function managedPolicies(b: GraphBuilder, list: CfnValue | undefined, base: Path, principals: readonly string[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((_, i) => b.unwired.push({ via: 'managed-policy', path: [...base, i], principals }));
}

/** `provider.environment` (unless the function sets the same variable) and the function's own `environment`. */
function environment(b: GraphBuilder, fn: string): void {
  const own = mapAt(b.file, 'functions', fn, 'environment');
  const vars: Array<[string, CfnValue, Path]> = [];
  for (const [name, v] of Object.entries(mapAt(b.file, 'provider', 'environment'))) {
    if (!Object.hasOwn(own, name)) vars.push([name, v, ['provider', 'environment', name]]);
  }
  for (const [name, v] of Object.entries(own)) vars.push([name, v, ['functions', fn, 'environment', name]]);
  for (const [name, v, path] of vars) {
    const n = nameOf(v, b.scope);
    if (n.kind === 'stack' && b.has(n.id)) b.edge(fn, n.id, 'access', { via: 'env', name, path });
  }
}
