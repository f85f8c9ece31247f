import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CfnObject } from '../../value.ts';
import { createSpec } from '../../spec/spec.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { unknownResourceType } from './unknownResourceType.ts';

const spec = createSpec(JSON.parse(readFileSync(new URL('../../../../generated/spec.json', import.meta.url), 'utf8')));

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...unknownResourceType.check({ value, format, locate: () => null, spec })];
}
function run(value: CfnObject, format?: RuleContext['format']): string[] {
  return findings(value, format).map((f) => `${formatPath(f.path)} ${f.severity ?? unknownResourceType.severity}`);
}
const res = (Type: string): CfnObject => ({ Resources: { R: { Type } } });

const cases: { name: string; value: CfnObject; format?: RuleContext['format']; expect: string[] }[] = [
  { name: 'known CloudFormation type', value: res('AWS::DynamoDB::Table'), expect: [] },
  { name: 'SAM type', value: res('AWS::Serverless::Function'), expect: [] },
  { name: 'newer SAM type', value: res('AWS::Serverless::Connector'), expect: [] },
  { name: 'Alexa skill', value: res('Alexa::ASK::Skill'), expect: [] },
  { name: 'custom resource', value: res('Custom::Thing'), expect: [] },
  { name: 'registry module', value: res('MyOrg::Net::Vpc::MODULE'), expect: [] },
  { name: 'Rain module file reference', value: res('../../RainModules/bucket.yml'), expect: [] },
  { name: 'typo in an AWS type', value: res('AWS::DynamoDB::Tabel'), expect: ['Resources.R.Type error'] },
  { name: 'unknown AWS type', value: res('AWS::Foo::Bar'), expect: ['Resources.R.Type error'] },
  { name: 'not of the three-part shape', value: res('Lambda'), expect: ['Resources.R.Type error'] },
  { name: 'third-party type: may be registered', value: res('MongoDB::Atlas::Cluster'), expect: ['Resources.R.Type warning'] },
  { name: 'macro transform may define it', value: { Transform: 'S3Objects', ...res('AWS::S3::Object') }, expect: ['Resources.R.Type warning'] },
  { name: 'AWS transforms do not', value: { Transform: ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'], ...res('AWS::S3::Object') }, expect: ['Resources.R.Type error'] },
  { name: 'serverless.yml resources', format: 'serverless', value: { resources: { Resources: { R: { Type: 'AWS::S3::Buckt' } } } }, expect: ['resources.Resources.R.Type error'] },
  { name: 'serverless.yml variables', format: 'serverless', value: { resources: { Resources: { R: { Type: '${self:custom.type}' } } } }, expect: [] },
  { name: 'missing or non-string Type is another rule', value: { Resources: { A: {}, B: { Type: 3 }, C: null } }, expect: [] },
];

for (const c of cases) {
  test(`UNKNOWN_RESOURCE_TYPE: ${c.name}`, () => assert.deepEqual(run(c.value, c.format), c.expect));
}

test('UNKNOWN_RESOURCE_TYPE: suggests the closest type', () => {
  assert.match(findings(res('AWS::DynamoDB::Tabel'))[0]!.message, /Did you mean AWS::DynamoDB::Table\?/);
  assert.match(findings(res('AWS::Lambda::Functions'))[0]!.message, /Did you mean AWS::Lambda::Function\?/);
  assert.match(findings(res('aws::s3::bucket'))[0]!.message, /Did you mean AWS::S3::Bucket\?/);
  assert.doesNotMatch(findings(res('AWS::Foo::Bar'))[0]!.message, /Did you mean/);
});

test('UNKNOWN_RESOURCE_TYPE: nothing without a spec', () => {
  assert.deepEqual([...unknownResourceType.check({ value: res('AWS::Foo::Bar'), format: 'cloudformation', locate: () => null, spec: null })], []);
});
