import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ok, refused } from '../../../testing/edits.ts';

const SERVICE = `service: orders
custom:
  queueName: \${self:resources.Resources.Jobs.Properties.QueueName}
  queues: ['\${self:resources.Resources.Jobs.Properties.QueueName}', "\${self:resources.Resources.Jobs2.Properties.QueueName}"]
  sender: \${self:functions.send.name}
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action: sqs:SendMessage
          Resource:
            - Fn::GetAtt: [Jobs, Arn]
            - !Sub '\${Jobs.Arn}-dlq'
functions:
  send:
    handler: send.main # posts jobs
    environment:
      QUEUE_URL: !Ref Jobs
  work:
    handler: work.main
    events:
      - sns:
          arn: !Ref Jobs
          topicName: Jobs
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
    Jobs2:
      Type: AWS::SQS::Queue
      DependsOn: [Jobs]
    Alarm:
      Type: AWS::CloudWatch::Alarm
      DependsOn: SendLambdaFunction
      Properties:
        AlarmActions: [!GetAtt SendLambdaFunction.Arn]
  Outputs:
    JobsUrl:
      Value: {Ref: Jobs}
`;

/** Lines that differ, as [before, after] pairs (the line count must not change). */
function changedLines(before: string, after: string): string[][] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line.trim(), b[i]!.trim()]]));
}

test('a resource: its key, Ref, GetAtt, Sub, DependsOn, self variables and the topicName written for it', () => {
  assert.deepEqual(changedLines(SERVICE, ok(SERVICE, { op: 'renameResource', resource: 'Jobs', to: 'Tasks' })), [
    ['queueName: ${self:resources.Resources.Jobs.Properties.QueueName}', 'queueName: ${self:resources.Resources.Tasks.Properties.QueueName}'],
    [
      `queues: ['\${self:resources.Resources.Jobs.Properties.QueueName}', "\${self:resources.Resources.Jobs2.Properties.QueueName}"]`,
      `queues: ['\${self:resources.Resources.Tasks.Properties.QueueName}', "\${self:resources.Resources.Jobs2.Properties.QueueName}"]`,
    ],
    ['- Fn::GetAtt: [Jobs, Arn]', '- Fn::GetAtt: [Tasks, Arn]'],
    ["- !Sub '${Jobs.Arn}-dlq'", "- !Sub '${Tasks.Arn}-dlq'"],
    ['QUEUE_URL: !Ref Jobs', 'QUEUE_URL: !Ref Tasks'],
    ['arn: !Ref Jobs', 'arn: !Ref Tasks'],
    ['topicName: Jobs', 'topicName: Tasks'],
    ['Jobs:', 'Tasks:'],
    ['DependsOn: [Jobs]', 'DependsOn: [Tasks]'],
    ['Value: {Ref: Jobs}', 'Value: {Ref: Tasks}'],
  ]);
});

test("a function: its key, its generated logical ids and ${self:functions...} variables", () => {
  assert.deepEqual(changedLines(SERVICE, ok(SERVICE, { op: 'renameResource', resource: 'send', to: 'send-job' })), [
    ['sender: ${self:functions.send.name}', 'sender: ${self:functions.send-job.name}'],
    ['send:', 'send-job:'],
    ['DependsOn: SendLambdaFunction', 'DependsOn: SendDashjobLambdaFunction'],
    ['AlarmActions: [!GetAtt SendLambdaFunction.Arn]', 'AlarmActions: [!GetAtt SendDashjobLambdaFunction.Arn]'],
  ]);
});

test('refusals: names taken, names the framework does not accept', () => {
  refused(SERVICE, { op: 'renameResource', resource: 'Jobs', to: 'work' }, 'EDIT_NAME_TAKEN');
  refused(SERVICE, { op: 'renameResource', resource: 'work', to: 'Jobs2' }, 'EDIT_NAME_TAKEN');
  refused(SERVICE, { op: 'renameResource', resource: 'Jobs', to: 'my-jobs' }, 'EDIT_BAD_NAME');
  refused(SERVICE, { op: 'renameResource', resource: 'work', to: 'a.b' }, 'EDIT_BAD_NAME');
  assert.equal(ok(SERVICE, { op: 'renameResource', resource: 'work', to: 'work' }), SERVICE);
});
