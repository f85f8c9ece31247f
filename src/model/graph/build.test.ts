import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CfnObject } from '../value.ts';
import { buildGraph } from './build.ts';

const refsOf = (g: ReturnType<typeof buildGraph>) =>
  g.edges.filter((e) => e.kind === 'reference').map((e) => `${e.source}->${e.target} ${e.sources.map((s) => s.path.join('.')).join(',')}`).sort();

const queue = (extra: CfnObject = {}): CfnObject => ({ Type: 'AWS::SQS::Queue', Properties: { ...extra } });

test('references follow an edited definition while untouched definitions are shared between builds', () => {
  const b = queue();
  const c = queue();
  const before: CfnObject = { Resources: { A: queue({ RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['B', 'Arn'] } } }), B: b, C: c } };
  assert.deepEqual(refsOf(buildGraph(before)), ['A->B Resources.A.Properties.RedrivePolicy.deadLetterTargetArn']);
  // the edit a local re-parse makes: a new object for A, the same ones for B and C
  const after: CfnObject = { Resources: { A: queue({ RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['C', 'Arn'] } } }), B: b, C: c } };
  assert.deepEqual(refsOf(buildGraph(after)), ['A->C Resources.A.Properties.RedrivePolicy.deadLetterTargetArn']);
  // and back: nothing stale is kept for A's first object either
  assert.deepEqual(refsOf(buildGraph(before)), ['A->B Resources.A.Properties.RedrivePolicy.deadLetterTargetArn']);
});

test('one definition object under two ids (a YAML alias) gives each id its own references', () => {
  const shared = queue({ Tags: [{ Key: 'peer', Value: { Ref: 'Target' } }] });
  const g = buildGraph({ Resources: { One: shared, Two: shared, Target: queue() } });
  assert.deepEqual(refsOf(g), ['One->Target Resources.One.Properties.Tags.0.Value', 'Two->Target Resources.Two.Properties.Tags.0.Value']);
  // the same object again, ids the other way round
  const g2 = buildGraph({ Resources: { Two: shared, One: shared, Target: queue() } });
  assert.deepEqual(refsOf(g2), refsOf(g));
});
