/**
 * What an access wire (a compute node may use a resource) writes, per target kind.
 *
 * SAM: entries in the function's `Policies` (a policy template scoped to the target, or an
 * inline `Statement` where SAM has no template scoped tightly enough) and
 * `Environment.Variables`. serverless.yml (and a Docker Task's role): IAM statements with the
 * same actions as the SAM template, scoped to the target's ARN, and `environment` entries.
 * Never a `*` resource; the only wildcards are suffixes below the one resource
 * (`table/x/index/*`, `bucket/*`, `function:x:*` versions, the environment's secret prefix).
 */
import type { NodeKind } from '../graph/types.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { policyTemplate } from './policyTemplates.ts';

export type AccessLevel = 'read' | 'write' | 'crud';

export interface IamStatement extends CfnObject {
  Effect: 'Allow';
  Action: string[];
  Resource: CfnValue[];
}

/** `{<template>: <args>}` in a SAM function's `Policies`. */
export interface PolicyTemplateUse {
  readonly template: string;
  readonly args: CfnObject;
}

export interface LevelGrant {
  readonly templates: readonly PolicyTemplateUse[];
  /** SAM inline statements, written as one `- Statement: [...]` entry. */
  readonly inline: readonly IamStatement[];
  /** serverless.yml `provider.iam.role.statements` (or a task role's policy). */
  readonly statements: readonly IamStatement[];
}

export interface AccessLevelRule {
  readonly label: string;
  grant(id: string): LevelGrant;
}

export interface EnvVarRule {
  /** Suffix after the prefix (`NAME` -> `ORDERS_TABLE_NAME`). */
  readonly what: string;
  /** A fixed name instead of `<prefix>_<what>`. */
  readonly fixedName?: string;
  value(id: string): CfnValue;
}

export interface AccessRule {
  readonly target: NodeKind;
  readonly defaultLevel: AccessLevel;
  readonly levels: Readonly<Partial<Record<AccessLevel, AccessLevelRule>>>;
  /** Noun for env names (first), and aliases that already say it (see envNames.ts). */
  readonly nouns: readonly string[];
  readonly env: readonly EnvVarRule[];
  readonly notes: readonly string[];
}

const ref = (id: string): CfnObject => ({ Ref: id });
const att = (id: string, attr: string): CfnObject => ({ 'Fn::GetAtt': [id, attr] });
const sub = (s: string): CfnObject => ({ 'Fn::Sub': s });
const allow = (actions: readonly string[], resources: CfnValue[]): IamStatement => ({ Effect: 'Allow', Action: [...actions], Resource: resources });

/** The actions a SAM template grants: serverless.yml gets the same, so code behaves alike in both formats. */
function actionsOf(template: string): string[] {
  const t = policyTemplate(template);
  if (!t) throw new Error(`SAM policy template ${template} is missing from the vendored data`);
  return t.statements.flatMap((s) => {
    const a = s['Action'];
    return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : typeof a === 'string' ? [a] : [];
  });
}

/** A level written as one SAM template, and as a statement with its actions on `resources`. */
function templated(label: string, template: string, args: (id: string) => CfnObject, resources: (id: string) => CfnValue[]): AccessLevelRule {
  const actions = actionsOf(template);
  return { label, grant: (id) => ({ templates: [{ template, args: args(id) }], inline: [], statements: [allow(actions, resources(id))] }) };
}

/** A level with no SAM template: the same statements inline in SAM and in serverless.yml. */
function inline(label: string, statements: (id: string) => IamStatement[]): AccessLevelRule {
  return { label, grant: (id) => ({ templates: [], inline: statements(id), statements: statements(id) }) };
}

/** The environment's secrets live under `cairn/<stack name>/` in Secrets Manager. */
export const secretsNamespace = (): CfnValue => sub('cairn/${AWS::StackName}');
export const secretsArnPattern = (): CfnValue => sub('arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:cairn/${AWS::StackName}/*');

const tableArns = (id: string): CfnValue[] => [att(id, 'Arn'), sub(`\${${id}.Arn}/index/*`)];
const bucketArns = (id: string): CfnValue[] => [att(id, 'Arn'), sub(`\${${id}.Arn}/*`)];
const functionArns = (id: string): CfnValue[] => [att(id, 'Arn'), sub(`\${${id}.Arn}:*`)];
const one = (v: (id: string) => CfnValue) => (id: string): CfnValue[] => [v(id)];

const KINESIS_READ = ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'];
const COGNITO_READ = ['cognito-idp:AdminGetUser', 'cognito-idp:ListUsers', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:ListUsersInGroup'];
const COGNITO_MANAGE = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminResetUserPassword',
];

const name = (id: string): CfnValue => ref(id);
const dbSecret = (id: string): CfnValue => att(id, 'MasterUserSecret.SecretArn');
const arn = (id: string): CfnValue => att(id, 'Arn');

export const ACCESS_RULES: readonly AccessRule[] = [
  {
    target: 'table', defaultLevel: 'crud', nouns: ['TABLE'], notes: [],
    levels: {
      read: templated('Read items', 'DynamoDBReadPolicy', (id) => ({ TableName: ref(id) }), tableArns),
      write: templated('Write items', 'DynamoDBWritePolicy', (id) => ({ TableName: ref(id) }), tableArns),
      crud: templated('Read and write items', 'DynamoDBCrudPolicy', (id) => ({ TableName: ref(id) }), tableArns),
    },
    env: [{ what: 'NAME', value: name }, { what: 'ARN', value: arn }],
  },
  {
    target: 'object-store', defaultLevel: 'crud', nouns: ['BUCKET'], notes: [],
    levels: {
      read: templated('Read objects', 'S3ReadPolicy', (id) => ({ BucketName: ref(id) }), bucketArns),
      write: templated('Write objects', 'S3WritePolicy', (id) => ({ BucketName: ref(id) }), bucketArns),
      crud: templated('Read, write and delete objects', 'S3CrudPolicy', (id) => ({ BucketName: ref(id) }), bucketArns),
    },
    env: [{ what: 'NAME', value: name }, { what: 'ARN', value: arn }],
  },
  {
    target: 'queue', defaultLevel: 'write', nouns: ['QUEUE'], notes: [],
    levels: {
      // The templates build the ARN from the queue's name; `Ref` of a queue is its URL.
      write: templated('Send messages', 'SQSSendMessagePolicy', (id) => ({ QueueName: att(id, 'QueueName') }), one(arn)),
      read: templated('Receive and delete messages', 'SQSPollerPolicy', (id) => ({ QueueName: att(id, 'QueueName') }), one(arn)),
    },
    env: [{ what: 'URL', value: ref }, { what: 'ARN', value: arn }],
  },
  {
    target: 'topic', defaultLevel: 'write', nouns: ['TOPIC'], notes: [],
    levels: {
      // `Ref` of a topic is its ARN; the template wants the name.
      write: templated('Publish messages', 'SNSPublishMessagePolicy', (id) => ({ TopicName: att(id, 'TopicName') }), one(ref)),
    },
    env: [{ what: 'ARN', value: ref }],
  },
  {
    target: 'stream', defaultLevel: 'write', nouns: ['STREAM'],
    notes: ['Reading uses an inline statement: SAM\'s KinesisStreamReadPolicy also lists every stream in the account (`stream/*`).'],
    levels: {
      write: templated('Put records', 'KinesisCrudPolicy', (id) => ({ StreamName: ref(id) }), one(arn)),
      read: inline('Read records', (id) => [allow(KINESIS_READ, [arn(id)])]),
      crud: {
        label: 'Put and read records',
        grant: (id) => ({
          templates: [{ template: 'KinesisCrudPolicy', args: { StreamName: ref(id) } }],
          inline: [allow(KINESIS_READ, [arn(id)])],
          statements: [allow(actionsOf('KinesisCrudPolicy'), [arn(id)]), allow(KINESIS_READ, [arn(id)])],
        }),
      },
    },
    env: [{ what: 'NAME', value: name }, { what: 'ARN', value: arn }],
  },
  {
    target: 'function', defaultLevel: 'write', nouns: ['FUNCTION', 'FN', 'LAMBDA'],
    notes: ['SAM\'s LambdaInvokePolicy also matches functions whose names start with this function\'s name (`function:<name>*`).'],
    levels: {
      write: templated('Invoke', 'LambdaInvokePolicy', (id) => ({ FunctionName: ref(id) }), functionArns),
    },
    env: [{ what: 'NAME', value: name }, { what: 'ARN', value: arn }],
  },
  {
    target: 'secrets', defaultLevel: 'read', nouns: ['SECRETS'],
    notes: ["Scoped to the environment's secrets: names under `cairn/<stack name>/` in Secrets Manager."],
    levels: {
      read: templated('Read secrets', 'AWSSecretsManagerGetSecretValuePolicy', () => ({ SecretArn: secretsArnPattern() }), () => [secretsArnPattern()]),
    },
    env: [{ what: 'NAMESPACE', fixedName: 'SECRETS_NAMESPACE', value: secretsNamespace }],
  },
  {
    target: 'user-pool', defaultLevel: 'read', nouns: ['USER_POOL', 'POOL'],
    notes: ['SAM has no Cognito policy template: the statements are written inline.'],
    levels: {
      read: inline('Look up users', (id) => [allow(COGNITO_READ, [arn(id)])]),
      crud: inline('Look up and manage users', (id) => [allow([...COGNITO_READ, ...COGNITO_MANAGE], [arn(id)])]),
    },
    env: [{ what: 'ID', value: ref }, { what: 'ARN', value: arn }],
  },
  {
    target: 'graphql-api', defaultLevel: 'crud', nouns: ['API', 'GRAPHQL'],
    notes: ['SAM has no AppSync policy template: the statements are written inline. The API must allow AWS_IAM authorisation.'],
    levels: {
      read: inline('Run queries', (id) => [allow(['appsync:GraphQL'], [sub(`\${${id}.Arn}/types/Query/*`)])]),
      crud: inline('Run queries and mutations', (id) => [allow(['appsync:GraphQL'], [sub(`\${${id}.Arn}/types/*`)])]),
    },
    env: [{ what: 'URL', value: (id) => att(id, 'GraphQLUrl') }, { what: 'ARN', value: arn }],
  },
  {
    target: 'database', defaultLevel: 'read', nouns: ['DATABASE', 'DB', 'CLUSTER'],
    notes: [
      'Connecting means reading the credentials secret RDS manages (ManageMasterUserPassword) ' +
        'and reaching the endpoint: the compute node must be inside the same Virtual Network.',
    ],
    levels: {
      read: templated('Connect', 'AWSSecretsManagerGetSecretValuePolicy', (id) => ({ SecretArn: dbSecret(id) }), one(dbSecret)),
    },
    env: [
      { what: 'HOST', value: (id) => att(id, 'Endpoint.Address') },
      { what: 'PORT', value: (id) => att(id, 'Endpoint.Port') },
      // Not `..._SECRET_ARN`: the linter flags variables named like secrets; this is only where the secret is.
      { what: 'CREDENTIALS_ARN', value: dbSecret },
    ],
  },
  {
    target: 'docker-task', defaultLevel: 'write', nouns: ['TASK'],
    notes: ['Running a Fargate task also needs iam:PassRole on the task definition\'s execution and task roles, and a cluster and subnets to run in.'],
    levels: {
      // The template wants `family:revision`; `Ref` of a task definition is its ARN (`...:task-definition/family:revision`).
      write: templated('Run task', 'EcsRunTaskPolicy', (id) => ({ TaskDefinition: { 'Fn::Select': [1, { 'Fn::Split': ['/', ref(id)] }] } }), one(ref)),
    },
    env: [{ what: 'ARN', value: ref }],
  },
  {
    target: 'cdn', defaultLevel: 'write', nouns: ['CDN', 'DISTRIBUTION'],
    notes: ['SAM has no CloudFront policy template: the statement is written inline.'],
    levels: {
      write: inline('Invalidate the cache', (id) => [
        allow(['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], [sub(`arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${id}}`)]),
      ]),
    },
    env: [{ what: 'DISTRIBUTION_ID', value: ref }, { what: 'DOMAIN_NAME', value: (id) => att(id, 'DomainName') }],
  },
];
