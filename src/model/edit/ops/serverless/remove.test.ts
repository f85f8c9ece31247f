import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ok } from '../../../testing/edits.ts';

const SERVICE = `service: orders
provider:
  name: aws
  iamRoleStatements:
    - Effect: Allow
      Action: [sqs:SendMessage]
      Resource:
        - Fn::GetAtt: [Jobs, Arn]
        - Fn::GetAtt: [Dlq, Arn]
    - Effect: Allow
      Action: lambda:InvokeFunction
      Resource: {Fn::GetAtt: [WorkLambdaFunction, Arn]}
functions:
  send:
    handler: send.main # posts jobs
    environment:
      QUEUE_URL: {Ref: Jobs}
      WORKER: {Ref: WorkLambdaFunction}
  work:
    handler: work.main
    events:
      - sqs:
          arn: {Fn::GetAtt: [Jobs, Arn]}
      - schedule: rate(1 hour)
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties:
        RedrivePolicy:
          deadLetterTargetArn: {Fn::GetAtt: [Dlq, Arn]}
    Dlq:
      Type: AWS::SQS::Queue
      DependsOn: [Jobs]
  Outputs:
    JobsUrl:
      Value: {Ref: Jobs}
`;

test('a resource goes with the events, statement items, env entries, DependsOn and outputs naming it', () => {
  assert.equal(
    ok(SERVICE, { op: 'removeResource', resource: 'Jobs' }),
    `service: orders
provider:
  name: aws
  iamRoleStatements:
    - Effect: Allow
      Action: [sqs:SendMessage]
      Resource:
        - Fn::GetAtt: [Dlq, Arn]
    - Effect: Allow
      Action: lambda:InvokeFunction
      Resource: {Fn::GetAtt: [WorkLambdaFunction, Arn]}
functions:
  send:
    handler: send.main # posts jobs
    environment:
      WORKER: {Ref: WorkLambdaFunction}
  work:
    handler: work.main
    events:
      - schedule: rate(1 hour)
resources:
  Resources:
    Dlq:
      Type: AWS::SQS::Queue
`,
  );
});

test('a function goes with the statements and env entries naming its generated logical id', () => {
  assert.equal(
    ok(SERVICE, { op: 'removeResource', resource: 'work' }),
    SERVICE.replace('    - Effect: Allow\n      Action: lambda:InvokeFunction\n      Resource: {Fn::GetAtt: [WorkLambdaFunction, Arn]}\n', '')
      .replace('      WORKER: {Ref: WorkLambdaFunction}\n', '')
      .replace(/ {2}work:\n[\s\S]*?rate\(1 hour\)\n/, ''),
  );
});

test('a reference the removal does not own stays, for the diagnostics to report', () => {
  assert.match(ok(SERVICE, { op: 'removeResource', resource: 'Dlq' }), /deadLetterTargetArn: \{Fn::GetAtt: \[Dlq, Arn\]\}/);
});
