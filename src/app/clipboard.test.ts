import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../model/edit/apply.ts';
import { openTemplate } from '../model/template.ts';
import { copyResources, pasteEdits } from './clipboard.ts';

const T = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: T\n    Properties:\n      DelaySeconds: 5\n  T:\n    Type: AWS::SNS::Topic\n';

test('copy then paste adds copies under free names, attributes included', () => {
  const t = openTemplate(T);
  const copied = copyResources(t, new Set(['Q', 'Missing']));
  assert.equal(copied.length, 1);
  const { edits, ids } = pasteEdits(copied, new Set(['Q', 'T', 'QCopy']));
  assert.deepEqual(ids, ['QCopy2']);
  const r = applyEdits(T, edits);
  assert.ok(r.ok);
  const v = openTemplate(r.ok ? r.text : '').parsed.value!['Resources'] as Record<string, unknown>;
  assert.deepEqual(v['QCopy2'], { Type: 'AWS::SQS::Queue', DependsOn: 'T', Properties: { DelaySeconds: 5 } });
  assert.ok(r.ok && r.text.startsWith(T), 'the original text is untouched');
});

test('in a serverless.yml, a resource of resources.Resources is copied and pasted there', () => {
  const S = `service: shop
provider:
  name: aws
functions:
  hello:
    handler: index.hello
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties:
        DelaySeconds: 5
`;
  const t = openTemplate(S);
  const copied = copyResources(t, new Set(['Jobs']));
  assert.deepEqual(copied.map((c) => c.id), ['Jobs']);
  const r = applyEdits(S, pasteEdits(copied, new Set(['Jobs', 'hello'])).edits);
  assert.ok(r.ok);
  const v = openTemplate(r.ok ? r.text : '').parsed.value!;
  assert.deepEqual((v['resources'] as { Resources: Record<string, unknown> }).Resources['JobsCopy'], { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 5 } });
});

test('in a serverless.yml, a function is pasted as a new functions entry with its settings, without its events or deployed name', () => {
  const S = `service: shop
provider:
  name: aws
  runtime: nodejs20.x
functions:
  hello:
    handler: src/hello.handler # says hello
    name: shop-hello
    memorySize: 512
    environment:
      QUEUE_URL: !Ref Jobs
    layers:
      - arn:aws:lambda:us-east-1:1:layer:shared:3
    events:
      - sqs:
          arn: !GetAtt Jobs.Arn
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
`;
  const t = openTemplate(S);
  const copied = copyResources(t, new Set(['hello']));
  assert.equal(copied.length, 1);
  const { edits, ids } = pasteEdits(copied, new Set(t.graph.nodes.map((n) => n.id)));
  assert.deepEqual(ids, ['helloCopy']);
  const r = applyEdits(S, edits);
  assert.ok(r.ok, r.ok ? '' : r.diagnostics[0]!.message);
  const after = openTemplate(r.text);
  const fns = after.parsed.value!['functions'] as Record<string, unknown>;
  assert.deepEqual(fns['helloCopy'], {
    handler: 'src/hello.handler',
    memorySize: 512,
    environment: { QUEUE_URL: { Ref: 'Jobs' } },
    layers: ['arn:aws:lambda:us-east-1:1:layer:shared:3'],
  });
  // the original is untouched; the copy is a node with the access its environment gives, and no trigger
  assert.ok(r.text.startsWith(S.slice(0, S.indexOf('resources:'))));
  assert.ok(after.graph.nodes.some((n) => n.id === 'helloCopy' && n.kind === 'function'));
  assert.ok(after.graph.edges.some((e) => e.source === 'helloCopy' && e.target === 'Jobs' && e.kind === 'access'));
  assert.ok(!after.graph.edges.some((e) => e.target === 'helloCopy' && e.kind === 'trigger'));
  // pasted twice, the second copy takes the next free name
  assert.deepEqual(pasteEdits(copied, new Set([...after.graph.nodes.map((n) => n.id)])).ids, ['helloCopy2']);
});
