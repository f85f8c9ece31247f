import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CfnObject } from '../../value.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { resourceMissingType } from './resourceMissingType.ts';

function run(value: CfnObject, format: RuleContext['format'] = 'cloudformation'): string[] {
  const ctx: RuleContext = { value, format, locate: () => null, spec: null };
  return [...resourceMissingType.check(ctx)].map((f) => `${formatPath(f.path)}${f.atKey ? ' (key)' : ''}`);
}

const cases: { name: string; value: CfnObject; format?: RuleContext['format']; expect: string[] }[] = [
  { name: 'typed resources pass', value: { Resources: { A: { Type: 'AWS::S3::Bucket' }, B: { Type: 'Custom::X' } } }, expect: [] },
  { name: 'no Type', value: { Resources: { A: { Properties: {} } } }, expect: ['Resources.A (key)'] },
  { name: 'null Type', value: { Resources: { A: { Type: null } } }, expect: ['Resources.A (key)'] },
  { name: 'empty Type', value: { Resources: { A: { Type: '  ' } } }, expect: ['Resources.A.Type'] },
  { name: 'resource is not a map', value: { Resources: { A: null, B: 'AWS::S3::Bucket' } }, expect: ['Resources.A (key)', 'Resources.B (key)'] },
  { name: 'Type is a number', value: { Resources: { A: { Type: 3 } } }, expect: ['Resources.A.Type'] },
  { name: 'Type is a function', value: { Resources: { A: { Type: { Ref: 'T' } } } }, expect: ['Resources.A.Type'] },
  { name: 'Type is a list', value: { Resources: { A: { Type: ['AWS::S3::Bucket'] } } }, expect: ['Resources.A.Type'] },
  { name: 'pre-processor tag (Rain module, JSON form)', value: { Resources: { A: { Type: { 'Rain::Module': 'bucket.yml' } } } }, expect: [] },
  { name: 'Fn::ForEach loops are not resources', value: { Resources: { 'Fn::ForEach::Topics': ['T', ['a'], { 'Topic${T}': { Type: 'AWS::SNS::Topic' } }] } }, expect: [] },
  { name: 'no Resources at all', value: { Parameters: {} }, expect: [] },
  { name: 'Resources not a map', value: { Resources: [] }, expect: [] },
  { name: 'serverless.yml overrides are skipped', format: 'serverless', value: { resources: { Resources: { HelloLambdaFunction: { Properties: { Timeout: 3 } } } } }, expect: [] },
];

for (const c of cases) {
  test(`RESOURCE_MISSING_TYPE: ${c.name}`, () => assert.deepEqual(run(c.value, c.format), c.expect));
}

test('RESOURCE_MISSING_TYPE: message names the resource', () => {
  const [f] = resourceMissingType.check({ value: { Resources: { Bucket: {} } }, format: 'cloudformation', locate: () => null, spec: null });
  assert.match(f!.message, /Bucket has no Type/);
});
