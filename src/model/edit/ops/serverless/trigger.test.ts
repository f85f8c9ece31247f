import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ok, refused } from '../../../testing/edits.ts';
import type { Edit } from '../../types.ts';
import { openTemplate } from '../../../template.ts';

const SERVICE = `service: orders
provider:
  name: aws
functions:
  worker:
    handler: worker.main # consumes everything
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
    Alerts:
      Type: AWS::SNS::Topic
    Orders:
      Type: AWS::DynamoDB::Table
      Properties:
        BillingMode: PAY_PER_REQUEST
    Uploads:
      Type: AWS::S3::Bucket
    Api:
      Type: AWS::ApiGateway::RestApi
`;
const BUS = '    Bus:\n      Type: AWS::Events::EventBus\n      Properties:\n        Name: orders-bus\n';

const trigger = (source: string, properties?: Record<string, string | number>): Edit => ({
  op: 'connect',
  source,
  target: 'worker',
  kind: 'trigger',
  ...(properties ? { properties } : {}),
});
const withEvent = (event: string) => SERVICE.replace('    handler: worker.main # consumes everything\n', `    handler: worker.main # consumes everything\n    events:\n${event}`);

describe('serverless connect: trigger', () => {
  test('a queue: an sqs event with the arn in the file\'s intrinsic style', () => {
    assert.equal(ok(SERVICE, trigger('Jobs')), withEvent('      - sqs:\n          arn: !GetAtt Jobs.Arn\n          batchSize: 10\n'));
    const long = SERVICE.replace('      Type: AWS::ApiGateway::RestApi\n', '      Type: AWS::ApiGateway::RestApi\n      Properties:\n        Name:\n          Fn::Sub: ${AWS::StackName}-api\n');
    assert.equal(
      ok(long, trigger('Jobs', { BatchSize: 5 })),
      long.replace('    handler: worker.main # consumes everything\n', '    handler: worker.main # consumes everything\n    events:\n      - sqs:\n          arn:\n            Fn::GetAtt:\n              - Jobs\n              - Arn\n          batchSize: 5\n'),
    );
  });

  test('a topic: sns with arn and topicName; a bucket: s3 with existing: true', () => {
    assert.equal(ok(SERVICE, trigger('Alerts')), withEvent('      - sns:\n          arn: !Ref Alerts\n          topicName: Alerts\n'));
    assert.equal(ok(SERVICE, trigger('Uploads')), withEvent("      - s3:\n          bucket: !Ref Uploads\n          event: s3:ObjectCreated:*\n          existing: true\n"));
  });

  test("a table: a dynamodb stream event, and the table's stream is turned on", () => {
    assert.equal(
      ok(SERVICE, trigger('Orders')),
      withEvent('      - stream:\n          type: dynamodb\n          arn: !GetAtt Orders.StreamArn\n          startingPosition: LATEST\n          batchSize: 100\n').replace(
        '        BillingMode: PAY_PER_REQUEST\n',
        '        BillingMode: PAY_PER_REQUEST\n        StreamSpecification:\n          StreamViewType: NEW_AND_OLD_IMAGES\n',
      ),
    );
  });

  test("routes from the service's APIs, path and method from the wire's properties; appended to existing events", () => {
    const once = ok(SERVICE, trigger('ApiGatewayRestApi', { path: 'orders/{id}', method: 'get' }));
    assert.equal(once, withEvent('      - http:\n          path: orders/{id}\n          method: get\n'));
    assert.equal(
      ok(once, trigger('HttpApi', { Path: '/orders', Method: 'POST' })),
      withEvent('      - http:\n          path: orders/{id}\n          method: get\n      - httpApi:\n          path: /orders\n          method: POST\n'),
    );
    assert.match(ok(once, trigger('ApiGatewayRestApi', { path: 'orders', method: 'post' })), /method: get\n {6}- http:\n {10}path: orders\n {10}method: post\n/);
    refused(once, trigger('ApiGatewayRestApi', { path: 'orders/{id}', method: 'get' }), 'WIRE_EXISTS');
  });

  test('an event bus in resources: an eventBridge event naming it by Ref with a placeholder pattern, read back as its trigger', () => {
    const withBus = SERVICE + BUS;
    const out = ok(withBus, trigger('Bus'));
    assert.equal(out, (withEvent('      - eventBridge:\n          eventBus: !Ref Bus\n          pattern:\n            source:\n              - my.app\n') + BUS));
    const edge = openTemplate(out).graph.edges.find((e) => e.source === 'Bus' && e.target === 'worker');
    assert.deepEqual(edge?.kind, 'trigger');
    assert.deepEqual(edge?.sources, [{ via: 'event', path: ['functions', 'worker', 'events', 0, 'eventBridge'], name: 'eventBridge' }]);
    assert.deepEqual(openTemplate(out).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), []);
    refused(out, trigger('Bus'), 'WIRE_EXISTS');
    assert.equal(ok(out, { op: 'disconnect', source: 'Bus', target: 'worker', kind: 'trigger' }), withBus);
    // any other uncurated resource still triggers nothing
    refused(SERVICE + '    Key:\n      Type: AWS::KMS::Key\n', trigger('Key'), 'WIRE_NOT_ALLOWED');
  });

  test('a new Timer drawn on the canvas: a schedule event, read back as a Timer triggering the function', () => {
    const out = ok(SERVICE, { op: 'connect', source: 'Timer1', target: 'worker', kind: 'trigger', newSource: 'timer' });
    assert.equal(out, withEvent('      - schedule: rate(5 minutes)\n'));
    const g = openTemplate(out).graph;
    assert.deepEqual(g.nodes.find((n) => n.kind === 'timer'), { id: 'worker.0', type: 'Cairn::Timer', kind: 'timer', path: ['functions', 'worker', 'events', 0, 'schedule'] });
    assert.deepEqual(g.edges.filter((e) => e.kind === 'trigger').map((e) => `${e.source}->${e.target}`), ['worker.0->worker']);
    // a second one is another schedule; the first stays
    const two = ok(out, { op: 'connect', source: 'Timer2', target: 'worker', kind: 'trigger', newSource: 'timer', properties: { rate: 'cron(0 1 * * ? *)' } });
    assert.equal(two, withEvent('      - schedule: rate(5 minutes)\n      - schedule: cron(0 1 * * ? *)\n'));
    // settings beside the expression need the long form
    const long = ok(out, { op: 'connect', source: 'Timer2', target: 'worker', kind: 'trigger', newSource: 'timer', properties: { rate: 'cron(0 1 * * ? *)', enabled: false } });
    assert.equal(long, withEvent('      - schedule: rate(5 minutes)\n      - schedule:\n          rate: cron(0 1 * * ? *)\n          enabled: false\n'));
    refused(SERVICE, { op: 'connect', source: 'Timer1', target: 'Jobs', kind: 'trigger', newSource: 'timer' }, 'WIRE_NOT_ALLOWED');
    // without newSource, an id that is nothing in the file is still refused
    refused(SERVICE, trigger('Timer1'), 'EDIT_NO_SUCH_RESOURCE');
  });

  test('refusals: an existing wire, a separate API, a non-function target, another provider', () => {
    refused(ok(SERVICE, trigger('Jobs')), trigger('Jobs'), 'WIRE_EXISTS');
    refused(SERVICE, trigger('Api'), 'WIRE_UNSUPPORTED');
    refused(SERVICE, { op: 'connect', source: 'Jobs', target: 'Orders', kind: 'trigger' }, 'WIRE_NOT_ALLOWED');
    refused(SERVICE.replace('name: aws', 'name: azure'), trigger('Jobs'), 'EDIT_UNSUPPORTED_PROVIDER');
  });
});

describe('serverless disconnect: trigger', () => {
  test("removes the source's events and nothing else", () => {
    const two = ok(SERVICE, [trigger('Jobs'), trigger('Alerts')]);
    assert.equal(ok(two, { op: 'disconnect', source: 'Jobs', target: 'worker', kind: 'trigger' }), withEvent('      - sns:\n          arn: !Ref Alerts\n          topicName: Alerts\n'));
    assert.equal(ok(ok(SERVICE, trigger('Jobs')), { op: 'disconnect', source: 'Jobs', target: 'worker', kind: 'trigger' }), SERVICE);
    refused(SERVICE, { op: 'disconnect', source: 'Jobs', target: 'worker', kind: 'trigger' }, 'WIRE_NOT_FOUND');
  });
});
