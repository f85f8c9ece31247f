import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CfnObject, CfnValue } from '../../value.ts';
import { createSpec } from '../../spec/spec.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { unknownProperty } from './unknownProperty.ts';

const spec = createSpec(JSON.parse(readFileSync(new URL('../../../../generated/spec.json', import.meta.url), 'utf8')));

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...unknownProperty.check({ value, format, locate: () => null, spec })];
}
function run(value: CfnObject): string[] {
  return findings(value).map((f) => `${formatPath(f.path)}${f.atKey ? ' (key)' : ''} ${f.severity ?? unknownProperty.severity}`);
}
const res = (Type: string, Properties: CfnValue): CfnObject => ({ Resources: { R: { Type, Properties } } });

const cases: { name: string; value: CfnObject; expect: string[] }[] = [
  { name: 'known properties', value: res('AWS::S3::Bucket', { BucketName: 'b', Tags: [] }), expect: [] },
  { name: 'unknown property', value: res('AWS::S3::Bucket', { Name: 'b' }), expect: ['Resources.R.Properties.Name (key) error'] },
  { name: 'several', value: res('AWS::SQS::Queue', { QueueName: 'q', Foo: 1, Bar: 2 }), expect: ['Resources.R.Properties.Foo (key) error', 'Resources.R.Properties.Bar (key) error'] },
  { name: 'property names are case-sensitive', value: res('AWS::S3::Bucket', { bucketName: 'b' }), expect: ['Resources.R.Properties.bucketName (key) error'] },
  { name: 'SAM function properties, old and new', value: res('AWS::Serverless::Function', { Handler: 'h', Runtime: 'r', CodeUri: '.', Events: {}, Policies: [], Environment: {}, LoggingConfig: {}, SnapStart: {} }), expect: [] },
  { name: 'SAM HTTP API spells AccessLogSettings', value: res('AWS::Serverless::HttpApi', { AccessLogSettings: {} }), expect: [] },
  { name: 'Properties computed by Fn::If', value: res('AWS::S3::Bucket', { 'Fn::If': ['C', { Foo: 1 }, { Bar: 2 }] }), expect: [] },
  { name: 'Fn::Transform and Fn::ForEach keys inside Properties', value: res('AWS::S3::Bucket', { 'Fn::Transform': { Name: 'AWS::Include' }, 'Fn::ForEach::X': [] }), expect: [] },
  { name: 'custom resources take anything', value: { Resources: { A: { Type: 'Custom::X', Properties: { ServiceToken: 'arn', Anything: 1 } }, B: { Type: 'AWS::CloudFormation::CustomResource', Properties: { Foo: 1 } } } }, expect: [] },
  { name: 'unknown type is another rule', value: res('AWS::Foo::Bar', { Foo: 1 }), expect: [] },
  { name: 'no Properties / not a map', value: { Resources: { A: { Type: 'AWS::S3::Bucket' }, B: { Type: 'AWS::S3::Bucket', Properties: 'x' } } }, expect: [] },
  { name: 'under a macro transform: warning', value: { Transform: 'ExecutionRoleBuilder', ...res('AWS::IAM::Role', { Permissions: [] }) }, expect: ['Resources.R.Properties.Permissions (key) warning'] },
];

for (const c of cases) {
  test(`UNKNOWN_PROPERTY: ${c.name}`, () => assert.deepEqual(run(c.value), c.expect));
}

test('UNKNOWN_PROPERTY: suggests the closest property', () => {
  assert.match(findings(res('AWS::S3::Bucket', { BuckeName: 'b' }))[0]!.message, /AWS::S3::Bucket has no property BuckeName.*Did you mean BucketName\?/);
  assert.match(findings(res('AWS::Lambda::Function', { runtime: 'x' }))[0]!.message, /Did you mean Runtime\?/);
  assert.doesNotMatch(findings(res('AWS::S3::Bucket', { Zzz: 1 }))[0]!.message, /Did you mean/);
});

test('UNKNOWN_PROPERTY: serverless.yml resources are checked', () => {
  const f = findings({ resources: { Resources: { R: { Type: 'AWS::S3::Bucket', Properties: { Nme: 'x' } } } } }, 'serverless');
  assert.deepEqual(f.map((x) => formatPath(x.path)), ['resources.Resources.R.Properties.Nme']);
});

test('UNKNOWN_PROPERTY: nothing without a spec', () => {
  assert.deepEqual([...unknownProperty.check({ value: res('AWS::S3::Bucket', { Foo: 1 }), format: 'cloudformation', locate: () => null, spec: null })], []);
});
