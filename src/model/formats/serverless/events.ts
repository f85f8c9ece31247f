import type { Path } from '../../diagnostics/types.ts';
import { timerId } from '../../graph/build.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { GraphBuilder } from './builder.ts';
import { mapAt } from './builder.ts';
import { bucketLogicalId, eventBusLogicalId, HTTP_API_ID, REST_API_ID, topicLogicalId, userPoolLogicalId, WEBSOCKET_API_ID } from './logicalIds.ts';
import { isArn, nameOf } from './names.ts';

/**
 * The event types of the Serverless Framework's AWS provider (v3/v4 docs, "Functions: events").
 * Plugins may add more; SLS_UNKNOWN_EVENT reports the others.
 */
export const SERVERLESS_EVENT_TYPES: ReadonlySet<string> = new Set([
  'http', 'httpApi', 'websocket', 's3', 'schedule', 'sns', 'sqs', 'stream', 'kafka', 'msk', 'activemq', 'rabbitmq',
  'alexaSkill', 'alexaSmartHome', 'iot', 'iotFleetProvisioning', 'cloudwatchEvent', 'cloudwatchLog', 'cognitoUserPool',
  'eventBridge', 'alb', 'cloudFront',
]);

/** One `functions.<fn>.events` entry: `- sqs: {...}`, `- schedule: rate(1 hour)` or `- alexaSkill`. */
export interface EventEntry {
  readonly type: string;
  readonly body: CfnValue;
  /** `['functions', fn, 'events', i, type]` (or without the type for a bare string entry). */
  readonly path: Path;
  readonly index: number;
}

/** The entries of a function's `events` list that have a type. */
export function eventEntries(fn: string, def: CfnValue | undefined): EventEntry[] {
  const events = isObject(def) ? def['events'] : undefined;
  if (!Array.isArray(events)) return [];
  const out: EventEntry[] = [];
  events.forEach((entry, index) => {
    const base: Path = ['functions', fn, 'events', index];
    if (typeof entry === 'string') out.push({ type: entry, body: null, path: base, index });
    else if (isObject(entry) && Object.keys(entry).length >= 1) {
      const type = Object.keys(entry)[0]!;
      out.push({ type, body: entry[type]!, path: [...base, type], index });
    }
  });
  return out;
}

/** Reads every function's events into trigger edges (source: what the event names; target: the function). */
export function addEvents(b: GraphBuilder): void {
  for (const [fn, def] of Object.entries(mapAt(b.file, 'functions'))) {
    for (const e of eventEntries(fn, def)) {
      const source = eventSource(b, fn, e);
      if (source !== undefined) b.edge(source, fn, 'trigger', { via: 'event', path: e.path, name: e.type });
    }
  }
}

const field = (body: CfnValue, key: string): CfnValue | undefined => (isObject(body) ? body[key] : undefined);
/** A string setting as the chosen stage resolves it. */
const text = (b: GraphBuilder, v: CfnValue | undefined): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const r = b.scope.resolve(v);
  return typeof r === 'string' ? r : undefined;
};

/** The node id an event comes from, adding implicit and existing nodes as needed; undefined when it has none to draw. */
function eventSource(b: GraphBuilder, fn: string, e: EventEntry): string | undefined {
  const { body, path } = e;
  const provider = mapAt(b.file, 'provider');
  switch (e.type) {
    case 'http': {
      const id = mapAt(provider, 'apiGateway')['restApiId'];
      return id === undefined ? b.generated(REST_API_ID, 'AWS::ApiGateway::RestApi', []) : b.source(id, ['provider', 'apiGateway', 'restApiId'], 'rest-api');
    }
    case 'httpApi': {
      const id = mapAt(provider, 'httpApi')['id'];
      return id === undefined ? b.generated(HTTP_API_ID, 'AWS::ApiGatewayV2::Api', []) : b.source(id, ['provider', 'httpApi', 'id'], 'http-api');
    }
    case 'websocket': {
      const id = provider['websocketApiId'];
      // a WebSocket API is no HTTP API: the curated http-api kind (and what its wires write) does not fit
      return id === undefined ? b.generated(WEBSOCKET_API_ID, 'AWS::ApiGatewayV2::Api', [], 'resource') : b.source(id, ['provider', 'websocketApiId'], 'websocket-api');
    }
    case 'sqs':
    case 'msk':
    case 'activemq':
    case 'rabbitmq':
    case 'stream': {
      const arn = isObject(body) ? body['arn'] : body;
      return arn === undefined || arn === null ? undefined : b.source(arn, isObject(body) ? [...path, 'arn'] : path, e.type);
    }
    case 'alb': {
      const arn = field(body, 'listenerArn');
      return arn === undefined ? undefined : b.source(arn, [...path, 'listenerArn'], 'alb-listener');
    }
    case 'cloudwatchLog': {
      const group = isObject(body) ? body['logGroup'] : body;
      return group === undefined || group === null ? undefined : b.source(group, isObject(body) ? [...path, 'logGroup'] : path, 'log-group');
    }
    case 'sns':
      return snsSource(b, body, path);
    case 's3':
      return s3Source(b, body, path);
    case 'schedule':
      return timer(b, fn, e);
    case 'eventBridge':
      return eventBridgeSource(b, fn, e);
    case 'cloudwatchEvent':
      return b.existing('default', path, 'event-bus');
    case 'cognitoUserPool': {
      const pool = field(body, 'pool');
      if (pool === undefined) return undefined;
      if (field(body, 'existing') === true) return b.source(pool, [...path, 'pool'], 'user-pool');
      const name = text(b, pool);
      return name === undefined ? undefined : b.generated(userPoolLogicalId(name), 'AWS::Cognito::UserPool', [...path, 'pool']);
    }
    default:
      return undefined;
  }
}

/** `sns: arn` / `sns: topicName` / `{arn}` / `{topicName}`: an ARN names a topic; a name makes one. */
function snsSource(b: GraphBuilder, body: CfnValue, path: Path): string | undefined {
  const arn = isObject(body) ? body['arn'] : typeof body === 'string' && isArn(text(b, body) ?? body) ? body : undefined;
  if (arn !== undefined) return b.source(arn, isObject(body) ? [...path, 'arn'] : path, 'topic');
  const topic = isObject(body) ? body['topicName'] : body;
  const name = text(b, topic);
  if (name === undefined) return undefined;
  const at = isObject(body) ? [...path, 'topicName'] : path;
  const named = nameOf(topic, b.scope);
  return named.kind === 'stack' && b.has(named.id) ? named.id : b.generated(topicLogicalId(name), 'AWS::SNS::Topic', at);
}

/** `s3: name` / `{bucket}`: the framework creates the bucket unless `existing: true`. */
function s3Source(b: GraphBuilder, body: CfnValue, path: Path): string | undefined {
  const bucket = isObject(body) ? body['bucket'] : body;
  const at = isObject(body) ? [...path, 'bucket'] : path;
  if (bucket === undefined || bucket === null) return undefined;
  const named = nameOf(bucket, b.scope);
  if (named.kind === 'stack' && b.has(named.id)) return named.id;
  if (field(body, 'existing') === true) {
    const name = text(b, bucket);
    return b.existing(name !== undefined && !name.includes('${') ? `arn:aws:s3:::${name}` : bucket, at, 'bucket');
  }
  const name = text(b, bucket);
  return name === undefined ? b.existing(bucket, at, 'bucket') : b.generated(bucketLogicalId(name), 'AWS::S3::Bucket', at);
}

function timer(b: GraphBuilder, fn: string, e: EventEntry): string {
  const name = field(e.body, 'name');
  const id = timerId(fn, typeof name === 'string' ? name : String(e.index));
  b.add({ id, type: 'Cairn::Timer', kind: 'timer', path: e.path });
  return id;
}

/** `eventBridge`: a named bus is created, an ARN or intrinsic names one; no bus is the default bus (or a timer for `schedule`). */
function eventBridgeSource(b: GraphBuilder, fn: string, e: EventEntry): string | undefined {
  const bus = field(e.body, 'eventBus');
  if (bus === undefined) return field(e.body, 'schedule') !== undefined ? timer(b, fn, e) : b.existing('default', e.path, 'event-bus');
  const at = [...e.path, 'eventBus'];
  const name = text(b, bus);
  if (typeof bus === 'string' && name !== undefined && !isArn(name) && name !== 'default') {
    const named = nameOf(bus, b.scope);
    return named.kind === 'stack' && b.has(named.id) ? named.id : b.generated(eventBusLogicalId(name), 'AWS::Events::EventBus', at);
  }
  return name === 'default' ? b.existing('default', at, 'event-bus') : b.source(bus, at, 'event-bus');
}
