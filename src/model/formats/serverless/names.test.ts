import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnResourceName, isArn, nameOf, nameScope, stackNamesIn } from './names.ts';
import type { CfnObject } from '../../value.ts';

const file: CfnObject = {
  service: 'shop',
  functions: { hello: { handler: 'h.h' }, 'send-mail': { handler: 'h.m', name: 'mailer' } },
  layers: { ffmpeg: { path: 'layer' } },
  resources: {
    Resources: {
      Jobs: { Type: 'AWS::SQS::Queue', Properties: { QueueName: '${self:service}-jobs' } },
      Orders: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: '${self:custom.table}' } },
      Uploads: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'shop-uploads' } },
    },
  },
};
const scope = nameScope(file, (t) => t.replace('${self:service}', 'shop').replace('${self:custom.table}', 'orders-dev').replace('${sls:stage}', 'dev'));

test('names: intrinsics naming a stack resource', () => {
  assert.deepEqual(nameOf({ Ref: 'Jobs' }, scope), { kind: 'stack', id: 'Jobs', logicalId: 'Jobs' });
  assert.deepEqual(nameOf({ 'Fn::GetAtt': ['Jobs', 'Arn'] }, scope), { kind: 'stack', id: 'Jobs', logicalId: 'Jobs', attribute: 'Arn' });
  assert.deepEqual(nameOf({ 'Fn::GetAtt': 'Orders.StreamArn' }, scope), { kind: 'stack', id: 'Orders', logicalId: 'Orders', attribute: 'StreamArn' });
  assert.deepEqual(nameOf(['Jobs', 'Arn'], scope), { kind: 'stack', id: 'Jobs', logicalId: 'Jobs', attribute: 'Arn' });
  assert.equal(nameOf({ 'Fn::Sub': '${Uploads.Arn}/*' }, scope).kind, 'stack');
  assert.deepEqual(nameOf({ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Uploads' }, '/*']] }, scope), { kind: 'stack', id: 'Uploads', logicalId: 'Uploads' });
  assert.deepEqual(nameOf({ 'Fn::GetAtt': ['HelloLambdaFunction', 'Arn'] }, scope), { kind: 'stack', id: 'hello', logicalId: 'HelloLambdaFunction', attribute: 'Arn' });
  assert.deepEqual(nameOf({ Ref: 'FfmpegLambdaLayer' }, scope), { kind: 'stack', id: 'FfmpegLambdaLayer', logicalId: 'FfmpegLambdaLayer' });
});

test('names: variables and physical names', () => {
  assert.equal(nameOf('${self:resources.Resources.Jobs.Properties.QueueName}', scope).kind, 'stack');
  assert.deepEqual(nameOf('arn:aws:dynamodb:${aws:region}:*:table/${self:custom.table}', scope), { kind: 'stack', id: 'Orders', logicalId: 'Orders' });
  assert.deepEqual(nameOf('arn:aws:sqs:us-east-1:1:shop-jobs', scope), { kind: 'stack', id: 'Jobs', logicalId: 'Jobs' });
  assert.deepEqual(nameOf('arn:aws:s3:::shop-uploads/*', scope), { kind: 'stack', id: 'Uploads', logicalId: 'Uploads' });
  assert.deepEqual(nameOf('arn:aws:lambda:us-east-1:1:function:mailer', scope), { kind: 'stack', id: 'send-mail', logicalId: 'SendDashmailLambdaFunction' });
  assert.deepEqual(nameOf('arn:aws:lambda:us-east-1:1:function:shop-dev-hello', scope), { kind: 'stack', id: 'hello', logicalId: 'HelloLambdaFunction' });
  const custom = nameScope(file, (t) => (t === '${self:custom.queue}' ? { 'Fn::GetAtt': ['Jobs', 'Arn'] } : t));
  assert.equal(nameOf('${self:custom.queue}', custom).kind, 'stack');
});

test('names: things outside the stack', () => {
  assert.deepEqual(nameOf('arn:aws:sqs:us-east-1:1:other', scope), { kind: 'outside', text: 'arn:aws:sqs:us-east-1:1:other' });
  assert.deepEqual(nameOf('my-topic', scope), { kind: 'outside', text: 'my-topic' });
  assert.deepEqual(nameOf({ 'Fn::ImportValue': 'x' }, scope), { kind: 'computed' });
  assert.deepEqual(nameOf({ Ref: 'Missing' }, scope), { kind: 'computed' });
  assert.deepEqual(nameOf({ 'Fn::Join': [':', ['arn:aws:sqs', { Ref: 'AWS::Region' }, '1', 'q']] }, scope), { kind: 'outside', text: 'arn:aws:sqs:${AWS::Region}:1:q' });
  assert.deepEqual(nameOf(undefined, scope), { kind: 'computed' });
  assert.deepEqual(nameOf(42, scope), { kind: 'computed' });
  // a variable resolving to a Sub of itself: the depth cap ends it
  const loop = { ...scope, resolve: (t: string) => (t === '${self:a}' ? { 'Fn::Sub': '${self:a}' } : t) };
  assert.deepEqual(nameOf('${self:a}', loop), { kind: 'outside', text: '${self:a}' });
});

test('names: every stack resource in a statement Resource', () => {
  assert.deepEqual(stackNamesIn(['arn:aws:s3:::shop-uploads', { 'Fn::GetAtt': ['Jobs', 'Arn'] }, '*', { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Orders', 'Arn'] }, '/index/*']] }], scope), ['Uploads', 'Jobs', 'Orders']);
  assert.deepEqual(stackNamesIn('*', scope), []);
});

test('names: ARN parts', () => {
  assert.ok(isArn('arn:aws:sqs:r:a:q'));
  assert.ok(!isArn('queue'));
  assert.equal(arnResourceName('arn:aws:dynamodb:r:a:table/T/index/*'), 'T');
  assert.equal(arnResourceName('arn:aws:kinesis:r:a:stream/S'), 'S');
  assert.equal(arnResourceName('arn:aws:sns:r:a:topic'), 'topic');
  assert.equal(arnResourceName('arn:aws:logs:r:a:log-group:/aws/lambda/x:*'), '/aws/lambda/x');
  assert.equal(arnResourceName('arn:aws:secretsmanager:r:a:secret:db-AbCdEf'), 'db');
  assert.equal(arnResourceName('arn:aws:s3'), undefined);
});
