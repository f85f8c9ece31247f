/**
 * Wire semantics (PRODUCT.md, "Wires"): which wires two kinds allow, and what each writes.
 * The per-kind tables are in accessRules.ts and triggerRules.ts; this file answers questions.
 */
import type { NodeKind } from '../graph/types.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { ACCESS_RULES } from './accessRules.ts';
import type { AccessLevel, AccessRule, IamStatement, PolicyTemplateUse } from './accessRules.ts';
import { RESOURCE_TRIGGER_RULES, TRIGGER_RULES } from './triggerRules.ts';
import type { TriggerRule } from './triggerRules.ts';
import { envPrefix } from './envNames.ts';
import { isCompute, kindPhrase, nodeKindInfo } from './nodeKinds.ts';

export type WireKind = 'trigger' | 'access';
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const ACCESS: ReadonlyMap<NodeKind, AccessRule> = new Map(ACCESS_RULES.map((r) => [r.target, r]));
const TRIGGER: ReadonlyMap<NodeKind, TriggerRule> = new Map(TRIGGER_RULES.map((r) => [r.source, r]));

/** What an access wire to a node of this kind writes; `undefined`: it cannot be used through a wire. */
export function accessRule(targetKind: NodeKind): AccessRule | undefined {
  return ACCESS.get(targetKind);
}

/**
 * What a trigger wire from a node of this kind writes; `undefined`: it triggers nothing. A
 * `resource` node's rule depends on its CloudFormation type (an event bus triggers).
 */
export function triggerRule(sourceKind: NodeKind, sourceType?: string): TriggerRule | undefined {
  if (sourceKind === 'resource' && sourceType !== undefined && Object.hasOwn(RESOURCE_TRIGGER_RULES, sourceType)) return RESOURCE_TRIGGER_RULES[sourceType];
  return TRIGGER.get(sourceKind);
}

const label = (k: NodeKind): string => nodeKindInfo(k).label;
const ok: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

export function canAccess(sourceKind: NodeKind, targetKind: NodeKind): Verdict {
  if (!isCompute(sourceKind)) {
    return no(`${kindPhrase(sourceKind, true)} cannot use other resources: only Functions, Edge Functions and Docker Tasks can.`);
  }
  if (ACCESS.has(targetKind)) return ok;
  const src = label(sourceKind);
  switch (targetKind) {
    case 'rest-api':
    case 'http-api':
      return no(`${kindPhrase(targetKind, true)} calls Functions, not the other way round: draw the wire from the ${label(targetKind)} to a Function to give it a route.`);
    case 'timer':
      return no('A Timer runs Functions: draw the wire from the Timer to a Function to run it on a schedule.');
    case 'layer':
      return no(sourceKind === 'function' ? "A Layer is not wired: add it in the Function's Layers setting." : 'Only Functions use Layers.');
    case 'virtual-network':
      return sourceKind === 'edge-function'
        ? no('An Edge Function runs at CloudFront and cannot be placed in a Virtual Network.')
        : no(`Drop the ${src} inside the Virtual Network instead of wiring it: it then runs in the network's private subnets.`);
    case 'edge-function':
      return no('An Edge Function runs only when its CDN calls it: wire the CDN to it instead.');
    case 'existing':
      return no('Cairn cannot tell what an Existing resource is: add a node of its kind (Table, Queue, ...) set to "use existing" in this environment, and wire that.');
    default:
      return no(`Cairn has no least-privilege policy for this resource type: add a statement to the ${src}'s policies in the YAML view.`);
  }
}

export function canTrigger(sourceKind: NodeKind, targetKind: NodeKind, sourceType?: string): Verdict {
  const rule = triggerRule(sourceKind, sourceType);
  if (!rule) {
    return isCompute(sourceKind)
      ? no(`${kindPhrase(sourceKind, true)} does not trigger other nodes: a wire from it gives it access to ${kindPhrase(targetKind)}.`)
      : no(`${kindPhrase(sourceKind, true)} has no events that can trigger ${kindPhrase(targetKind)}.`);
  }
  if (rule.target === targetKind) return ok;
  if (rule.target === 'edge-function') return no(`${kindPhrase(sourceKind, true)} can only run Edge Functions (Lambda@Edge).`);
  if (targetKind === 'edge-function') return no('An Edge Function runs only when its CDN calls it.');
  if (sourceKind === 'timer') return no('A Timer can only trigger a Function.');
  return no(`${kindPhrase(targetKind, true)} cannot be triggered: only Functions run when events arrive.`);
}

/** The possible wire kinds; `reason` (why none) is set exactly when `kinds` is empty. */
export interface WireKinds {
  readonly kinds: readonly WireKind[];
  readonly reason?: string;
}

/** Which wires can be drawn from `sourceKind` (of `sourceType`, for a `resource`) to `targetKind`, or why none can. */
export function wireKindsFor(sourceKind: NodeKind, targetKind: NodeKind, sourceType?: string): WireKinds {
  const trigger = canTrigger(sourceKind, targetKind, sourceType);
  const access = canAccess(sourceKind, targetKind);
  const kinds: WireKind[] = [];
  if (trigger.ok) kinds.push('trigger');
  if (access.ok) kinds.push('access');
  if (kinds.length || trigger.ok || access.ok) return { kinds };
  // Compute nodes only access, event sources only trigger: the matching reason says most.
  if (isCompute(sourceKind)) return { kinds: [], reason: access.reason };
  if (triggerRule(sourceKind, sourceType)) return { kinds: [], reason: trigger.reason };
  if (sourceKind === 'layer') return { kinds: [], reason: "A Layer is not wired: add it in a Function's Layers setting." };
  if (sourceKind === 'virtual-network') return { kinds: [], reason: 'A Virtual Network is a container: drop Functions and Databases inside it.' };
  const reverse = canAccess(targetKind, sourceKind).ok || canTrigger(targetKind, sourceKind).ok;
  return {
    kinds: [],
    reason: reverse ? `${access.reason} Draw the wire from the ${label(targetKind)} to the ${label(sourceKind)} instead.` : access.reason,
  };
}

/**
 * Environment variables an access wire sets, in order (see envNames.ts for the naming rule).
 * `nameAs` is the name the user knows the target by when it differs from its logical id (a
 * serverless.yml function `hello` is `HelloLambdaFunction`).
 */
export function accessEnvironment(targetKind: NodeKind, targetId: string, nameAs = targetId): Record<string, CfnValue> {
  const rule = ACCESS.get(targetKind);
  const out: Record<string, CfnValue> = {};
  if (!rule) return out;
  const prefix = envPrefix(nameAs, rule.nouns);
  for (const e of rule.env) out[e.fixedName ?? `${prefix}_${e.what}`] = e.value(targetId);
  return out;
}

export interface AccessPlan {
  readonly level: AccessLevel;
  readonly label: string;
  readonly templates: readonly PolicyTemplateUse[];
  readonly inline: readonly IamStatement[];
  /** Entries for a SAM function's `Policies`; empty for a Docker Task, whose task role takes `statements`. */
  readonly samPolicies: readonly CfnObject[];
  /** serverless.yml `provider.iam.role.statements`, or a Docker Task's role policy. */
  readonly statements: readonly IamStatement[];
  /** Empty for an Edge Function: Lambda@Edge has no environment variables. */
  readonly environment: Readonly<Record<string, CfnValue>>;
  readonly notes: readonly string[];
}

/** Everything an access wire from a `sourceKind` node to the target writes, at `level` (default: the rule's). */
export function planAccess(
  sourceKind: NodeKind,
  targetKind: NodeKind,
  targetId: string,
  level?: AccessLevel,
  nameAs = targetId,
): { readonly ok: true; readonly plan: AccessPlan } | { readonly ok: false; readonly reason: string } {
  const verdict = canAccess(sourceKind, targetKind);
  if (!verdict.ok) return verdict;
  const rule = ACCESS.get(targetKind)!;
  const chosen = level ?? rule.defaultLevel;
  const lr = rule.levels[chosen];
  if (!lr) {
    const offered = Object.entries(rule.levels).map(([k, v]) => `${k} (${v.label.toLowerCase()})`);
    return { ok: false, reason: `${kindPhrase(targetKind, true)} offers ${offered.join(', ')} access, not ${chosen}.` };
  }
  const g = lr.grant(targetId);
  const samPolicies: CfnObject[] = [
    ...g.templates.map((t): CfnObject => ({ [t.template]: t.args })),
    ...(g.inline.length ? [{ Statement: [...g.inline] }] : []),
  ];
  const notes = [...rule.notes];
  if (sourceKind === 'edge-function') notes.push('Lambda@Edge has no environment variables: the code must know the names itself.');
  if (sourceKind === 'docker-task') notes.push("The statements go in the task role's policy; the variables in the container's Environment.");
  return {
    ok: true,
    plan: {
      level: chosen,
      label: lr.label,
      templates: g.templates,
      inline: g.inline,
      samPolicies: sourceKind === 'docker-task' ? [] : samPolicies,
      statements: g.statements,
      environment: sourceKind === 'edge-function' ? {} : accessEnvironment(targetKind, targetId, nameAs),
      notes,
    },
  };
}

/**
 * Default name of the event a trigger wire adds: `<SourceId>Event` (`OrdersQueueEvent`), or
 * for a Timer the Timer's own name (the Timer is the event; a Timer of the file, `Fn.Nightly`,
 * is named by its event, `Nightly`). Numbered from 2 if taken.
 */
export function defaultEventName(sourceKind: NodeKind, sourceId: string, taken: Iterable<string> = []): string {
  const base = sourceKind === 'timer' ? sourceId.slice(sourceId.lastIndexOf('.') + 1) : sourceId.endsWith('Event') ? sourceId : `${sourceId}Event`;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** The logical id a `Ref`, `Fn::GetAtt` or whole-string `Fn::Sub` (`${X}`, `${X.Arn}`) points at. */
export function referencedId(v: CfnValue | undefined): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const r = v['Ref'];
  if (typeof r === 'string') return r && !r.startsWith('AWS::') ? r.split('.')[0] : undefined;
  const g = v['Fn::GetAtt'];
  if (Array.isArray(g) && typeof g[0] === 'string' && g[0]) return g[0];
  if (typeof g === 'string' && g) return g.split('.')[0];
  const s = v['Fn::Sub'];
  if (typeof s === 'string') {
    const m = /^\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}$/.exec(s);
    return m ? m[1] : undefined;
  }
  return undefined;
}

/** The property naming the source, per SAM event type. Schedule, ScheduleV2, IoTRule, AlexaSkill, SelfManagedKafka: none. */
const EVENT_SOURCE_PROPERTY: Readonly<Record<string, string>> = {
  Api: 'RestApiId',
  HttpApi: 'ApiId',
  S3: 'Bucket',
  SNS: 'Topic',
  SQS: 'Queue',
  Kinesis: 'Stream',
  DynamoDB: 'Stream',
  Cognito: 'UserPool',
  MSK: 'Stream',
  MQ: 'Broker',
  DocumentDB: 'Cluster',
  CloudWatchLogs: 'LogGroupName',
  EventBridgeRule: 'EventBusName',
  CloudWatchEvent: 'EventBusName',
};

/** The property of a SAM function event that names its source (`Queue` for SQS), if the type has one. */
export function eventSourceProperty(eventType: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(EVENT_SOURCE_PROPERTY, eventType) ? EVENT_SOURCE_PROPERTY[eventType] : undefined;
}

/** The logical id a SAM function event points at (its source), if it names one in this template. */
export function eventTarget(eventType: string, eventProperties: CfnValue | undefined): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(EVENT_SOURCE_PROPERTY, eventType)) return undefined;
  if (eventProperties === null || typeof eventProperties !== 'object' || Array.isArray(eventProperties)) return undefined;
  const prop = EVENT_SOURCE_PROPERTY[eventType]!;
  return Object.prototype.hasOwnProperty.call(eventProperties, prop) ? referencedId(eventProperties[prop]) : undefined;
}

/** The API SAM creates for `Api`/`HttpApi` events that name none (`ServerlessRestApi`, `ServerlessHttpApi`). */
export function implicitEventTarget(eventType: string, eventProperties: CfnValue | undefined): string | undefined {
  const props = eventProperties !== null && typeof eventProperties === 'object' && !Array.isArray(eventProperties) ? eventProperties : {};
  if (eventType === 'Api' && props['RestApiId'] === undefined) return 'ServerlessRestApi';
  if (eventType === 'HttpApi' && props['ApiId'] === undefined) return 'ServerlessHttpApi';
  return undefined;
}

/** The logical id a serverless.yml `functions.<name>.events` entry points at, if it refers to one. */
export function serverlessEventTarget(entry: CfnValue | undefined): string | undefined {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const [key] = Object.keys(entry);
  if (key === undefined) return undefined;
  const body = entry[key];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  switch (key) {
    case 'sqs':
    case 'sns':
    case 'stream':
      return referencedId(body['arn']);
    case 's3':
      return referencedId(body['bucket']);
    case 'cognitoUserPool': {
      const pool = body['pool'];
      if (typeof pool !== 'string' || !pool) return undefined;
      const normalised = pool.replace(/[^A-Za-z0-9]/g, '');
      return normalised ? `CognitoUserPool${normalised[0]!.toUpperCase()}${normalised.slice(1)}` : undefined;
    }
    default:
      return undefined;
  }
}
