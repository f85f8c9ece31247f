import type { Path } from '../../diagnostics/types.ts';
import { timerId } from '../../graph/build.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { GraphBuilder } from './builder.ts';
import { mapAt } from './builder.ts';
import { bucketLogicalId, CLOUDFRONT_DISTRIBUTION_ID, eventBusLogicalId, HTTP_API_ID, iotProvisioningTemplateLogicalId, iotTopicRuleLogicalId, REST_API_ID, topicLogicalId, userPoolLogicalId, WEBSOCKET_API_ID } from './logicalIds.ts';
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

/** The setting of an event that names its source (a queue's ARN, a bucket, a bus), with its path; undefined when it has none. */
export function sourceValue(e: EventEntry): { value: CfnValue; path: Path } | undefined {
  const { body, path } = e;
  const key = SOURCE_KEY[e.type];
  if (key === undefined) return undefined;
  if (isObject(body)) {
    const k = e.type === 'sns' && body['arn'] === undefined ? 'topicName' : key;
    return Object.hasOwn(body, k) ? { value: body[k]!, path: [...path, k] } : undefined;
  }
  return body === null || e.type === 'alb' || e.type === 'eventBridge' || e.type === 'cognitoUserPool' ? undefined : { value: body, path };
}

/** The key naming an event's source, by event type (the string shorthand `- sqs: arn` is the same setting). */
const SOURCE_KEY: Readonly<Record<string, string>> = {
  sqs: 'arn', stream: 'arn', msk: 'arn', activemq: 'arn', rabbitmq: 'arn', sns: 'arn', s3: 'bucket',
  alb: 'listenerArn', cloudwatchLog: 'logGroup', eventBridge: 'eventBus', cognitoUserPool: 'pool',
  kafka: 'bootstrapServers', alexaSkill: 'appId', alexaSmartHome: 'appId',
};

/** Reads every function's events into trigger edges (source: what the event names; target: the function). */
export function addEvents(b: GraphBuilder): void {
  for (const [fn, def] of Object.entries(mapAt(b.file, 'functions'))) {
    for (const e of eventEntries(fn, def)) {
      const source = eventSource(b, fn, e);
      if (source !== undefined) b.edge(source, fn, 'trigger', { via: 'event', path: e.path, name: e.type });
    }
  }
}

/** The settings of an event entry that name its source (shown, not edited, by the wire inspector). */
export function sourceKeys(type: string): readonly string[] {
  const key = SOURCE_KEY[type];
  if (key === undefined) return [];
  return type === 'sns' ? [key, 'topicName'] : [key];
}

/** How an Existing node's id names what it is, when the value is a name rather than an ARN. */
const WHAT: Readonly<Record<string, string>> = { alb: 'alb-listener', cloudwatchLog: 'log-group', alexaSkill: 'alexa-skill', alexaSmartHome: 'alexa-skill' };

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
    case 'stream':
    case 'alb':
    case 'cloudwatchLog': {
      const src = sourceValue(e);
      return src === undefined ? undefined : b.source(src.value, src.path, WHAT[e.type] ?? e.type);
    }
    case 'sns':
      return snsSource(b, e);
    case 's3':
      return s3Source(b, e);
    case 'schedule':
      return timer(b, fn, e);
    case 'eventBridge':
      return eventBridgeSource(b, fn, e);
    case 'cloudwatchEvent':
      return b.existing('default', path, 'event-bus');
    case 'kafka':
      return kafkaSource(b, e);
    case 'alexaSkill':
    case 'alexaSmartHome': {
      // a bare `- alexaSkill` (no appId) lets any skill invoke the function
      const src = sourceValue(e);
      return src === undefined ? b.existing('any', path, 'alexa-skill') : b.source(src.value, src.path, 'alexa-skill');
    }
    case 'iot': {
      const n = eventEntries(fn, mapAt(b.file, 'functions')[fn]).filter((x) => x.type === 'iot' && x.index <= e.index).length;
      return b.generated(iotTopicRuleLogicalId(fn, n), 'AWS::IoT::TopicRule', path);
    }
    case 'iotFleetProvisioning':
      return b.generated(iotProvisioningTemplateLogicalId(fn), 'AWS::IoT::ProvisioningTemplate', path);
    case 'cloudFront':
      return b.generated(CLOUDFRONT_DISTRIBUTION_ID, 'AWS::CloudFront::Distribution', path);
    case 'cognitoUserPool': {
      const src = sourceValue(e);
      if (src === undefined) return undefined;
      if (field(body, 'existing') === true) return b.source(src.value, src.path, 'user-pool');
      const name = text(b, src.value);
      return name === undefined ? undefined : b.generated(userPoolLogicalId(name), 'AWS::Cognito::UserPool', src.path);
    }
    default:
      return undefined;
  }
}

/** `sns: arn` / `sns: topicName` / `{arn}` / `{topicName}`: an ARN names a topic; a name makes one. */
function snsSource(b: GraphBuilder, e: EventEntry): string | undefined {
  const src = sourceValue(e);
  if (src === undefined) return undefined;
  const name = text(b, src.value);
  const isName = !isObject(e.body) || e.body['arn'] === undefined;
  const named = nameOf(src.value, b.scope);
  if (named.kind === 'stack' && b.has(named.id)) return named.id;
  if (isName && name !== undefined && !isArn(name)) return b.generated(topicLogicalId(name), 'AWS::SNS::Topic', src.path);
  return b.source(src.value, src.path, 'topic');
}

/** `s3: name` / `{bucket}`: the framework creates the bucket unless `existing: true`. */
function s3Source(b: GraphBuilder, e: EventEntry): string | undefined {
  const src = sourceValue(e);
  if (src === undefined) return undefined;
  const named = nameOf(src.value, b.scope);
  if (named.kind === 'stack' && b.has(named.id)) return named.id;
  const name = text(b, src.value);
  if (field(e.body, 'existing') === true) {
    return b.existing(name !== undefined && !name.includes('${') ? `arn:aws:s3:::${name}` : src.value, src.path, 'bucket');
  }
  return name === undefined ? b.existing(src.value, src.path, 'bucket') : b.generated(bucketLogicalId(name), 'AWS::S3::Bucket', src.path);
}

/**
 * `kafka` (a self-managed cluster): the cluster is what its bootstrap servers name
 * (`kafka:<host:port>,...`), the topic when none are written; an `arn` names an MSK cluster
 * as for `msk`.
 */
function kafkaSource(b: GraphBuilder, e: EventEntry): string | undefined {
  const arn = field(e.body, 'arn');
  if (arn !== undefined) return b.source(arn, [...e.path, 'arn'], 'kafka');
  const servers = field(e.body, 'bootstrapServers');
  const list = Array.isArray(servers) ? servers.filter((s): s is string => typeof s === 'string') : [];
  if (list.length) return b.existing(list.join(','), [...e.path, 'bootstrapServers'], 'kafka');
  if (servers !== undefined) return b.existing(servers, [...e.path, 'bootstrapServers'], 'kafka');
  const topic = field(e.body, 'topic');
  return topic === undefined ? undefined : b.existing(topic, [...e.path, 'topic'], 'kafka-topic');
}

function timer(b: GraphBuilder, fn: string, e: EventEntry): string {
  const name = field(e.body, 'name');
  const id = timerId(fn, typeof name === 'string' ? name : String(e.index));
  b.add({ id, type: 'Cairn::Timer', kind: 'timer', path: e.path });
  return id;
}

/** `eventBridge`: a named bus is created, an ARN or intrinsic names one; no bus is the default bus (or a timer for `schedule`). */
function eventBridgeSource(b: GraphBuilder, fn: string, e: EventEntry): string | undefined {
  const src = sourceValue(e);
  if (src === undefined) return field(e.body, 'schedule') !== undefined ? timer(b, fn, e) : b.existing('default', e.path, 'event-bus');
  const { value: bus, path: at } = src;
  const name = text(b, bus);
  if (typeof bus === 'string' && name !== undefined && !isArn(name) && name !== 'default') {
    const named = nameOf(bus, b.scope);
    return named.kind === 'stack' && b.has(named.id) ? named.id : b.generated(eventBusLogicalId(name), 'AWS::Events::EventBus', at);
  }
  return name === 'default' ? b.existing('default', at, 'event-bus') : b.source(bus, at, 'event-bus');
}
