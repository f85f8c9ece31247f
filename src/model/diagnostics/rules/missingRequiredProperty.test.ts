import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CfnObject, CfnValue } from '../../value.ts';
import { createSpec } from '../../spec/spec.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { missingRequiredProperty } from './missingRequiredProperty.ts';

const spec = createSpec(JSON.parse(readFileSync(new URL('../../../../generated/spec.json', import.meta.url), 'utf8')));

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...missingRequiredProperty.check({ value, format, locate: () => null, spec })];
}
/** `path missing-property severity` for each finding. */
function run(value: CfnObject): string[] {
  return findings(value).map((f) => {
    const prop = /required property (\w+)/.exec(f.message)?.[1] ?? 'code';
    return `${formatPath(f.path)} ${prop} ${f.severity ?? missingRequiredProperty.severity}`;
  });
}
const res = (Type: string, Properties?: CfnValue, extra: CfnObject = {}): CfnObject => ({
  Resources: { R: Properties === undefined ? { Type, ...extra } : { Type, Properties, ...extra } },
});
const fn = (Properties?: CfnValue, extra?: CfnObject) => res('AWS::Serverless::Function', Properties, extra);

const cases: { name: string; value: CfnObject; expect: string[] }[] = [
  { name: 'all present', value: res('AWS::DynamoDB::Table', { KeySchema: [] }), expect: [] },
  { name: 'DynamoDB table without KeySchema', value: res('AWS::DynamoDB::Table', { TableName: 't' }), expect: ['Resources.R.Properties KeySchema error'] },
  { name: 'no Properties at all', value: res('AWS::Lambda::Function'), expect: ['Resources.R Code error', 'Resources.R Role error'] },
  { name: 'empty Properties', value: res('AWS::Lambda::Function', null), expect: ['Resources.R Code error', 'Resources.R Role error'] },
  { name: 'nothing required', value: res('AWS::S3::Bucket'), expect: [] },
  { name: 'Properties computed by Fn::If', value: res('AWS::Lambda::Function', { 'Fn::If': ['C', {}, {}] }), expect: [] },
  { name: 'Fn::Transform may add properties', value: res('AWS::Lambda::Function', { 'Fn::Transform': { Name: 'AWS::Include' } }), expect: [] },
  { name: 'a null value counts as written', value: res('AWS::DynamoDB::Table', { KeySchema: null }), expect: [] },
  { name: 'custom resources need ServiceToken', value: res('Custom::Thing', { Foo: 1 }), expect: ['Resources.R.Properties ServiceToken error'] },
  { name: 'custom resource with ServiceToken', value: res('AWS::CloudFormation::CustomResource', { ServiceToken: 'arn' }), expect: [] },
  { name: 'unknown type is another rule', value: res('AWS::Foo::Bar'), expect: [] },
  { name: 'SAM API needs StageName', value: res('AWS::Serverless::Api', { DefinitionUri: 'x' }), expect: ['Resources.R.Properties StageName error'] },
  { name: 'SAM layer needs ContentUri', value: res('AWS::Serverless::LayerVersion', {}), expect: ['Resources.R.Properties ContentUri error'] },
  { name: 'SAM function with CodeUri', value: fn({ CodeUri: 'src/', Handler: 'h', Runtime: 'r' }), expect: [] },
  { name: 'SAM function with InlineCode', value: fn({ InlineCode: 'x', Handler: 'h', Runtime: 'r' }), expect: [] },
  { name: 'SAM function with ImageUri', value: fn({ ImageUri: 'repo:tag', PackageType: 'Image' }), expect: [] },
  { name: 'SAM function without code', value: fn({ Handler: 'h', Runtime: 'r' }), expect: ['Resources.R.Properties code warning'] },
  { name: 'SAM function without Properties', value: fn(), expect: ['Resources.R code warning'] },
  { name: 'SAM image function built by sam build', value: fn({ PackageType: 'Image' }, { Metadata: { Dockerfile: 'Dockerfile', DockerContext: '.' } }), expect: [] },
  { name: 'SAM function code from Globals', value: { Globals: { Function: { CodeUri: 's3://b/k.zip' } }, ...fn({ Handler: 'h', Runtime: 'r' }) }, expect: [] },
  { name: 'Globals ignored entirely', value: { Globals: { Function: { CodeUri: 'src/' } }, ...fn({ Handler: 'h' }, { IgnoreGlobals: '*' }) }, expect: ['Resources.R.Properties code warning'] },
  { name: 'Globals ignored for that property', value: { Globals: { Function: { CodeUri: 'src/' } }, ...fn({ Handler: 'h' }, { IgnoreGlobals: ['CodeUri'] }) }, expect: ['Resources.R.Properties code warning'] },
  { name: 'Globals of another section do not count', value: { Globals: { Api: { CodeUri: 'src/' } }, ...fn({ Handler: 'h' }) }, expect: ['Resources.R.Properties code warning'] },
  { name: 'WebSocket API RouteSelectionExpression from Globals', value: { Globals: { WebSocketApi: { RouteSelectionExpression: '$request.body.action' } }, ...res('AWS::Serverless::WebSocketApi', { Routes: {} }) }, expect: [] },
  { name: 'Globals do not apply to CloudFormation types', value: { Globals: { Function: { Code: {}, Role: 'r' } }, ...res('AWS::Lambda::Function', {}) }, expect: ['Resources.R.Properties Code error', 'Resources.R.Properties Role error'] },
  { name: 'under a macro transform: warning', value: { Transform: 'ExecutionRoleBuilder', ...res('AWS::IAM::Role', { Permissions: [] }) }, expect: ['Resources.R.Properties AssumeRolePolicyDocument warning'] },
];

for (const c of cases) {
  test(`MISSING_REQUIRED_PROPERTY: ${c.name}`, () => assert.deepEqual(run(c.value), c.expect));
}

test('MISSING_REQUIRED_PROPERTY: points at the Properties key and names the property', () => {
  const [f] = findings(res('AWS::DynamoDB::Table', {}));
  assert.equal(f!.atKey, true);
  assert.equal(f!.message, 'AWS::DynamoDB::Table R is missing required property KeySchema.');
});

test('MISSING_REQUIRED_PROPERTY: serverless.yml and a missing spec are skipped', () => {
  assert.deepEqual(findings({ resources: { Resources: { R: { Type: 'AWS::DynamoDB::Table' } } } }, 'serverless'), []);
  assert.deepEqual([...missingRequiredProperty.check({ value: res('AWS::DynamoDB::Table'), format: 'cloudformation', locate: () => null, spec: null })], []);
});
