import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ok, refused } from '../../../testing/edits.ts';
import { defaultProperties } from '../../../catalog/nodeKinds.ts';

const SERVICE = `service: orders

provider:
  name: aws
  runtime: python3.12 # every function

functions:
  create:
    handler: create.handler

  list:
    handler: list.handler

resources:
  Resources:
    Orders:
      Type: AWS::DynamoDB::Table
`;

describe('serverless addResource: functions', () => {
  test('a function follows the provider runtime, and the blank lines between functions', () => {
    assert.equal(
      ok(SERVICE, { op: 'addResource', resource: 'report', type: 'AWS::Lambda::Function' }),
      SERVICE.replace('    handler: list.handler\n', '    handler: list.handler\n\n  report:\n    handler: src/report/handler.handler\n'),
    );
  });

  test("the palette's SAM defaults mean the same; without a provider runtime the function names one", () => {
    const bare = 'service: x\nprovider:\n  name: aws\nfunctions:\n  a:\n    handler: a.main\n';
    const palette = { op: 'addResource', resource: 'Function1', type: 'AWS::Serverless::Function', properties: defaultProperties('function', 'Function1')! } as const;
    assert.equal(ok(bare, palette), bare + '  Function1:\n    handler: src/Function1/index.handler\n    runtime: nodejs22.x\n');
    assert.equal(ok(SERVICE, palette), ok(SERVICE, { op: 'addResource', resource: 'Function1', type: 'AWS::Lambda::Function' }));
  });

  test("SAM properties are written under the framework's names; CodeUri joins the handler", () => {
    const out = ok(SERVICE, {
      op: 'addResource',
      resource: 'worker',
      type: 'AWS::Serverless::Function',
      properties: { CodeUri: 'src/worker/', Handler: 'app.main', Runtime: 'python3.12', MemorySize: 256, Environment: { Variables: { MODE: 'batch' } }, reservedConcurrency: 2 },
    });
    assert.equal(out, SERVICE.replace('    handler: list.handler\n', '    handler: list.handler\n\n  worker:\n    handler: src/worker/app.main\n    memorySize: 256\n    environment:\n      MODE: batch\n    reservedConcurrency: 2\n'));
    refused(SERVICE, { op: 'addResource', resource: 'w', type: 'AWS::Lambda::Function', properties: { Handler: 'a.b', Events: {} } }, 'EDIT_UNSUPPORTED_KEY');
  });

  test('functions in flow style, and a missing or empty functions section', () => {
    const flow = 'service: x\nprovider: {name: aws, runtime: nodejs20.x}\nfunctions: {a: {handler: a.main}}\n';
    assert.equal(ok(flow, { op: 'addResource', resource: 'b', type: 'AWS::Lambda::Function' }), 'service: x\nprovider: {name: aws, runtime: nodejs20.x}\nfunctions: {a: {handler: a.main}, b: {handler: src/b/index.handler}}\n');
    const none = 'service: x\n\nprovider:\n  name: aws\n  runtime: nodejs20.x\n';
    assert.equal(ok(none, { op: 'addResource', resource: 'b', type: 'AWS::Lambda::Function' }), none + '\nfunctions:\n  b:\n    handler: src/b/index.handler\n');
    const empty = 'service: x\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions: # none yet\nplugins:\n  - a\n';
    assert.equal(
      ok(empty, { op: 'addResource', resource: 'b', type: 'AWS::Lambda::Function' }),
      'service: x\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions: # none yet\n  b:\n    handler: src/b/index.handler\nplugins:\n  - a\n',
    );
  });

  test('names: the framework pattern, and free among functions and resources', () => {
    refused(SERVICE, { op: 'addResource', resource: 'has space', type: 'AWS::Lambda::Function' }, 'EDIT_BAD_NAME');
    refused(SERVICE, { op: 'addResource', resource: 'list', type: 'AWS::Lambda::Function' }, 'EDIT_NAME_TAKEN');
    refused(SERVICE, { op: 'addResource', resource: 'Orders', type: 'AWS::Lambda::Function' }, 'EDIT_NAME_TAKEN');
    assert.match(ok(SERVICE, { op: 'addResource', resource: 'send-mail_now', type: 'AWS::Lambda::Function' }), /\n  send-mail_now:\n    handler: src\/send-mail_now\/handler.handler\n/);
  });
});

describe('serverless addResource: resources', () => {
  test('anything else goes to resources.Resources, as given', () => {
    assert.equal(
      ok(SERVICE, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: 60 }, attributes: { DeletionPolicy: 'Retain' } }),
      SERVICE + '    Jobs:\n      Type: AWS::SQS::Queue\n      DeletionPolicy: Retain\n      Properties:\n        VisibilityTimeout: 60\n',
    );
  });

  test('resources and Resources are created when missing', () => {
    const none = 'service: x\nprovider:\n  name: aws\nfunctions:\n  a:\n    handler: a.main\n';
    assert.equal(ok(none, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' }), none + 'resources:\n  Resources:\n    Jobs:\n      Type: AWS::SQS::Queue\n');
    const outputsOnly = none + 'resources:\n  Outputs:\n    X:\n      Value: 1\n';
    assert.equal(ok(outputsOnly, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' }), outputsOnly + '  Resources:\n    Jobs:\n      Type: AWS::SQS::Queue\n');
  });

  test('refusals: a list of resource files, another provider, a bad type', () => {
    const files = 'service: x\nprovider:\n  name: aws\nresources:\n  - ${file(resources.yml)}\n';
    refused(files, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' }, 'EDIT_PATH_BLOCKED');
    const google = 'service: x\nprovider:\n  name: google\nfunctions:\n  a:\n    handler: a\n';
    refused(google, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' }, 'EDIT_UNSUPPORTED_PROVIDER');
    refused(SERVICE, { op: 'addResource', resource: 'Jobs', type: 'Queue' }, 'EDIT_BAD_TYPE');
  });
});
