import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSpec } from './spec.ts';

test('loadSpec reads generated/spec.json once', () => {
  const spec = loadSpec();
  assert.ok(spec.size >= 1828);
  assert.ok(spec.type('AWS::S3::Bucket')?.attributes.has('Arn'));
  assert.equal(loadSpec(), spec);
});
