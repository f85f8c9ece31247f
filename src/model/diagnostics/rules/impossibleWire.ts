import type { NodeKind } from '../../graph/types.ts';
import { kindOfType, kindPhrase } from '../../catalog/nodeKinds.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { isIntrinsic, typedResources } from './resources.ts';
import { samGenerated } from './samGenerated.ts';

/** How a value points at a logical id: `!Ref X` (or `!Sub ${X}`), or `!GetAtt X.Attr` (or `!Sub ${X.Attr}`). */
interface Pointer {
  readonly id: string;
  /** Undefined for a Ref. */
  readonly attribute?: string;
}

function pointer(v: CfnValue | undefined): Pointer | undefined {
  if (!isObject(v) || Object.keys(v).length !== 1) return undefined;
  if (typeof v.Ref === 'string') return { id: v.Ref };
  const g = v['Fn::GetAtt'];
  if (Array.isArray(g) && typeof g[0] === 'string' && typeof g[1] === 'string') return { id: g[0], attribute: g[1] };
  if (typeof g === 'string' && g.includes('.')) return { id: g.slice(0, g.indexOf('.')), attribute: g.slice(g.indexOf('.') + 1) };
  const s = v['Fn::Sub'];
  const m = typeof s === 'string' ? /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(s) : null;
  if (m) return m[2] ? { id: m[1]!, attribute: m[2] } : { id: m[1]! };
  return undefined;
}

const show = (p: Pointer): string => (p.attribute === undefined ? `!Ref ${p.id}` : `!GetAtt ${p.id}.${p.attribute}`);

/** "a Queue (AWS::SQS::Queue)", or just the type for kinds Cairn does not draw. */
function describeType(type: string): string {
  const kind = kindOfType(type);
  return kind === 'resource' ? type : `${kindPhrase(kind)} (${type})`;
}

/**
 * What a source reference must be. `ref`: a Ref is right (and what it gives); `attributes`: the
 * GetAtt attributes that are right; `wrong`: what a Ref or another attribute gives instead.
 */
export interface Expect {
  /** The kind of source, from the catalog's trigger rules, or the accepted types. */
  readonly kind?: NodeKind;
  readonly types?: readonly string[];
  /** Needs the source declared in this template (SAM writes into it). */
  readonly sameTemplate?: string;
  /** A plain string is read as a logical id (SAM's `RestApiId: MyApi`). */
  readonly literalId?: boolean;
  readonly ref: boolean;
  readonly attributes: readonly string[];
  /** What a Ref returns, when a Ref is wrong. */
  readonly refGives?: string;
  /** More accepted types, whose Ref / attributes differ (a Kinesis stream consumer, a database's managed secret). */
  readonly byType?: Readonly<Record<string, { ref: boolean; attributes: readonly string[] }>>;
  readonly noun: string;
}

/**
 * SAM event type -> [property naming the source, what it must be]. The kinds agree with the
 * catalog's trigger wires (triggerRules.ts; the test checks), which write these events.
 */
export const SAM_EVENT_SOURCES: Readonly<Record<string, readonly [string, Expect]>> = {
  SQS: ['Queue', { kind: 'queue', ref: false, attributes: ['Arn'], refGives: "the queue's URL", noun: "queue's ARN" }],
  Kinesis: ['Stream', {
    kind: 'stream', ref: false, attributes: ['Arn'], refGives: "the stream's name", noun: "stream's ARN",
    byType: { 'AWS::Kinesis::StreamConsumer': { ref: true, attributes: ['ConsumerARN'] } },
  }],
  DynamoDB: ['Stream', { kind: 'table', types: ['AWS::DynamoDB::GlobalTable'], ref: false, attributes: ['StreamArn'], refGives: "the table's name", noun: "table's stream ARN" }],
  SNS: ['Topic', { kind: 'topic', ref: true, attributes: ['TopicArn'], noun: "topic's ARN" }],
  S3: ['Bucket', { kind: 'object-store', ref: true, attributes: [], sameTemplate: 'S3 events must name an AWS::S3::Bucket of this template with !Ref (SAM adds the notification to the bucket).', noun: "bucket's name" }],
  Cognito: ['UserPool', { kind: 'user-pool', ref: true, attributes: [], sameTemplate: 'Cognito events must name an AWS::Cognito::UserPool of this template with !Ref (SAM adds the trigger to the pool).', noun: "pool's id" }],
  Api: ['RestApiId', { kind: 'rest-api', ref: true, attributes: [], sameTemplate: "RestApiId must name an AWS::Serverless::Api of this template (or leave it out for SAM's implicit API).", literalId: true, noun: 'API' }],
  HttpApi: ['ApiId', { kind: 'http-api', ref: true, attributes: [], sameTemplate: "ApiId must name an AWS::Serverless::HttpApi of this template (or leave it out for SAM's implicit API).", literalId: true, noun: 'API' }],
  MSK: ['Stream', { types: ['AWS::MSK::Cluster', 'AWS::MSK::ServerlessCluster'], ref: true, attributes: ['Arn'], noun: "cluster's ARN" }],
  MQ: ['Broker', { types: ['AWS::AmazonMQ::Broker'], ref: false, attributes: ['Arn'], refGives: "the broker's id", noun: "broker's ARN" }],
  DocumentDB: ['Cluster', { types: ['AWS::DocDB::DBCluster'], ref: true, attributes: [], noun: 'cluster' }],
  CloudWatchLogs: ['LogGroupName', { types: ['AWS::Logs::LogGroup'], ref: true, attributes: [], noun: "log group's name" }],
  EventBridgeRule: ['EventBusName', { types: ['AWS::Events::EventBus'], ref: true, attributes: ['Name'], noun: "event bus's name" }],
  CloudWatchEvent: ['EventBusName', { types: ['AWS::Events::EventBus'], ref: true, attributes: ['Name'], noun: "event bus's name" }],
};

/** SAM policy template parameter -> what it must name. Same shape as an event's source. */
const POLICY_ARGUMENTS: Readonly<Record<string, Expect>> = {
  TableName: { kind: 'table', types: ['AWS::DynamoDB::GlobalTable'], ref: true, attributes: [], noun: "table's name" },
  BucketName: { kind: 'object-store', ref: true, attributes: [], noun: "bucket's name" },
  QueueName: { kind: 'queue', ref: false, attributes: ['QueueName'], refGives: "the queue's URL", noun: "queue's name" },
  TopicName: { kind: 'topic', ref: false, attributes: ['TopicName'], refGives: "the topic's ARN", noun: "topic's name" },
  StreamName: { kind: 'stream', ref: true, attributes: [], noun: "stream's name" },
  DeliveryStreamName: { types: ['AWS::KinesisFirehose::DeliveryStream'], ref: true, attributes: [], noun: "delivery stream's name" },
  FunctionName: { kind: 'function', ref: true, attributes: [], noun: "function's name" },
  StateMachineName: { types: ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'], ref: false, attributes: ['Name'], refGives: "the state machine's ARN", noun: "state machine's name" },
  KeyId: { types: ['AWS::KMS::Key'], ref: true, attributes: ['KeyId'], noun: "key's id" },
  SecretArn: {
    types: ['AWS::SecretsManager::Secret'], ref: true, attributes: ['Id'], noun: "secret's ARN",
    byType: {
      'AWS::RDS::DBCluster': { ref: false, attributes: ['MasterUserSecret.SecretArn'] },
      'AWS::RDS::DBInstance': { ref: false, attributes: ['MasterUserSecret.SecretArn'] },
    },
  },
  ParameterName: { types: ['AWS::SSM::Parameter'], ref: true, attributes: ['Name'], noun: "parameter's name" },
  EventBusName: { types: ['AWS::Events::EventBus'], ref: true, attributes: ['Name'], noun: "event bus's name" },
  LogGroupName: { types: ['AWS::Logs::LogGroup'], ref: true, attributes: [], noun: "log group's name" },
  RepositoryName: { types: ['AWS::CodeCommit::Repository'], ref: false, attributes: ['Name'], refGives: "the repository's id", noun: "repository's name" },
  DomainName: { types: ['AWS::Elasticsearch::Domain', 'AWS::OpenSearchService::Domain'], ref: true, attributes: [], noun: "domain's name" },
  HostedZoneId: { types: ['AWS::Route53::HostedZone'], ref: true, attributes: ['Id'], noun: "hosted zone's id" },
  CertificateArn: { types: ['AWS::CertificateManager::Certificate'], ref: true, attributes: [], noun: "certificate's ARN" },
  FileSystem: { types: ['AWS::EFS::FileSystem'], ref: true, attributes: ['FileSystemId'], noun: "file system's id" },
  AccessPoint: { types: ['AWS::EFS::AccessPoint'], ref: true, attributes: ['AccessPointId'], noun: "access point's id" },
};
/** Template parameters whose name means something else there (`StreamName` of a DynamoDB stream label). */
const POLICY_ARGUMENT_EXCEPTIONS = new Set(['DynamoDBStreamReadPolicy.StreamName']);

/**
 * A SAM event or policy template pointing at a resource that cannot play that part: an SQS
 * event whose Queue is a table, a DynamoDB event on a table without a stream, an S3 event on
 * a bucket outside the template, `DynamoDBCrudPolicy: {TableName: !Ref MyQueue}`, or the right
 * resource through the wrong attribute (`Queue: !Ref MyQueue` is the queue's URL, not its ARN).
 * Also serverless.yml `sqs` / `sns` / `stream` events on resources of its `resources` section.
 */
export const impossibleWire: Rule = {
  id: 'IMPOSSIBLE_WIRE',
  severity: 'error',
  description: 'An event or policy template refers to a resource of the wrong kind, or in the wrong way.',
  *check(ctx: RuleContext): Iterable<Finding> {
    const types = new Map<string, string>();
    const resources = new Map<string, CfnObject>();
    for (const r of typedResources(ctx)) {
      types.set(r.id, r.type);
      resources.set(r.id, r.resource);
    }
    const params = isObject(ctx.value.Parameters) ? ctx.value.Parameters : {};
    const sam = samGenerated(ctx);
    const typeOf = (id: string): string | undefined => types.get(id) ?? (sam.typeOf(id) || undefined);
    const accepts = (e: Expect, type: string): boolean =>
      (e.kind !== undefined && kindOfType(type) === e.kind) || (e.types ?? []).includes(type) || (e.byType !== undefined && Object.hasOwn(e.byType, type));

    /** Checks one reference against what it must be; `what` names the place ("The SQS event Orders of function F"). */
    const check = (what: string, v: CfnValue | undefined, path: Path, e: Expect): Finding | null => {
      const p = typeof v === 'string' && e.literalId ? { id: v } : pointer(v);
      if (!p) {
        if (e.sameTemplate && (typeof v === 'string' || (isObject(v) && isIntrinsic(v) && v['Fn::If'] === undefined))) {
          return { path, message: `${what} does not name a resource of this template. ${e.sameTemplate}` };
        }
        return null;
      }
      const type = typeOf(p.id);
      if (type === undefined) {
        if (e.sameTemplate && Object.hasOwn(params, p.id)) {
          return { path, message: `${what} names parameter ${p.id}. ${e.sameTemplate}` };
        }
        if (e.literalId && typeof v === 'string') {
          return { path, message: `${what} names ${v}, which is not a resource of this template. ${e.sameTemplate}` };
        }
        return null; // a parameter holding an ARN, or a dangling name (DANGLING_REFERENCE)
      }
      if (!accepts(e, type)) {
        const wanted = e.kind ? kindPhrase(e.kind) : e.types!.join(' or ');
        return { path, message: `${what} names ${p.id}, which is ${describeType(type)}, not ${wanted}.${e.sameTemplate ? ` ${e.sameTemplate}` : ''}` };
      }
      const form = (e.byType && Object.hasOwn(e.byType, type) ? e.byType[type] : undefined) ?? e;
      if (p.attribute === undefined) {
        if (form.ref) return null;
        const fix = form.attributes[0] ? ` Use !GetAtt ${p.id}.${form.attributes[0]}.` : '';
        return { path, message: `${what} is ${show(p)}, which gives ${e.refGives ?? `${p.id}'s id`}, not the ${e.noun}.${fix}` };
      }
      if (form.attributes.includes(p.attribute)) return null;
      const fix = form.ref ? ` Use !Ref ${p.id}.` : form.attributes[0] ? ` Use !GetAtt ${p.id}.${form.attributes[0]}.` : '';
      return { path, message: `${what} is ${show(p)}, not the ${e.noun}.${fix}` };
    };

    const out: Finding[] = [];
    for (const { id, path, type, resource } of typedResources(ctx)) {
      if (type !== 'AWS::Serverless::Function' && type !== 'AWS::Serverless::StateMachine') continue;
      const props = resource.Properties;
      if (!isObject(props) || isIntrinsic(props)) continue;
      const owner = `${type === 'AWS::Serverless::Function' ? 'function' : 'state machine'} ${id}`;

      const events = props.Events;
      if (isObject(events) && !isIntrinsic(events)) {
        for (const name of Object.keys(events)) {
          const ev = events[name];
          if (!isObject(ev) || typeof ev.Type !== 'string' || !isObject(ev.Properties)) continue;
          const spec = SAM_EVENT_SOURCES[ev.Type];
          if (!spec) continue;
          const [prop, expect] = spec;
          if (!Object.hasOwn(ev.Properties, prop)) continue;
          const at = [...path, 'Properties', 'Events', name, 'Properties', prop];
          const what = `The ${ev.Type} event ${name} of ${owner}: its ${prop}`;
          const f = check(what, ev.Properties[prop], at, expect);
          if (f) {
            out.push(f);
            continue;
          }
          // A DynamoDB event reads the table's stream: the table must have one.
          const p = pointer(ev.Properties[prop]);
          if (ev.Type === 'DynamoDB' && p && resources.has(p.id)) {
            const t = resources.get(p.id)!;
            const tp = isObject(t.Properties) ? t.Properties : {};
            if (tp.StreamSpecification === undefined && !isIntrinsic(t.Properties ?? null)) {
              out.push({
                path: at,
                message: `The DynamoDB event ${name} of ${owner} reads the stream of ${p.id}, which has no StreamSpecification. Add StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES} to ${p.id}.`,
              });
            }
          }
        }
      }

      const policies = props.Policies;
      const list = Array.isArray(policies) ? policies : [policies];
      list.forEach((item, i) => {
        if (!isObject(item) || isIntrinsic(item) || Object.hasOwn(item, 'Statement')) return;
        const keys = Object.keys(item);
        if (keys.length !== 1) return;
        const template = keys[0]!;
        const args = item[template];
        if (!isObject(args) || isIntrinsic(args)) return;
        const base = Array.isArray(policies) ? [...path, 'Properties', 'Policies', i, template] : [...path, 'Properties', 'Policies', template];
        for (const arg of Object.keys(args)) {
          const expect = POLICY_ARGUMENTS[arg];
          if (!expect || POLICY_ARGUMENT_EXCEPTIONS.has(`${template}.${arg}`)) continue;
          const f = check(`${template} of ${owner}: its ${arg}`, args[arg], [...base, arg], expect);
          if (f) out.push(f);
        }
      });
    }

    if (ctx.format === 'serverless') out.push(...serverlessEvents(ctx, check));
    yield* out;
  },
};

type Check = (what: string, v: CfnValue | undefined, path: Path, e: Expect) => Finding | null;

/** serverless.yml `functions.<name>.events`: `sqs.arn`, `sns.arn`, `stream.arn` naming resources of `resources`. */
function serverlessEvents(ctx: RuleContext, check: Check): Finding[] {
  const out: Finding[] = [];
  const fns = ctx.value.functions;
  if (!isObject(fns)) return out;
  for (const fn of Object.keys(fns)) {
    const f = fns[fn];
    if (!isObject(f) || !Array.isArray(f.events)) continue;
    f.events.forEach((entry, i) => {
      if (!isObject(entry)) return;
      const [key] = Object.keys(entry);
      const body = key === undefined ? undefined : entry[key];
      if (!isObject(body) || isIntrinsic(body)) return;
      const at = ['functions', fn, 'events', i, key!, 'arn'];
      const what = `The ${key} event of function ${fn}: its arn`;
      if (key === 'sqs') {
        const r = check(what, body.arn, at, SAM_EVENT_SOURCES.SQS![1]);
        if (r) out.push(r);
      } else if (key === 'sns') {
        const r = check(what, body.arn, at, SAM_EVENT_SOURCES.SNS![1]);
        if (r) out.push(r);
      } else if (key === 'stream') {
        const kind = body.type === 'dynamodb' ? SAM_EVENT_SOURCES.DynamoDB![1] : body.type === 'kinesis' ? SAM_EVENT_SOURCES.Kinesis![1] : undefined;
        if (kind) {
          const r = check(what, body.arn, at, kind);
          if (r) out.push(r);
        }
      }
    });
  }
  return out;
}
