import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CfnObject, CfnValue } from '../../value.ts';
import { TRIGGER_RULES } from '../../catalog/triggerRules.ts';
import type { AccessLevel } from '../../catalog/accessRules.ts';
import { accessRule, planAccess } from '../../catalog/wires.ts';
import type { NodeKind } from '../../graph/types.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { impossibleWire, SAM_EVENT_SOURCES } from './impossibleWire.ts';

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...impossibleWire.check({ value, format, locate: () => null, spec: null })];
}
function run(value: CfnObject, format: RuleContext['format'] = 'cloudformation'): string[] {
  return findings(value, format).map((f) => `${formatPath(f.path)} ${f.severity ?? impossibleWire.severity}`);
}
const ref = (id: string): CfnObject => ({ Ref: id });
const att = (id: string, attr: string): CfnObject => ({ 'Fn::GetAtt': [id, attr] });

/** Sources every case can point at. */
const SOURCES: CfnObject = {
  Queue: { Type: 'AWS::SQS::Queue' },
  Table: { Type: 'AWS::DynamoDB::Table', Properties: { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } } },
  PlainTable: { Type: 'AWS::DynamoDB::Table', Properties: {} },
  Simple: { Type: 'AWS::Serverless::SimpleTable' },
  Topic: { Type: 'AWS::SNS::Topic' },
  Bucket: { Type: 'AWS::S3::Bucket' },
  Stream: { Type: 'AWS::Kinesis::Stream' },
  Consumer: { Type: 'AWS::Kinesis::StreamConsumer' },
  Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'p' } },
  Http: { Type: 'AWS::Serverless::HttpApi' },
  Rest: { Type: 'AWS::ApiGateway::RestApi' },
  Pool: { Type: 'AWS::Cognito::UserPool' },
  Logs: { Type: 'AWS::Logs::LogGroup' },
  Machine: { Type: 'AWS::StepFunctions::StateMachine' },
};
/** A SAM template whose function F has one event of this type and properties. */
const event = (Type: string, Properties: CfnObject): CfnObject => ({
  Transform: 'AWS::Serverless-2016-10-31',
  Parameters: { QueueArn: { Type: 'String' }, BucketName: { Type: 'String' } },
  Resources: { ...SOURCES, F: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'h', Runtime: 'r', CodeUri: '.', Events: { E: { Type, Properties } } } } },
});
const policies = (...list: CfnValue[]): CfnObject => ({
  Resources: { ...SOURCES, F: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'h', Runtime: 'r', CodeUri: '.', Policies: list } } },
});
/** A type Cairn writes for each kind an access wire can reach. */
const ACCESS_TARGETS: Readonly<Record<string, string>> = {
  table: 'AWS::DynamoDB::Table', 'object-store': 'AWS::S3::Bucket', queue: 'AWS::SQS::Queue', topic: 'AWS::SNS::Topic',
  stream: 'AWS::Kinesis::Stream', function: 'AWS::Serverless::Function', 'graphql-api': 'AWS::AppSync::GraphQLApi',
  'user-pool': 'AWS::Cognito::UserPool', database: 'AWS::RDS::DBCluster', 'docker-task': 'AWS::ECS::TaskDefinition',
  cdn: 'AWS::CloudFront::Distribution', secrets: 'Cairn::Secrets',
};
const E = (prop: string): string => `Resources.F.Properties.Events.E.Properties.${prop} error`;

const cases: { name: string; value: CfnObject; format?: RuleContext['format']; expect: string[] }[] = [
  { name: 'SQS: the queue ARN', value: event('SQS', { Queue: att('Queue', 'Arn') }), expect: [] },
  { name: 'SQS: a parameter holding an ARN', value: event('SQS', { Queue: ref('QueueArn') }), expect: [] },
  { name: 'SQS: a table', value: event('SQS', { Queue: att('Table', 'Arn') }), expect: [E('Queue')] },
  { name: "SQS: Ref gives the queue's URL", value: event('SQS', { Queue: ref('Queue') }), expect: [E('Queue')] },
  { name: 'SQS: Fn::Sub of the ARN', value: event('SQS', { Queue: { 'Fn::Sub': '${Queue.Arn}' } }), expect: [] },
  { name: 'DynamoDB: the stream ARN', value: event('DynamoDB', { Stream: att('Table', 'StreamArn') }), expect: [] },
  { name: 'DynamoDB: a table without a stream', value: event('DynamoDB', { Stream: att('PlainTable', 'StreamArn') }), expect: [E('Stream')] },
  { name: 'DynamoDB: a SimpleTable has no stream', value: event('DynamoDB', { Stream: att('Simple', 'StreamArn') }), expect: [E('Stream')] },
  { name: "DynamoDB: the table's own ARN", value: event('DynamoDB', { Stream: att('Table', 'Arn') }), expect: [E('Stream')] },
  { name: 'DynamoDB: a Kinesis stream', value: event('DynamoDB', { Stream: att('Stream', 'Arn') }), expect: [E('Stream')] },
  { name: 'Kinesis: stream ARN or consumer', value: event('Kinesis', { Stream: att('Stream', 'Arn') }), expect: [] },
  { name: 'Kinesis: a stream consumer by Ref', value: event('Kinesis', { Stream: ref('Consumer') }), expect: [] },
  { name: "Kinesis: Ref gives the stream's name", value: event('Kinesis', { Stream: ref('Stream') }), expect: [E('Stream')] },
  { name: 'SNS: Ref of a topic', value: event('SNS', { Topic: ref('Topic') }), expect: [] },
  { name: 'SNS: a queue', value: event('SNS', { Topic: ref('Queue') }), expect: [E('Topic')] },
  { name: 'S3: a bucket of the template', value: event('S3', { Bucket: ref('Bucket'), Events: 's3:ObjectCreated:*' }), expect: [] },
  { name: 'S3: a bucket name', value: event('S3', { Bucket: 'my-bucket' }), expect: [E('Bucket')] },
  { name: 'S3: a parameter', value: event('S3', { Bucket: ref('BucketName') }), expect: [E('Bucket')] },
  { name: 'S3: a topic', value: event('S3', { Bucket: ref('Topic') }), expect: [E('Bucket')] },
  { name: 'Api: a SAM API, by Ref or by name', value: event('Api', { RestApiId: ref('Api'), Path: '/', Method: 'get' }), expect: [] },
  { name: 'Api: the logical id as a string', value: event('Api', { RestApiId: 'Api' }), expect: [] },
  { name: 'Api: an AWS::ApiGateway::RestApi', value: event('Api', { RestApiId: ref('Rest') }), expect: [] },
  { name: 'Api: an HTTP API', value: event('Api', { RestApiId: ref('Http') }), expect: [E('RestApiId')] },
  { name: 'Api: a name that is not a resource', value: event('Api', { RestApiId: 'Nope' }), expect: [E('RestApiId')] },
  { name: 'Api: the implicit API when none is named', value: event('Api', { Path: '/', Method: 'get' }), expect: [] },
  { name: 'HttpApi: a REST API', value: event('HttpApi', { ApiId: ref('Api') }), expect: [E('ApiId')] },
  { name: 'Cognito: a user pool', value: event('Cognito', { UserPool: ref('Pool'), Trigger: 'PreSignUp' }), expect: [] },
  { name: 'Cognito: a table', value: event('Cognito', { UserPool: ref('Table') }), expect: [E('UserPool')] },
  { name: "CloudWatchLogs: the log group's name, not its ARN", value: event('CloudWatchLogs', { LogGroupName: att('Logs', 'Arn') }), expect: [E('LogGroupName')] },
  { name: 'Schedule events name no source', value: event('Schedule', { Schedule: 'rate(1 day)' }), expect: [] },
  { name: 'policy templates: the right resources', value: policies({ DynamoDBCrudPolicy: { TableName: ref('Table') } }, { SQSPollerPolicy: { QueueName: att('Queue', 'QueueName') } }, { SNSPublishMessagePolicy: { TopicName: att('Topic', 'TopicName') } }, { S3ReadPolicy: { BucketName: ref('Bucket') } }, { StepFunctionsExecutionPolicy: { StateMachineName: att('Machine', 'Name') } }), expect: [] },
  { name: 'policy templates: a queue as a table', value: policies({ DynamoDBCrudPolicy: { TableName: ref('Queue') } }), expect: ['Resources.F.Properties.Policies[0].DynamoDBCrudPolicy.TableName error'] },
  { name: "policy templates: Ref of a queue is its URL", value: policies('AWSLambdaExecute', { SQSSendMessagePolicy: { QueueName: ref('Queue') } }), expect: ['Resources.F.Properties.Policies[1].SQSSendMessagePolicy.QueueName error'] },
  { name: "policy templates: GetAtt Arn where the name is wanted", value: policies({ DynamoDBReadPolicy: { TableName: att('Table', 'Arn') } }, { LambdaInvokePolicy: { FunctionName: att('F', 'Arn') } }), expect: ['Resources.F.Properties.Policies[0].DynamoDBReadPolicy.TableName error', 'Resources.F.Properties.Policies[1].LambdaInvokePolicy.FunctionName error'] },
  { name: 'policy templates: a single policy, not a list', value: policies(), expect: [] },
  { name: 'policy templates: literal names and parameters are not judged', value: policies({ DynamoDBCrudPolicy: { TableName: 'orders' } }, { S3ReadPolicy: { BucketName: ref('BucketName') } }), expect: [] },
  { name: "DynamoDBStreamReadPolicy's StreamName is a stream label", value: policies({ DynamoDBStreamReadPolicy: { TableName: ref('Table'), StreamName: { 'Fn::Select': [3, { 'Fn::Split': ['/', att('Table', 'StreamArn')] }] } } }), expect: [] },
  {
    name: 'serverless.yml events on its resources',
    format: 'serverless',
    value: {
      service: 's',
      provider: { name: 'aws' },
      functions: { f: { handler: 'h', events: [{ sqs: { arn: att('Queue', 'Arn') } }, { sqs: { arn: att('Table', 'Arn') } }, { stream: { type: 'dynamodb', arn: att('Table', 'Arn') } }, { sns: { arn: ref('Topic') } }, { http: { path: '/', method: 'get' } }] } },
      resources: { Resources: SOURCES },
    },
    expect: ['functions.f.events[1].sqs.arn error', 'functions.f.events[2].stream.arn error'],
  },
];

for (const c of cases) {
  test(`IMPOSSIBLE_WIRE: ${c.name}`, () => assert.deepEqual(run(c.value, c.format), c.expect));
}

test('IMPOSSIBLE_WIRE: messages say what was named, what is wanted and the fix', () => {
  assert.match(findings(event('SQS', { Queue: att('Table', 'Arn') }))[0]!.message, /The SQS event E of function F: its Queue names Table, which is a Table \(AWS::DynamoDB::Table\), not a Queue\./);
  assert.match(findings(event('SQS', { Queue: ref('Queue') }))[0]!.message, /is !Ref Queue, which gives the queue's URL, not the queue's ARN\. Use !GetAtt Queue\.Arn\./);
  assert.match(findings(event('DynamoDB', { Stream: att('PlainTable', 'StreamArn') }))[0]!.message, /PlainTable, which has no StreamSpecification\. Add StreamSpecification/);
  assert.match(findings(event('S3', { Bucket: 'my-bucket' }))[0]!.message, /S3 events must name an AWS::S3::Bucket of this template/);
  assert.match(findings(policies({ DynamoDBCrudPolicy: { TableName: ref('Queue') } }))[0]!.message, /DynamoDBCrudPolicy of function F: its TableName names Queue, which is a Queue \(AWS::SQS::Queue\), not a Table\./);
});

test("IMPOSSIBLE_WIRE: event sources agree with the catalog's trigger wires", () => {
  for (const r of TRIGGER_RULES) {
    if (r.sam.kind !== 'event' || !r.sam.sourceProperty) continue;
    const entry = SAM_EVENT_SOURCES[r.sam.eventType];
    assert.ok(entry, `${r.sam.eventType} is checked`);
    assert.equal(entry[0], r.sam.sourceProperty, `${r.sam.eventType} names its source in ${r.sam.sourceProperty}`);
    assert.equal(entry[1].kind, r.source, `${r.sam.eventType} comes from a ${r.source}`);
    // What the trigger wire writes passes the rule.
    const props = r.sam.properties('Src', 'F');
    const v = props[r.sam.sourceProperty];
    const type = { queue: 'AWS::SQS::Queue', table: 'AWS::DynamoDB::Table', topic: 'AWS::SNS::Topic', 'object-store': 'AWS::S3::Bucket', stream: 'AWS::Kinesis::Stream', 'rest-api': 'AWS::Serverless::Api', 'http-api': 'AWS::Serverless::HttpApi', 'user-pool': 'AWS::Cognito::UserPool' }[r.source as string];
    assert.ok(type, r.source);
    const value: CfnObject = {
      Resources: {
        Src: { Type: type, Properties: r.sourceRequires ? { [r.sourceRequires.path[0]!]: r.sourceRequires.value } : {} },
        F: { Type: 'AWS::Serverless::Function', Properties: { Events: { E: { Type: r.sam.eventType, Properties: props } } } },
      },
    };
    assert.deepEqual(findings(value), [], `${r.sam.eventType}: ${JSON.stringify(v)}`);
  }
});

test("IMPOSSIBLE_WIRE: what the catalog's access wires write passes", () => {
  for (const [kind, type] of Object.entries(ACCESS_TARGETS)) {
    const rule = accessRule(kind as NodeKind);
    if (!rule) continue;
    for (const level of Object.keys(rule.levels) as AccessLevel[]) {
      const r = planAccess('function', kind as NodeKind, 'Target', level);
      assert.ok(r.ok, `${kind} ${level}`);
      const value: CfnObject = {
        Resources: {
          Target: { Type: type, Properties: {} },
          F: { Type: 'AWS::Serverless::Function', Properties: { Policies: [...r.plan.samPolicies] } },
        },
      };
      assert.deepEqual(findings(value).map((f) => f.message), [], `${kind} ${level}`);
    }
  }
});
