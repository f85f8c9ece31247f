import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { RuleContext } from '../rule.ts';
import { isIntrinsic, typedResources } from './resources.ts';

/** Shared reading of the IAM policy documents in a template, for the IAM and bucket rules. */

export interface PolicyStatement {
  /** Where the statement is, for messages: `the policies of MyRole`, `provider.iam.role.statements`. */
  readonly owner: string;
  /** Identity policy (what a role may do) or resource policy (who may use a bucket, queue, topic). */
  readonly kind: 'identity' | 'resource';
  /** The resource the policy belongs to, or for a resource policy the resource it guards. */
  readonly resourceId?: string;
  readonly type?: string;
  readonly statement: CfnObject;
  readonly path: Path;
}

/** `Fn::If` branches of a value (both), else the value itself; `AWS::NoValue` branches dropped. */
export function* branches(v: CfnValue | undefined, path: Path): Generator<{ value: CfnValue; path: Path }> {
  if (v === undefined) return;
  if (isObject(v) && Object.keys(v).length === 1 && Array.isArray(v['Fn::If'])) {
    const args = v['Fn::If'];
    for (const i of [1, 2]) yield* branches(args[i], [...path, 'Fn::If', i]);
    return;
  }
  if (isObject(v) && Object.keys(v).length === 1 && v.Ref === 'AWS::NoValue') return;
  yield { value: v, path };
}

/** The items of a value that may be one item or a list of them (`Statement`, `Action`, `Resource`). */
export function* items(v: CfnValue | undefined, path: Path): Generator<{ value: CfnValue; path: Path }> {
  for (const b of branches(v, path)) {
    if (Array.isArray(b.value)) {
      for (let i = 0; i < b.value.length; i++) yield* branches(b.value[i], [...b.path, i]);
    } else {
      yield b;
    }
  }
}

/** The statements of one policy document (`{Version, Statement}`). */
export function* documentStatements(doc: CfnValue | undefined, path: Path): Generator<{ statement: CfnObject; path: Path }> {
  for (const d of branches(doc, path)) {
    if (!isObject(d.value) || isIntrinsic(d.value)) continue;
    for (const s of items(d.value.Statement, [...d.path, 'Statement'])) {
      if (isObject(s.value) && !isIntrinsic(s.value)) yield { statement: s.value, path: s.path };
    }
  }
}

/** Types with one `PolicyDocument` property granting permissions to a principal. */
const IDENTITY_DOCUMENT = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy']);
/** Types with a `Policies` list of `{PolicyName, PolicyDocument}`. */
const INLINE_POLICIES = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);
/** Resource policies: the resource they guard is in `Bucket` / `Queues` / `Topics`. */
export const RESOURCE_POLICY_TYPES: ReadonlySet<string> = new Set(['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy']);

/**
 * Every permission statement in the template: IAM roles, users and groups' inline policies
 * (not `AssumeRolePolicyDocument`: that says who may assume the role), IAM policies, SAM
 * functions' and state machines' inline `Policies` (policy templates and managed policy names
 * are skipped), bucket, queue and topic policies, and in serverless.yml the provider's and
 * functions' `iamRoleStatements` / `iam.role.statements`.
 */
export function* policyStatements(ctx: RuleContext): Generator<PolicyStatement> {
  for (const { id, path, type, resource } of typedResources(ctx)) {
    const props = resource.Properties;
    if (!isObject(props) || isIntrinsic(props)) continue;
    const base = [...path, 'Properties'];
    const owner = `the ${RESOURCE_POLICY_TYPES.has(type) ? 'policy' : 'policies'} of ${id}`;
    if (IDENTITY_DOCUMENT.has(type) || RESOURCE_POLICY_TYPES.has(type)) {
      const kind = RESOURCE_POLICY_TYPES.has(type) ? 'resource' : 'identity';
      for (const s of documentStatements(props.PolicyDocument, [...base, 'PolicyDocument'])) {
        yield { owner, kind, resourceId: id, type, ...s };
      }
    } else if (INLINE_POLICIES.has(type)) {
      for (const p of items(props.Policies, [...base, 'Policies'])) {
        if (!isObject(p.value)) continue;
        for (const s of documentStatements(p.value.PolicyDocument, [...p.path, 'PolicyDocument'])) {
          yield { owner, kind: 'identity', resourceId: id, type, ...s };
        }
      }
    } else if (type === 'AWS::Serverless::Function' || type === 'AWS::Serverless::StateMachine') {
      for (const p of items(props.Policies, [...base, 'Policies'])) {
        // `{Statement: [...]}` is an inline policy; `{SQSPollerPolicy: {...}}` a policy template.
        if (!isObject(p.value) || !Object.hasOwn(p.value, 'Statement')) continue;
        for (const s of documentStatements(p.value, p.path)) yield { owner, kind: 'identity', resourceId: id, type, ...s };
      }
    }
  }
  if (ctx.format !== 'serverless') return;
  const provider = ctx.value.provider;
  const statementList = function* (v: CfnValue | undefined, path: Path, owner: string): Generator<PolicyStatement> {
    for (const s of items(v, path)) {
      if (isObject(s.value) && !isIntrinsic(s.value)) yield { owner, kind: 'identity', statement: s.value, path: s.path };
    }
  };
  if (isObject(provider)) {
    yield* statementList(provider.iamRoleStatements, ['provider', 'iamRoleStatements'], 'provider.iamRoleStatements');
    const iam = provider.iam;
    if (isObject(iam) && isObject(iam.role)) yield* statementList(iam.role.statements, ['provider', 'iam', 'role', 'statements'], 'provider.iam.role.statements');
  }
  const fns = ctx.value.functions;
  if (isObject(fns)) {
    for (const name of Object.keys(fns)) {
      const f = fns[name];
      if (isObject(f)) yield* statementList(f.iamRoleStatements, ['functions', name, 'iamRoleStatements'], `functions.${name}.iamRoleStatements`);
    }
  }
}

/** A statement's `Effect` is a literal `Allow`. */
export function allows(statement: CfnObject): boolean {
  return statement.Effect === 'Allow';
}
