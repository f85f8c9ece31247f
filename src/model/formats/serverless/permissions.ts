import type { Path } from '../../diagnostics/types.ts';
import { isObject } from '../../value.ts';
import type { CfnValue } from '../../value.ts';
import type { GraphBuilder } from './builder.ts';
import { mapAt } from './builder.ts';
import { nameOf, stackNamesIn } from './names.ts';

/**
 * Access wires of a serverless.yml: IAM statements of the provider's role
 * (`provider.iam.role.statements`, legacy `provider.iamRoleStatements`) and of a function's own
 * role (`functions.<fn>.iamRoleStatements`, the serverless-iam-roles-per-function plugin), and
 * environment variables naming a stack resource.
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
  if (typeof provider['role'] !== 'string' && typeof mapAt(provider, 'iam')['role'] !== 'string') {
    statements(b, role['statements'], ['provider', 'iam', 'role', 'statements'], shared);
    statements(b, provider['iamRoleStatements'], ['provider', 'iamRoleStatements'], shared);
    managedPolicies(b, role['managedPolicies'], ['provider', 'iam', 'role', 'managedPolicies'], shared);
    managedPolicies(b, provider['iamManagedPolicies'], ['provider', 'iamManagedPolicies'], shared);
  }
  for (const fn of Object.keys(fns)) environment(b, fn);
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
