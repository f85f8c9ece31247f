import { collectRefs, subNames } from '../../graph/refs.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import { functionLogicalId, layerLogicalId } from './logicalIds.ts';

/**
 * What a value in a serverless.yml names: a resource of the stack, or something outside it.
 * The graph (events, IAM statements, environment) and the edit ops read values through this
 * one module, so a wire drawn and a wire read back agree.
 *
 * A value names a stack resource when it is a `Ref`, `Fn::GetAtt` (either form), a `Fn::Sub`
 * or `Fn::Join` mentioning one, a `${self:resources.Resources.X...}` variable, a variable that
 * resolves to one of those (`${self:custom.queueArn}`), or an ARN or name whose name part is
 * the physical name of a stack resource (`arn:...:table/${self:custom.table}` against a table
 * with `TableName: ${self:custom.table}`). Functions and layers are stack resources too, under
 * the logical ids the framework gives them (`HelloLambdaFunction` is function `hello`).
 */

/** The resources a serverless.yml's values can name, built once per file by `nameScope`. */
export interface NameScope {
  /** Graph node id by logical id: `resources.Resources` keys, `<Fn>LambdaFunction`, `<Layer>LambdaLayer`. */
  readonly ids: ReadonlyMap<string, string>;
  /** Logical id by physical name (`TableName`, `BucketName`, a function's deployed name), as written and resolved. */
  readonly physical: ReadonlyMap<string, string>;
  /** Resolves serverless variables in a string, keeping those it cannot resolve as written. */
  readonly resolve: (text: string) => CfnValue;
}

export type Named =
  /** A stack resource: `id` is its graph node id, `logicalId` what the value wrote. */
  | { readonly kind: 'stack'; readonly id: string; readonly logicalId: string; readonly attribute?: string }
  /** A literal ARN or name of something outside the stack; `text` is resolved as far as the variables allow. */
  | { readonly kind: 'outside'; readonly text: string }
  /** Computed by CloudFormation from nothing in the stack (`Fn::ImportValue`, `AWS::` pseudo parameters only). */
  | { readonly kind: 'computed' };

/** The property holding a resource's physical name, by type. */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::Kinesis::Stream': 'Name',
  'AWS::Events::EventBus': 'Name',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Cognito::UserPool': 'UserPoolName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::SSM::Parameter': 'Name',
};

const MAX_DEPTH = 4;
const SELF_RESOURCE = /\$\{self:resources\.Resources\.([A-Za-z0-9]+)/;

/** Builds the scope of a parsed serverless.yml; `resolve` defaults to keeping every variable as written. */
export function nameScope(value: CfnObject, resolve: (text: string) => CfnValue = (t) => t): NameScope {
  const ids = new Map<string, string>();
  const physical = new Map<string, string>();
  const addName = (name: CfnValue | undefined, logicalId: string) => {
    if (typeof name !== 'string' || !name) return;
    physical.set(name, logicalId);
    const r = resolve(name);
    if (typeof r === 'string' && r) physical.set(r, logicalId);
  };
  const resources = isObject(value['resources']) && isObject(value['resources']['Resources']) ? value['resources']['Resources'] : {};
  for (const [id, def] of Object.entries(resources)) {
    ids.set(id, id);
    const type = isObject(def) && typeof def['Type'] === 'string' ? def['Type'] : '';
    const props = isObject(def) && isObject(def['Properties']) ? def['Properties'] : {};
    if (Object.hasOwn(NAME_PROPERTY, type)) addName(props[NAME_PROPERTY[type]!], id);
  }
  const fns = isObject(value['functions']) ? value['functions'] : {};
  for (const [name, fn] of Object.entries(fns)) {
    const logicalId = functionLogicalId(name);
    ids.set(logicalId, name);
    ids.set(name, name);
    const own = isObject(fn) ? fn['name'] : undefined;
    addName(typeof own === 'string' ? own : `\${self:service}-\${sls:stage}-${name}`, logicalId);
  }
  const layers = isObject(value['layers']) ? value['layers'] : {};
  for (const name of Object.keys(layers)) ids.set(layerLogicalId(name), layerLogicalId(name));
  return { ids, physical, resolve };
}

/** `arn:partition:service:...`. */
export function isArn(text: string): boolean {
  return /^arn:[^:]*:[^:]*:/.test(text);
}

/** The name part of an ARN: the bucket, table, queue, topic, stream, function, bus, log group. */
export function arnResourceName(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  const service = parts[2];
  const rest = parts.slice(5).join(':');
  if (service === 's3') return rest.split('/')[0] || undefined;
  if (service === 'lambda') return rest.startsWith('function:') ? rest.split(':')[1] : undefined;
  if (service === 'logs') return rest.startsWith('log-group:') ? rest.split(':')[1] : undefined;
  if (service === 'secretsmanager') return rest.startsWith('secret:') ? rest.slice('secret:'.length).replace(/-[A-Za-z0-9]{6}$/, '') : undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) return rest.slice(slash + 1).split('/')[0] || undefined;
  return rest || undefined;
}

/** What one value names (see the module comment). Never throws. */
export function nameOf(value: CfnValue | undefined, scope: NameScope): Named {
  return named(value, scope, 0);
}

/**
 * Every stack resource named anywhere in a value (a statement's `Resource` list, an
 * `Fn::Join` of two ARNs), as graph node ids, in order and without repeats.
 */
export function stackNamesIn(value: CfnValue | undefined, scope: NameScope): string[] {
  const out = new Set<string>();
  const visit = (v: CfnValue | undefined): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    const n = nameOf(v, scope);
    if (n.kind === 'stack') out.add(n.id);
    if (isObject(v)) {
      for (const r of collectRefs(v, [])) {
        const id = scope.ids.get(r.target);
        if (id !== undefined) out.add(id);
      }
    }
  };
  visit(value);
  return [...out];
}

function stack(scope: NameScope, logicalId: string, attribute?: string): Named | undefined {
  const id = scope.ids.get(logicalId);
  if (id === undefined) return undefined;
  return attribute === undefined ? { kind: 'stack', id, logicalId } : { kind: 'stack', id, logicalId, attribute };
}

/** A literal ARN or name: a stack resource when its name part is a stack resource's physical name. */
function literal(text: string, scope: NameScope): Named {
  const name = isArn(text) ? arnResourceName(text) : text;
  const logicalId = name === undefined ? undefined : scope.physical.get(name);
  return (logicalId !== undefined && stack(scope, logicalId)) || { kind: 'outside', text };
}

function named(value: CfnValue | undefined, scope: NameScope, depth: number): Named {
  if (typeof value === 'string') {
    const self = SELF_RESOURCE.exec(value);
    const hit = self ? stack(scope, self[1]!) : undefined;
    if (hit) return hit;
    if (!value.includes('${')) return literal(value, scope);
    const resolved = depth < MAX_DEPTH ? scope.resolve(value) : value;
    if (typeof resolved !== 'string') return named(resolved, scope, depth + 1);
    const byResolved = literal(resolved, scope);
    return byResolved.kind === 'stack' ? byResolved : literal(value, scope).kind === 'stack' ? literal(value, scope) : byResolved;
  }
  if (Array.isArray(value)) {
    // `[X, Arn]`: the argument list of a GetAtt written without its key
    if (value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return stack(scope, value[0], value[1]) ?? { kind: 'computed' };
    return { kind: 'computed' };
  }
  if (!isObject(value)) return { kind: 'computed' };
  const keys = Object.keys(value);
  const arg = value[keys[0]!];
  if (keys.length === 1 && keys[0] === 'Ref' && typeof arg === 'string') return stack(scope, arg) ?? { kind: 'computed' };
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
    if (Array.isArray(arg) && typeof arg[0] === 'string') return stack(scope, arg[0], typeof arg[1] === 'string' ? arg[1] : undefined) ?? { kind: 'computed' };
    if (typeof arg === 'string') {
      const dot = arg.indexOf('.');
      return (dot === -1 ? stack(scope, arg) : stack(scope, arg.slice(0, dot), arg.slice(dot + 1))) ?? { kind: 'computed' };
    }
  }
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
    if (text === undefined) return { kind: 'computed' };
    const locals = Array.isArray(arg) && isObject(arg[1]) ? new Set(Object.keys(arg[1])) : new Set<string>();
    for (const n of subNames(text, locals)) {
      const hit = stack(scope, n.name, n.attribute);
      if (hit) return hit;
    }
    return named(text, scope, depth + 1);
  }
  if (keys.length === 1 && keys[0] === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
    const pieces: string[] = [];
    for (const item of arg[1]) {
      if (typeof item === 'string' || typeof item === 'number') pieces.push(String(item));
      else if (isObject(item) && typeof item['Ref'] === 'string' && item['Ref'].startsWith('AWS::')) pieces.push(`\${${item['Ref']}}`);
      else {
        const n = named(item, scope, depth + 1);
        if (n.kind === 'stack') return n;
        return { kind: 'computed' };
      }
    }
    return named(pieces.join(arg[0]), scope, depth + 1);
  }
  for (const r of collectRefs(value, [])) {
    const hit = stack(scope, r.target, r.attribute);
    if (hit) return hit;
  }
  return { kind: 'computed' };
}
