import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openTemplate } from '../template.ts';
import { brief, describeWire } from './describe.ts';
import { dedentFragment } from './fragment.ts';

const SAM = `Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Environment:
        Variables:
          ORDERS_TABLE_NAME: !Ref Orders
      Policies:
        - DynamoDBReadPolicy:
            TableName: !Ref Orders
        - Statement:
            - Effect: Allow
              Action: [cognito-idp:AdminGetUser, cognito-idp:ListUsers, cognito-idp:AdminListGroupsForUser, cognito-idp:ListUsersInGroup]
              Resource: !GetAtt Pool.Arn
        - DynamoDBStreamReadPolicy:
            TableName: !Ref Audit
            StreamName: x
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt JobsQueue.Arn
            BatchSize: 10
        Hourly:
          Type: Schedule
          Properties:
            Schedule: rate(1 hour)
        Hello:
          Type: Api
  Orders:
    Type: AWS::DynamoDB::Table
  Audit:
    Type: AWS::DynamoDB::Table
  Pool:
    Type: AWS::Cognito::UserPool
  JobsQueue:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
  Dlq:
    Type: AWS::SQS::Queue
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Worker
      EventSourceArn: !GetAtt Dlq.Arn
      BatchSize: 5
`;

const t = openTemplate(SAM);
const wire = (id: string) => {
  const d = describeWire(t, id);
  assert.ok(d, `no wire ${id}; have ${t.graph.edges.map((e) => e.id).join(', ')}`);
  return d;
};

describe('describeWire', () => {
  test('an access wire: the policy template and the env var, as written, with their lines and sentences', () => {
    const d = wire('Worker-access-Orders');
    assert.deepEqual(
      d.parts.map((p) => [p.source.via, p.fragment && dedentFragment(p.fragment), p.fragment?.range.start.line, p.fragment?.range.end.line, p.summary]),
      [
        ['policy-template', '- DynamoDBReadPolicy:\n    TableName: !Ref Orders', 11, 12, 'Policy template DynamoDBReadPolicy scoped to !Ref Orders'],
        ['env', 'ORDERS_TABLE_NAME: !Ref Orders', 9, 9, 'Environment variable ORDERS_TABLE_NAME = !Ref Orders'],
      ],
    );
    assert.equal(d.access?.level, 'read');
    assert.deepEqual(
      d.access?.options.map((o) => [o.level, o.writes]),
      [
        ['read', 'DynamoDBReadPolicy'],
        ['write', 'DynamoDBWritePolicy'],
        ['crud', 'DynamoDBCrudPolicy'],
      ],
    );
    assert.equal(d.removable, true);
    assert.deepEqual(d.events, []);
  });

  test('an inline statement is recognised by its actions; its sentence lists them', () => {
    const d = wire('Worker-access-Pool');
    assert.equal(d.access?.level, 'read');
    assert.deepEqual(d.access?.options.map((o) => o.level), ['read', 'crud']);
    assert.equal(d.parts[0]!.summary, 'Statement allowing cognito-idp:AdminGetUser, cognito-idp:ListUsers and 2 more on !GetAtt Pool.Arn');
    assert.ok(d.parts[0]!.fragment!.text.startsWith('- Effect: Allow\n'));
  });

  test('a policy Cairn does not write at any level: no level, no options, still described', () => {
    const d = wire('Worker-access-Audit');
    assert.equal(d.access?.level, null);
    assert.deepEqual(d.access?.options, []);
    assert.equal(d.parts[0]!.summary, 'Policy template DynamoDBStreamReadPolicy scoped to TableName !Ref Audit, StreamName x');
  });

  test('a trigger wire: the event entry, its type, properties, the source property fixed, the form settings', () => {
    const d = wire('JobsQueue-trigger-Worker');
    assert.equal(d.parts[0]!.summary, 'Event Jobs: SQS, BatchSize 10');
    assert.equal(dedentFragment(d.parts[0]!.fragment!), 'Jobs:\n  Type: SQS\n  Properties:\n    Queue: !GetAtt JobsQueue.Arn\n    BatchSize: 10');
    const [ev] = d.events;
    assert.equal(ev?.type, 'SQS');
    assert.equal(ev?.resource, 'Worker');
    assert.deepEqual(ev?.propertiesPath, ['Properties', 'Events', 'Jobs', 'Properties']);
    assert.deepEqual(ev?.properties, { Queue: { 'Fn::GetAtt': ['JobsQueue', 'Arn'] }, BatchSize: 10 });
    assert.deepEqual(ev?.fixed, ['Queue']);
    assert.ok(ev?.settings.some((s) => s.name === 'BatchSize' && s.input === 'number'));
    assert.equal(d.access, null);
    assert.equal(d.removable, true);
  });

  test('a Timer and an implicit API: events without a source property', () => {
    const timer = wire('Worker.Hourly-trigger-Worker');
    assert.equal(timer.parts[0]!.summary, 'Event Hourly: Schedule, Schedule rate(1 hour)');
    assert.deepEqual(timer.events[0]?.fixed, []);
    assert.ok(timer.events[0]?.settings.find((s) => s.name === 'Schedule')?.required);
    const api = wire('ServerlessRestApi-trigger-Worker');
    assert.deepEqual(api.events[0]?.properties, {});
    assert.equal(api.parts[0]!.summary, 'Event Hello: Api');
  });

  test('an event source mapping is a trigger whose settings are the resource properties', () => {
    const d = wire('Dlq-trigger-Worker');
    assert.equal(d.parts[0]!.summary, 'Event source mapping Mapping: BatchSize 5');
    assert.deepEqual(d.events[0]?.propertiesPath, ['Properties']);
    assert.deepEqual(d.events[0]?.fixed, ['EventSourceArn', 'FunctionName']);
    assert.equal(d.removable, false, 'disconnect does not remove mapping resources');
  });

  test('a reference: the entry that names the target, not removable', () => {
    const d = wire('JobsQueue-reference-Dlq');
    assert.equal(d.parts[0]!.fragment!.text, 'deadLetterTargetArn: !GetAtt Dlq.Arn');
    assert.equal(d.parts[0]!.summary, 'Reference !GetAtt Dlq.Arn in JobsQueue Properties.RedrivePolicy.deadLetterTargetArn');
    assert.equal(d.removable, false);
    assert.equal(d.access, null);
  });

  test('no such wire, or a template that does not parse: null, never a throw', () => {
    assert.equal(describeWire(t, 'Nope'), null);
    const broken = openTemplate('Resources: [\n');
    assert.equal(describeWire({ parsed: broken.parsed, graph: t.graph }, 'Worker-access-Orders'), null);
  });

  test('a VPC placed by Globals points at the Globals text', () => {
    const vpc = openTemplate(`Globals:
  Function:
    VpcConfig:
      SubnetIds: [!Ref A]
Resources:
  Net:
    Type: AWS::EC2::VPC
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Net
  Fn:
    Type: AWS::Serverless::Function
`);
    const d = describeWire(vpc, 'Net-containment-Fn')!;
    assert.equal(d.parts[0]!.fragment?.exact, true);
    assert.ok(d.parts[0]!.fragment?.text.startsWith('VpcConfig:'));
  });
});

describe('brief', () => {
  test('short forms on one line, cut at 80 characters', () => {
    assert.equal(brief({ Ref: 'X' }), '!Ref X');
    assert.equal(brief({ 'Fn::GetAtt': ['X', 'Arn'] }), '!GetAtt X.Arn');
    assert.equal(brief({ 'Fn::Sub': '${X.Arn}/*' }), "!Sub '${X.Arn}/*'");
    assert.equal(brief(['a', 1]), '[a, 1]');
    const long = brief('x'.repeat(200));
    assert.equal(long.length, 80);
    assert.ok(long.endsWith('…'));
  });
});

test('a serverless.yml trigger wire: its event entry with the framework-named settings, the source shown not edited', () => {
  const text = `service: orders
provider:
  name: aws
  runtime: nodejs22.x
functions:
  worker:
    handler: index.handler
    events:
      - schedule: rate(1 hour)
      - sqs:
          arn: !GetAtt Jobs.Arn
          batchSize: 10
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
`;
  const t = openTemplate(text);
  const edge = t.graph.edges.find((e) => e.source === 'Jobs' && e.kind === 'trigger');
  assert.ok(edge, 'the queue triggers the function');
  const d = describeWire(t, edge.id);
  assert.equal(d?.events.length, 1);
  const ev = d!.events[0]!;
  assert.equal(ev.name, 'sqs-2');
  assert.equal(ev.resource, 'worker');
  assert.deepEqual(ev.definition, ['functions', 'worker']);
  assert.deepEqual(ev.propertiesPath, ['events', 1, 'sqs']);
  assert.deepEqual(ev.fixed, ['arn']);
  assert.equal(ev.properties['batchSize'], 10);
  assert.deepEqual(ev.settings.map((s) => s.name), ['batchSize', 'maximumBatchingWindow', 'enabled']);
  // a string entry (the schedule's shorthand) has nothing for a form
  const timer = t.graph.edges.find((e) => e.kind === 'trigger' && e.source !== 'Jobs');
  assert.ok(timer);
  const tev = describeWire(t, timer.id)!.events[0]!;
  assert.deepEqual([tev.name, tev.settings.length, Object.keys(tev.properties).length], ['schedule-1', 0, 0]);
});
