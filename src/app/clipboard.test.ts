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

test('in a serverless.yml, a resource of resources.Resources is copied and pasted there; a function is not copied', () => {
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
  const copied = copyResources(t, new Set(['Jobs', 'hello']));
  assert.deepEqual(copied.map((c) => c.id), ['Jobs']);
  const r = applyEdits(S, pasteEdits(copied, new Set(['Jobs', 'hello'])).edits);
  assert.ok(r.ok);
  const v = openTemplate(r.ok ? r.text : '').parsed.value!;
  assert.deepEqual((v['resources'] as { Resources: Record<string, unknown> }).Resources['JobsCopy'], { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 5 } });
});
