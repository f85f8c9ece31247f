import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CfnObject } from '../../value.ts';
import { createSpec } from '../../spec/spec.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { unknownAttribute } from './unknownAttribute.ts';

const spec = createSpec(JSON.parse(readFileSync(new URL('../../../../generated/spec.json', import.meta.url), 'utf8')));

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...unknownAttribute.check({ value, format, locate: () => null, spec })];
}
function run(value: CfnObject): string[] {
  return findings(value).map((f) => `${formatPath(f.path)} ${f.severity ?? unknownAttribute.severity}`);
}
const att = (name: string, attr: string): CfnObject => ({ 'Fn::GetAtt': [name, attr] });
/** A template with these resources (id -> Type) and the output values. */
const tpl = (types: Record<string, string>, ...values: CfnObject[]): CfnObject => ({
  Resources: Object.fromEntries(Object.entries(types).map(([id, Type]) => [id, { Type }])),
  Outputs: Object.fromEntries(values.map((v, i) => [`O${i}`, { Value: v }])),
});

const cases: { name: string; value: CfnObject; expect: string[] }[] = [
  { name: 'known attributes', value: tpl({ B: 'AWS::S3::Bucket', Q: 'AWS::SQS::Queue' }, att('B', 'Arn'), att('Q', 'QueueName'), { 'Fn::GetAtt': 'B.DomainName' }), expect: [] },
  { name: 'an unknown attribute', value: tpl({ B: 'AWS::S3::Bucket' }, att('B', 'Name')), expect: ['Outputs.O0.Value warning'] },
  { name: 'attributes are case-sensitive', value: tpl({ B: 'AWS::S3::Bucket' }, att('B', 'arn')), expect: ['Outputs.O0.Value warning'] },
  { name: 'dotted attributes', value: tpl({ D: 'AWS::RDS::DBCluster' }, att('D', 'Endpoint.Address'), att('D', 'MasterUserSecret.SecretArn'), att('D', 'Endpoint.Nope')), expect: ['Outputs.O2.Value warning'] },
  { name: 'in Fn::Sub strings', value: tpl({ B: 'AWS::S3::Bucket' }, { 'Fn::Sub': '${B.Arn}/${B.Nope}' }), expect: ['Outputs.O0.Value warning'] },
  { name: 'nested stack outputs', value: tpl({ S: 'AWS::CloudFormation::Stack', A: 'AWS::Serverless::Application' }, att('S', 'Outputs.Url'), att('A', 'Outputs.Arn'), att('S', 'Url')), expect: ['Outputs.O2.Value warning'] },
  { name: 'custom resources take any attribute', value: tpl({ C: 'Custom::Thing', R: 'AWS::CloudFormation::CustomResource' }, att('C', 'Anything'), att('R', 'Whatever')), expect: [] },
  { name: 'types the spec does not know are another rule', value: tpl({ X: 'AWS::Nope::Thing' }, att('X', 'Arn')), expect: [] },
  { name: 'SAM types, as the spec gives them', value: tpl({ F: 'AWS::Serverless::Function', T: 'AWS::Serverless::SimpleTable', L: 'AWS::Serverless::LayerVersion' }, att('F', 'Arn'), att('T', 'Arn'), att('L', 'Arn')), expect: ['Outputs.O2.Value warning'] },
  { name: 'SAM generated resources', value: { Transform: 'AWS::Serverless-2016-10-31', ...tpl({ F: 'AWS::Serverless::Function' }, att('FRole', 'Arn'), att('FRole', 'Nope')) }, expect: ['Outputs.O1.Value warning'] },
  { name: "SAM's Id.Property references", value: { Transform: 'AWS::Serverless-2016-10-31', Resources: { F: { Type: 'AWS::Serverless::Function', Properties: { AutoPublishAlias: 'live' } } }, Outputs: { O: { Value: { 'Fn::GetAtt': 'F.Alias.Name' } } } }, expect: [] },
  { name: 'attribute given by a function, missing resources: not this rule', value: tpl({ B: 'AWS::S3::Bucket' }, { 'Fn::GetAtt': ['B', { Ref: 'Attr' }] }, att('Nope', 'Arn')), expect: [] },
];

for (const c of cases) {
  test(`UNKNOWN_ATTRIBUTE: ${c.name}`, () => assert.deepEqual(run(c.value), c.expect));
}

test('UNKNOWN_ATTRIBUTE: messages suggest an attribute or list them', () => {
  assert.match(findings(tpl({ B: 'AWS::S3::Bucket' }, att('B', 'Ar')))[0]!.message, /Fn::GetAtt B\.Ar: AWS::S3::Bucket has no attribute Ar \(resource B\)\. Did you mean Arn\?/);
  assert.match(findings(tpl({ Q: 'AWS::SQS::Queue' }, att('Q', 'Zzzzzz')))[0]!.message, /Its attributes: Arn, QueueName, QueueUrl\./);
  assert.match(findings(tpl({ L: 'AWS::Serverless::LayerVersion' }, att('L', 'Arn')))[0]!.message, /has no attributes: use Ref L\./);
});

test('UNKNOWN_ATTRIBUTE: nothing without a spec, nothing for serverless.yml', () => {
  assert.deepEqual([...unknownAttribute.check({ value: tpl({ B: 'AWS::S3::Bucket' }, att('B', 'Nope')), format: 'cloudformation', locate: () => null, spec: null })], []);
  assert.deepEqual(findings({ service: 's', resources: { Resources: { B: { Type: 'AWS::S3::Bucket' } } }, functions: { f: { environment: { X: att('B', 'Nope') } } } }, 'serverless'), []);
});
