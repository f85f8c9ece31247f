import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AccessLevel, Edit } from '../types.ts';
import { openTemplate } from '../../template.ts';
import { changedWindow } from '../../testing/oracle.ts';
import { ok, refused } from '../../testing/edits.ts';
import { describeWire } from '../../wire/describe.ts';

/** Lines removed and added. */
function diff(before: string, after: string): { removed: string[]; added: string[] } {
  const w = changedWindow(before, after);
  if (!w) return { removed: [], added: [] };
  return { removed: before.split('\n').slice(w.start, w.endBefore), added: after.split('\n').slice(w.start, w.endAfter) };
}

const level = (source: string, target: string, l: AccessLevel): Edit => ({ op: 'setAccessLevel', source, target, level: l });
const levelOf = (text: string, id: string) => describeWire(openTemplate(text), id)?.access?.level;

const fn = (policies: string, extra = '') => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Environment:
        Variables:
          TABLE_NAME: !Ref Table # the table
      Policies:
${policies}
  Table:
    Type: AWS::DynamoDB::Table
  Queue:
    Type: AWS::SQS::Queue
  Stream:
    Type: AWS::Kinesis::Stream
  Pool:
    Type: AWS::Cognito::UserPool
  Topic:
    Type: AWS::SNS::Topic
${extra}`;

describe('setAccessLevel', () => {
  const crud = fn(`        # read and write orders
        - DynamoDBCrudPolicy:
            TableName: !Ref Table   # scoped to one table`);

  test('read-write to read-only renames the template on its line; the scope, comments and env stay', () => {
    const after = ok(crud, level('Fn', 'Table', 'read'));
    assert.deepEqual(diff(crud, after), { removed: ['        - DynamoDBCrudPolicy:'], added: ['        - DynamoDBReadPolicy:'] });
    assert.equal(levelOf(after, 'Fn-access-Table'), 'read');
    assert.equal(ok(after, level('Fn', 'Table', 'crud')), crud, 'and back gives the same bytes');
  });

  test('the same level again changes nothing', () => {
    assert.equal(ok(crud, level('Fn', 'Table', 'crud')), crud);
  });

  test('flow style, JSON and a multi-template entry: only the template name changes', () => {
    const flow = fn(`        - {DynamoDBCrudPolicy: {TableName: !Ref Table}, SQSSendMessagePolicy: {QueueName: !GetAtt Queue.QueueName}}`);
    const a = ok(flow, level('Fn', 'Table', 'write'));
    assert.deepEqual(diff(flow, a).added, ['        - {DynamoDBWritePolicy: {TableName: !Ref Table}, SQSSendMessagePolicy: {QueueName: !GetAtt Queue.QueueName}}']);
    const b = ok(a, level('Fn', 'Queue', 'read'));
    assert.deepEqual(diff(a, b).added, ['        - {DynamoDBWritePolicy: {TableName: !Ref Table}, SQSPollerPolicy: {QueueName: !GetAtt Queue.QueueName}}']);
    const json = JSON.stringify(
      {
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'i.h', Policies: [{ DynamoDBCrudPolicy: { TableName: { Ref: 'Table' } } }] } },
          Table: { Type: 'AWS::DynamoDB::Table' },
        },
      },
      null,
      2,
    );
    const j = ok(json, level('Fn', 'Table', 'read'));
    assert.deepEqual(diff(json, j), { removed: ['            "DynamoDBCrudPolicy": {'], added: ['            "DynamoDBReadPolicy": {'] });
  });

  test('a level with a template and an inline statement: added after, removed again, back to the bytes', () => {
    const write = fn(`        - KinesisCrudPolicy:
            StreamName: !Ref Stream`);
    const both = ok(write, level('Fn', 'Stream', 'crud'));
    const d = diff(write, both);
    assert.deepEqual(d.removed, []);
    assert.equal(d.added[0], '        - Statement:');
    assert.ok(d.added.some((l) => l.includes('kinesis:GetRecords')));
    assert.equal(levelOf(both, 'Fn-access-Stream'), 'crud');
    // read keeps the statement and drops the template
    const read = ok(both, level('Fn', 'Stream', 'read'));
    assert.equal(levelOf(read, 'Fn-access-Stream'), 'read');
    assert.ok(!read.includes('KinesisCrudPolicy'));
    assert.equal(ok(both, level('Fn', 'Stream', 'write')), write);
  });

  test("an inline statement's actions change in place; its Resource stays as written", () => {
    const pool = fn(`        - Statement:
            - Effect: Allow
              Action: [cognito-idp:AdminGetUser, cognito-idp:ListUsers, cognito-idp:AdminListGroupsForUser, cognito-idp:ListUsersInGroup]
              Resource: !GetAtt Pool.Arn   # only this pool`);
    const after = ok(pool, level('Fn', 'Pool', 'crud'));
    const d = diff(pool, after);
    assert.equal(d.removed.length, 1);
    assert.ok(d.removed[0]!.includes('Action: [cognito-idp:AdminGetUser'));
    assert.ok(d.added.join('\n').includes('cognito-idp:AdminDeleteUser'));
    assert.ok(after.includes('              Resource: !GetAtt Pool.Arn   # only this pool\n'));
    assert.equal(levelOf(after, 'Fn-access-Pool'), 'crud');
    assert.equal(levelOf(ok(after, level('Fn', 'Pool', 'read')), 'Fn-access-Pool'), 'read');
  });

  test("a role's statement: its actions change, nothing is added to the function", () => {
    const text = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt FnRole.Arn
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: tables
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action:
                  - dynamodb:GetItem
                  - dynamodb:Scan
                  - dynamodb:Query
                  - dynamodb:BatchGetItem
                  - dynamodb:DescribeTable
                Resource: !GetAtt Table.Arn
  Table:
    Type: AWS::DynamoDB::Table
  Stream:
    Type: AWS::Kinesis::Stream
`;
    assert.equal(levelOf(text, 'Fn-access-Table'), 'read');
    const after = ok(text, level('Fn', 'Table', 'crud'));
    assert.equal(levelOf(after, 'Fn-access-Table'), 'crud');
    assert.ok(after.includes('                  - dynamodb:PutItem\n'));
    assert.ok(after.startsWith(text.slice(0, text.indexOf('                  - dynamodb:GetItem'))));
    assert.ok(after.endsWith(text.slice(text.indexOf('                Resource: !GetAtt Table.Arn'))));
  });

  describe('refusals are coded', () => {
    test('no such wire, no such level, a level the target does not have', () => {
      refused(crud, level('Fn', 'Queue', 'read'), 'WIRE_NOT_FOUND');
      refused(crud, level('Fn', 'Nope', 'read'), 'EDIT_NO_SUCH_RESOURCE');
      refused(crud, { op: 'setAccessLevel', source: 'Fn', target: 'Table', level: 'admin' as AccessLevel }, 'WIRE_BAD_LEVEL');
      const topic = fn(`        - SNSPublishMessagePolicy:
            TopicName: !GetAtt Topic.TopicName`);
      refused(topic, level('Fn', 'Topic', 'read'), 'WIRE_LEVEL_UNSUPPORTED');
    });

    test("policies that are not one of Cairn's levels are left to the YAML view", () => {
      const mixed = fn(`        - DynamoDBReadPolicy:
            TableName: !Ref Table
        - DynamoDBWritePolicy:
            TableName: !Ref Table`);
      refused(mixed, level('Fn', 'Table', 'crud'), 'WIRE_LEVEL_UNRECOGNISED');
      refused(fn('        - AWSLambdaBasicExecutionRole'), level('Fn', 'Table', 'read'), 'WIRE_LEVEL_UNRECOGNISED');
    });

    test('a statement shared with another resource is not changed for one of them', () => {
      const shared = fn(`        - Statement:
            - Effect: Allow
              Action: [cognito-idp:AdminGetUser, cognito-idp:ListUsers, cognito-idp:AdminListGroupsForUser, cognito-idp:ListUsersInGroup]
              Resource: [!GetAtt Pool.Arn, !GetAtt Table.Arn]`);
      refused(shared, level('Fn', 'Pool', 'crud'), 'WIRE_LEVEL_SHARED');
    });
  });
});

describe('event settings are setProperty / deleteProperty below the function', () => {
  const text = `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Q.Arn
            BatchSize: 10   # per invocation
        Hello:
          Type: Api
  Q:
    Type: AWS::SQS::Queue
`;
  const at = (...p: string[]) => ['Properties', 'Events', ...p];

  test('changing a setting changes its line, keeping the comment', () => {
    const after = ok(text, { op: 'setProperty', resource: 'Fn', path: at('Jobs', 'Properties', 'BatchSize'), value: 5 });
    assert.deepEqual(diff(text, after), { removed: ['            BatchSize: 10   # per invocation'], added: ['            BatchSize: 5   # per invocation'] });
  });

  test('adding one inserts a line; removing it gives the bytes back', () => {
    const after = ok(text, { op: 'setProperty', resource: 'Fn', path: at('Jobs', 'Properties', 'MaximumBatchingWindowInSeconds'), value: 30 });
    assert.deepEqual(diff(text, after), { removed: [], added: ['            MaximumBatchingWindowInSeconds: 30'] });
    assert.equal(ok(after, { op: 'deleteProperty', resource: 'Fn', path: at('Jobs', 'Properties', 'MaximumBatchingWindowInSeconds') }), text);
  });

  test('an event without Properties gets them; removing the last one leaves the event with its Type', () => {
    const after = ok(text, { op: 'setProperty', resource: 'Fn', path: at('Hello', 'Properties', 'Path'), value: '/hello' });
    assert.deepEqual(diff(text, after), { removed: [], added: ['          Properties:', '            Path: /hello'] });
    assert.equal(ok(after, { op: 'deleteProperty', resource: 'Fn', path: at('Hello', 'Properties', 'Path') }), text);
  });
});

describe('disconnect of a policy entry holding two templates', () => {
  test('only the wire’s template goes', () => {
    const text = fn(`        - DynamoDBCrudPolicy:
            TableName: !Ref Table
          SQSSendMessagePolicy:
            QueueName: !GetAtt Queue.QueueName`);
    const after = ok(text, { op: 'disconnect', source: 'Fn', target: 'Queue', kind: 'access' });
    assert.deepEqual(diff(text, after), { removed: ['          SQSSendMessagePolicy:', '            QueueName: !GetAtt Queue.QueueName'], added: [] });
  });
});
