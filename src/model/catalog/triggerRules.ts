/**
 * What a trigger wire (the source's events invoke the target function) writes, per source kind.
 *
 * Most sources write an entry in the function's `Events` (SAM) or `functions.<name>.events`
 * (serverless.yml). Two write elsewhere: a CDN lists its Edge Function in the distribution's
 * `LambdaFunctionAssociations`, and a GraphQL API gets a Lambda data source (resolvers, which
 * need a type and field, are added from the resolver form).
 */
import type { NodeKind } from '../graph/types.ts';
import type { CfnObject, CfnValue } from '../value.ts';

/** A property the edit engine sets on a resource when it is absent. */
export interface PropertyRequirement {
  readonly path: readonly string[];
  readonly value: CfnValue;
  readonly reason: string;
}

export interface NewResource {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: CfnObject;
}

export type SamTriggerWrite =
  /** An entry in the target's `Events`; `sourceProperty` names the source (read back by `eventTarget`). */
  | { readonly kind: 'event'; readonly eventType: string; readonly sourceProperty?: string; properties(sourceId: string, targetId: string): CfnObject }
  /** An item appended to a list on the source resource. */
  | { readonly kind: 'source-list'; readonly path: readonly string[]; item(sourceId: string, targetId: string): CfnObject }
  /** New resources that connect the two. */
  | { readonly kind: 'resources'; resources(sourceId: string, targetId: string): NewResource[] };

export type ServerlessTriggerWrite = { readonly ok: true; readonly event: CfnObject } | { readonly ok: false; readonly reason: string };

export interface TriggerRule {
  readonly source: NodeKind;
  /** The one kind this source can trigger. */
  readonly target: 'function' | 'edge-function';
  /** What the wire means, for its explanation ("Route", "New messages"). */
  readonly label: string;
  readonly sam: SamTriggerWrite;
  readonly sourceRequires?: PropertyRequirement;
  readonly targetRequires?: PropertyRequirement;
  /** The `functions.<name>.events` entry; `sourceId` is the source's logical id under `resources.Resources`. */
  serverless(sourceId: string, targetId: string): ServerlessTriggerWrite;
  readonly notes: readonly string[];
}

const ref = (id: string): CfnObject => ({ Ref: id });
const att = (id: string, attr: string): CfnObject => ({ 'Fn::GetAtt': [id, attr] });

/** `/orders` for `OrdersFunction` or `Orders`: a readable default route per function. */
export function defaultPath(targetId: string): string {
  const base = targetId.replace(/(Function|Fn|Handler|Lambda)$/, '') || targetId;
  const kebab = base
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return `/${kebab}`;
}

export const DEFAULT_SCHEDULE = 'rate(5 minutes)';
export const DEFAULT_COGNITO_TRIGGER = 'PostConfirmation';
export const DEFAULT_EDGE_EVENT = 'origin-request';

const ok = (event: CfnObject): ServerlessTriggerWrite => ({ ok: true, event });

export const TRIGGER_RULES: readonly TriggerRule[] = [
  {
    source: 'rest-api', target: 'function', label: 'Route',
    sam: { kind: 'event', eventType: 'Api', sourceProperty: 'RestApiId', properties: (s, t) => ({ RestApiId: ref(s), Path: defaultPath(t), Method: 'get' }) },
    serverless: (_s, t) => ok({ http: { path: defaultPath(t).slice(1), method: 'get' } }),
    notes: [
      'RestApiId must name an AWS::Serverless::Api; routes on an AWS::ApiGateway::RestApi are written as its own resources.',
      'serverless.yml has one REST API per service: the node stands for it.',
    ],
  },
  {
    source: 'http-api', target: 'function', label: 'Route',
    sam: { kind: 'event', eventType: 'HttpApi', sourceProperty: 'ApiId', properties: (s, t) => ({ ApiId: ref(s), Path: defaultPath(t), Method: 'get' }) },
    serverless: (_s, t) => ok({ httpApi: { path: defaultPath(t), method: 'GET' } }),
    notes: ['ApiId must name an AWS::Serverless::HttpApi.', 'serverless.yml has one HTTP API per service: the node stands for it.'],
  },
  {
    source: 'graphql-api', target: 'function', label: 'Data source',
    sam: {
      kind: 'resources',
      resources: (s, t): NewResource[] => [
        {
          logicalId: `${s}${t}Role`,
          type: 'AWS::IAM::Role',
          properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: 'appsync.amazonaws.com' }, Action: 'sts:AssumeRole' }],
            },
            Policies: [
              {
                PolicyName: 'InvokeFunction',
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [att(t, 'Arn'), { 'Fn::Sub': `\${${t}.Arn}:*` }] }],
                },
              },
            ],
          },
        },
        {
          logicalId: `${s}${t}DataSource`,
          type: 'AWS::AppSync::DataSource',
          properties: {
            ApiId: att(s, 'ApiId'),
            Name: t,
            Type: 'AWS_LAMBDA',
            LambdaConfig: { LambdaFunctionArn: att(t, 'Arn') },
            ServiceRoleArn: att(`${s}${t}Role`, 'Arn'),
          },
        },
      ],
    },
    serverless: () => ({ ok: false, reason: 'serverless.yml needs the serverless-appsync-plugin for GraphQL APIs; Cairn does not write its configuration.' }),
    notes: ['Resolvers name a type and a field of the schema: add them from the resolver form.'],
  },
  {
    source: 'table', target: 'function', label: 'Item changes',
    sam: { kind: 'event', eventType: 'DynamoDB', sourceProperty: 'Stream', properties: (s) => ({ Stream: att(s, 'StreamArn'), StartingPosition: 'LATEST', BatchSize: 100 }) },
    sourceRequires: {
      path: ['StreamSpecification'],
      value: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      reason: 'A table sends its changes only when its stream is turned on.',
    },
    serverless: (s) => ok({ stream: { type: 'dynamodb', arn: att(s, 'StreamArn'), startingPosition: 'LATEST', batchSize: 100 } }),
    notes: [],
  },
  {
    source: 'object-store', target: 'function', label: 'New objects',
    sam: { kind: 'event', eventType: 'S3', sourceProperty: 'Bucket', properties: (s) => ({ Bucket: ref(s), Events: 's3:ObjectCreated:*' }) },
    serverless: (s) => ok({ s3: { bucket: ref(s), event: 's3:ObjectCreated:*', existing: true } }),
    notes: [
      'SAM writes the notification into the bucket, so the bucket must be in this template.',
      'serverless.yml accepts a bucket reference only with `existing: true`, which adds a custom resource to set the notification.',
    ],
  },
  {
    source: 'topic', target: 'function', label: 'Messages',
    sam: { kind: 'event', eventType: 'SNS', sourceProperty: 'Topic', properties: (s) => ({ Topic: ref(s) }) },
    serverless: (s) => ok({ sns: { arn: ref(s), topicName: s } }),
    notes: [],
  },
  {
    source: 'queue', target: 'function', label: 'Messages',
    sam: { kind: 'event', eventType: 'SQS', sourceProperty: 'Queue', properties: (s) => ({ Queue: att(s, 'Arn'), BatchSize: 10 }) },
    serverless: (s) => ok({ sqs: { arn: att(s, 'Arn'), batchSize: 10 } }),
    notes: ["The queue's visibility timeout (30 s unless set) must be at least the function's timeout."],
  },
  {
    source: 'stream', target: 'function', label: 'Records',
    sam: { kind: 'event', eventType: 'Kinesis', sourceProperty: 'Stream', properties: (s) => ({ Stream: att(s, 'Arn'), StartingPosition: 'LATEST', BatchSize: 100 }) },
    serverless: (s) => ok({ stream: { type: 'kinesis', arn: att(s, 'Arn'), startingPosition: 'LATEST', batchSize: 100 } }),
    notes: [],
  },
  {
    source: 'timer', target: 'function', label: 'Schedule',
    sam: { kind: 'event', eventType: 'Schedule', properties: () => ({ Schedule: DEFAULT_SCHEDULE }) },
    serverless: () => ok({ schedule: DEFAULT_SCHEDULE }),
    notes: ['A Timer has no resource: the schedule lives in the event.'],
  },
  {
    source: 'user-pool', target: 'function', label: 'Cognito trigger',
    sam: { kind: 'event', eventType: 'Cognito', sourceProperty: 'UserPool', properties: (s) => ({ UserPool: ref(s), Trigger: DEFAULT_COGNITO_TRIGGER }) },
    serverless: (s) => {
      // serverless.yml names pools, and merges a resource named CognitoUserPool<Name> into the pool it creates.
      const m = /^CognitoUserPool([A-Za-z0-9]+)$/.exec(s);
      return m
        ? ok({ cognitoUserPool: { pool: m[1]!, trigger: DEFAULT_COGNITO_TRIGGER } })
        : { ok: false, reason: `serverless.yml attaches Cognito triggers by pool name: rename the User Pool to CognitoUserPool${s} (pool "${s}").` };
    },
    notes: ['SAM writes the trigger into the pool, so the pool must be in this template.'],
  },
  {
    source: 'cdn', target: 'edge-function', label: 'Edge',
    sam: {
      kind: 'source-list',
      path: ['DistributionConfig', 'DefaultCacheBehavior', 'LambdaFunctionAssociations'],
      item: (_s, t) => ({ EventType: DEFAULT_EDGE_EVENT, LambdaFunctionARN: ref(`${t}.Version`) }),
    },
    targetRequires: { path: ['AutoPublishAlias'], value: 'live', reason: 'CloudFront runs a published version of the function, never $LATEST.' },
    serverless: () => ({ ok: false, reason: 'serverless.yml creates its own distribution for `cloudFront` events; it cannot attach to a distribution in resources.' }),
    notes: ['Lambda@Edge functions are deployed in us-east-1.'],
  },
];

/** The pattern a new event bus wire matches: a placeholder the user replaces with their events' `source`. */
export const DEFAULT_EVENT_SOURCE = 'my.app';

/**
 * Trigger rules of resources with no curated kind (`resource` nodes), by CloudFormation type.
 * An event bus runs a function for the events a rule's pattern matches: SAM's `EventBridgeRule`
 * event (`EventBusName` takes the bus's name, which `Ref` gives), serverless.yml's `eventBridge`
 * event (`eventBus` takes a name, an ARN, a `Ref` or `Fn::GetAtt [Bus, Name]`; a `Ref` keeps the
 * bus as the one in `resources`).
 */
export const RESOURCE_TRIGGER_RULES: Readonly<Record<string, TriggerRule>> = {
  'AWS::Events::EventBus': {
    source: 'resource', target: 'function', label: 'Matching events',
    sam: {
      kind: 'event', eventType: 'EventBridgeRule', sourceProperty: 'EventBusName',
      properties: (s) => ({ EventBusName: ref(s), Pattern: { source: [DEFAULT_EVENT_SOURCE] } }),
    },
    serverless: (s) => ok({ eventBridge: { eventBus: ref(s), pattern: { source: [DEFAULT_EVENT_SOURCE] } } }),
    notes: [`The pattern matches events whose source is ${DEFAULT_EVENT_SOURCE}: change it to the events the function should get.`],
  },
};
