import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { danglingReference } from './danglingReference.ts';

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...danglingReference.check({ value, format, locate: () => null, spec: null })];
}
function run(value: CfnObject): string[] {
  return findings(value).map((f) => `${formatPath(f.path)} ${f.severity ?? danglingReference.severity}`);
}
const ref = (name: string): CfnObject => ({ Ref: name });
const att = (name: string, attr: string): CfnObject => ({ 'Fn::GetAtt': [name, attr] });
const sub = (s: CfnValue): CfnObject => ({ 'Fn::Sub': s });
const bucket = (props: CfnObject = {}, extra: CfnObject = {}): CfnObject => ({ Type: 'AWS::S3::Bucket', Properties: props, ...extra });
const SAM = 'AWS::Serverless-2016-10-31';
const fn = (props: CfnObject = {}): CfnObject => ({ Type: 'AWS::Serverless::Function', Properties: { Handler: 'h', Runtime: 'r', CodeUri: '.', ...props } });
/** A SAM template whose `Out` output is `value`. */
const samOut = (resources: CfnObject, value: CfnValue, extra: CfnObject = {}): CfnObject => ({ Transform: SAM, Resources: resources, Outputs: { Out: { Value: value } }, ...extra });

const cases: { name: string; value: CfnObject; expect: string[] }[] = [
  {
    name: 'Refs to resources, parameters and pseudo parameters',
    value: {
      Parameters: { Env: { Type: 'String' } },
      Resources: { A: bucket(), B: bucket({ BucketName: sub('${Env}-${AWS::Region}-${A}'), Tags: [{ Key: 'k', Value: ref('AWS::StackName') }] }, { DependsOn: 'A' }) },
      Outputs: { O: { Value: ref('Env') }, P: { Value: att('A', 'Arn') } },
    },
    expect: [],
  },
  { name: 'Ref to a missing name', value: { Resources: { A: bucket({ BucketName: ref('Nope') }) } }, expect: ['Resources.A.Properties.BucketName error'] },
  { name: 'Ref to an unknown pseudo parameter', value: { Resources: { A: bucket({ BucketName: ref('AWS::Regoin') }) } }, expect: ['Resources.A.Properties.BucketName error'] },
  { name: 'GetAtt to a missing resource', value: { Resources: { A: bucket() }, Outputs: { O: { Value: att('B', 'Arn') } } }, expect: ['Outputs.O.Value error'] },
  { name: 'GetAtt in its string form', value: { Resources: { A: bucket() }, Outputs: { O: { Value: { 'Fn::GetAtt': 'B.Arn' } }, P: { Value: { 'Fn::GetAtt': 'A.Arn' } } } }, expect: ['Outputs.O.Value error'] },
  { name: 'GetAtt to a parameter', value: { Parameters: { P: { Type: 'String' } }, Resources: { A: bucket({ BucketName: att('P', 'Arn') }) } }, expect: ['Resources.A.Properties.BucketName error'] },
  { name: 'Ref in a list and in Fn::If branches', value: { Conditions: { C: { 'Fn::Equals': ['a', 'b'] } }, Resources: { A: bucket({ Tags: [ref('X'), { 'Fn::If': ['C', ref('Y'), ref('AWS::NoValue')] }] }) } }, expect: ['Resources.A.Properties.Tags[0] error', 'Resources.A.Properties.Tags[1].Fn::If[1] error'] },
  {
    name: 'Sub: missing names; pseudo parameters, ${!Literal} and local variables are fine',
    value: { Resources: { A: bucket({ BucketName: sub('${AWS::AccountId}-${!Literal}-${Missing}'), Tags: [sub(['${Local}-${A.Arn}', { Local: 'x' }])] }) } },
    expect: ['Resources.A.Properties.BucketName error'],
  },
  { name: 'Sub: ${Name.Attr} of a missing resource', value: { Resources: { A: bucket({ BucketName: sub('${B.Arn}') }) } }, expect: ['Resources.A.Properties.BucketName error'] },
  { name: 'Sub: variables in the map are checked too', value: { Resources: { A: bucket({ BucketName: sub(['${X}', { X: ref('Gone') }]) }) } }, expect: ['Resources.A.Properties.BucketName.Fn::Sub[1].X error'] },
  { name: 'DependsOn, string and list', value: { Resources: { A: bucket({}, { DependsOn: 'Z' }), B: bucket({}, { DependsOn: ['A', 'Y'] }) } }, expect: ['Resources.A.DependsOn error', 'Resources.B.DependsOn[1] error'] },
  { name: 'DependsOn a parameter', value: { Parameters: { P: { Type: 'String' } }, Resources: { A: bucket({}, { DependsOn: 'P' }) } }, expect: ['Resources.A.DependsOn error'] },
  {
    name: 'conditions: on resources, outputs, in Fn::If and in condition functions',
    value: {
      Conditions: { C: { 'Fn::Equals': ['a', 'b'] }, D: { 'Fn::And': [{ Condition: 'C' }, { Condition: 'Nope1' }] }, E: { 'Fn::Not': [{ Condition: 'Nope2' }] } },
      Resources: { A: bucket({ BucketName: { 'Fn::If': ['Nope3', 'a', 'b'] } }, { Condition: 'Nope4' }), B: bucket({}, { Condition: 'C' }) },
      Outputs: { O: { Value: 'x', Condition: 'Nope5' } },
    },
    expect: ['Resources.A.Properties.BucketName error', 'Resources.A.Condition error', 'Outputs.O.Condition error', 'Conditions.D.Fn::And[1] error', 'Conditions.E.Fn::Not[0] error'],
  },
  {
    name: 'an IAM Condition block is not a condition name',
    value: { Resources: { P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:x': 'y' } } }] } } } } },
    expect: [],
  },
  { name: 'Rules may Ref parameters', value: { Parameters: { P: { Type: 'String' } }, Rules: { R: { Assertions: [{ Assert: { 'Fn::Contains': [['a'], ref('P')] } }, { Assert: ref('Q') }] } } }, expect: ['Rules.R.Assertions[1].Assert error'] },
  { name: 'top-level Metadata is not resolved', value: { Metadata: { X: ref('Nothing') }, Resources: {} }, expect: [] },
  // SAM's generated resources
  { name: 'SAM: a function role', value: samOut({ F: fn() }, att('FRole', 'Arn')), expect: [] },
  { name: 'SAM: no role is generated when Role is given', value: samOut({ F: fn({ Role: 'arn:aws:iam::1:role/r' }) }, att('FRole', 'Arn')), expect: ['Outputs.Out.Value error'] },
  { name: 'SAM: F.Version and F.Alias with AutoPublishAlias', value: samOut({ F: fn({ AutoPublishAlias: 'live' }) }, [ref('F.Version'), ref('F.Alias'), ref('FAliaslive')]), expect: [] },
  { name: 'SAM: AutoPublishAlias from Globals', value: samOut({ F: fn() }, ref('F.Version'), { Globals: { Function: { AutoPublishAlias: 'live' } } }), expect: [] },
  { name: 'SAM: F.Version without AutoPublishAlias', value: samOut({ F: fn() }, ref('F.Version')), expect: ['Outputs.Out.Value error'] },
  { name: 'SAM: the alias takes its name', value: samOut({ F: fn({ AutoPublishAlias: 'live' }) }, ref('FAliasprod')), expect: ['Outputs.Out.Value error'] },
  {
    name: 'SAM: the implicit API of Api events, its stage and the event permission',
    value: samOut({ F: fn({ Events: { Get: { Type: 'Api', Properties: { Path: '/', Method: 'get' } } } }) }, [ref('ServerlessRestApi'), ref('ServerlessRestApiProdStage'), ref('ServerlessRestApi.Stage'), att('FGetPermissionProd', 'Arn')]),
    expect: [],
  },
  { name: 'SAM: no implicit API without Api events', value: samOut({ F: fn() }, ref('ServerlessRestApi')), expect: ['Outputs.Out.Value error'] },
  { name: 'SAM: no implicit API when the event names one', value: samOut({ F: fn({ Events: { Get: { Type: 'Api', Properties: { RestApiId: ref('A') } } } }), A: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'v1' } } }, [ref('ServerlessRestApi')]), expect: ['Outputs.Out.Value[0] error'] },
  { name: 'SAM: an explicit API stage and deployment', value: samOut({ A: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'v1' } } }, [ref('Av1Stage'), ref('A.Stage'), ref('A.Deployment'), ref('AprodStage')]), expect: ['Outputs.Out.Value[3] error'] },
  { name: 'SAM: the HTTP API default stage', value: samOut({ H: { Type: 'AWS::Serverless::HttpApi' }, F: fn({ Events: { E: { Type: 'HttpApi' } } }) }, [ref('HApiGatewayDefaultStage'), ref('ServerlessHttpApi'), ref('ServerlessHttpApiApiGatewayDefaultStage')]), expect: [] },
  { name: 'SAM: usage plan references need Auth.UsagePlan', value: samOut({ A: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'p', Auth: { UsagePlan: { CreateUsagePlan: 'PER_API' } } } }, B: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'p' } } }, [ref('A.UsagePlan'), ref('B.UsagePlan')]), expect: ['Outputs.Out.Value[1] error'] },
  { name: 'SAM: event resources of a function', value: samOut({ F: fn({ Events: { Nightly: { Type: 'Schedule', Properties: { Schedule: 'rate(1 day)' } } } }) }, [ref('FNightly'), ref('FNightlyPermission'), ref('FDaily')]), expect: ['Outputs.Out.Value[2] error'] },
  { name: 'SAM: a state machine role and its event roles', value: samOut({ S: { Type: 'AWS::Serverless::StateMachine', Properties: { Events: { Tick: { Type: 'Schedule' } } } } }, [att('SRole', 'Arn'), ref('STickRole'), ref('STick')]), expect: [] },
  { name: 'SAM: embedded connectors', value: samOut({ Q: { Type: 'AWS::SQS::Queue', Connectors: { Conn: { Properties: {} } } } }, [ref('QConnPolicy')]), expect: [] },
  { name: 'SAM: generated ids are not accepted without SAM', value: { Resources: { F: { Type: 'AWS::Lambda::Function' } }, Outputs: { O: { Value: att('FRole', 'Arn') } } }, expect: ['Outputs.O.Value error'] },
  { name: 'SAM: Globals are checked', value: { Transform: SAM, Globals: { Function: { Environment: { Variables: { T: ref('Missing') } } } }, Resources: {} }, expect: ['Globals.Function.Environment.Variables.T error'] },
  // Things that may define names
  { name: 'a macro transform: warning', value: { Transform: 'MyMacro', Resources: { A: bucket({ BucketName: ref('Made') }) } }, expect: ['Resources.A.Properties.BucketName warning'] },
  { name: 'an Fn::Transform include in Resources: warning', value: { Resources: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } }, A: bucket({ BucketName: ref('Made') }) } }, expect: ['Resources.A.Properties.BucketName warning'] },
  { name: 'an Fn::Transform inside a property adds no names', value: { Resources: { A: bucket({ BucketName: ref('Made'), Tags: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } } }) } }, expect: ['Resources.A.Properties.BucketName error'] },
  {
    name: 'Fn::ForEach: loop identifiers and the ids the loop makes',
    value: {
      Transform: 'AWS::LanguageExtensions',
      Resources: { 'Fn::ForEach::Topics': ['Name', ['A', 'B'], { 'Topic${Name}': { Type: 'AWS::SNS::Topic', Properties: { TopicName: ref('Name') } } }] },
      Outputs: { O: { Value: ref('TopicA') }, P: { Value: ref('Queue') } },
    },
    expect: ['Outputs.P.Value error'],
  },
  {
    name: 'Fn::ForEach: a computed GetAtt target is read too',
    value: { Resources: { 'Fn::ForEach::Q': ['N', ['A'], { 'Q${N}': { Type: 'AWS::SQS::Queue', Properties: { Tags: [att('x', 'y'), { 'Fn::GetAtt': [{ 'Fn::Sub': 'Q${N}' }, 'Arn'] }, { 'Fn::GetAtt': [{ 'Fn::Sub': '${Missing}' }, 'Arn'] }] } } }] } },
    expect: ['Resources.Fn::ForEach::Q[2].Q${N}.Properties.Tags[0] error', 'Resources.Fn::ForEach::Q[2].Q${N}.Properties.Tags[2].Fn::GetAtt[0] error'],
  },
  { name: 'a module makes ids prefixed by its own', value: { Resources: { Net: { Type: 'Org::Net::Vpc::MODULE' }, Web: { Type: '../modules/web.yml' }, A: bucket({ BucketName: ref('NetVPC'), Tags: [att('WebBucket', 'Arn'), ref('Net')] }) } }, expect: [] },
];

for (const c of cases) {
  test(`DANGLING_REFERENCE: ${c.name}`, () => assert.deepEqual(run(c.value), c.expect));
}

test('DANGLING_REFERENCE: messages say what is missing and suggest a close name', () => {
  const [a] = findings({ Parameters: { BucketName: { Type: 'String' } }, Resources: { A: bucket({ BucketName: ref('BucketNme') }) } });
  assert.match(a!.message, /Ref BucketNme names BucketNme, which is not a resource, parameter or pseudo parameter.*Did you mean BucketName\?/);
  const [b] = findings({ Resources: { A: bucket({ BucketName: ref('AWS::Regoin') }) } });
  assert.match(b!.message, /AWS::Regoin is not a pseudo parameter\. Did you mean AWS::Region\?/);
  const [c] = findings({ Parameters: { P: { Type: 'String' } }, Resources: { A: bucket({ BucketName: att('P', 'Arn') }) } });
  assert.match(c!.message, /names parameter P: attributes belong to resources\. Use Ref P/);
  const [d] = findings({ Resources: { A: bucket({ BucketName: sub('${Nope}') }) } });
  assert.match(d!.message, /\$\{Nope\} in Fn::Sub names Nope.*escape it as \$\{!Nope\}/);
  const [e] = findings({ Conditions: { IsProd: { 'Fn::Equals': ['a', 'b'] } }, Resources: { A: bucket({}, { Condition: 'IsProdd' }) } });
  assert.match(e!.message, /Resource A has Condition IsProdd, which is not defined in Conditions\. Did you mean IsProd\?/);
  const [f] = findings(samOut({ F: fn() }, ref('F.Version')));
  assert.match(f!.message, /SAM defines F\.Version only when F has AutoPublishAlias/);
  const [g] = findings({ Resources: { A: bucket() }, Outputs: { O: { Value: ref('A.Arn') } } });
  assert.match(g!.message, /Ref takes a logical id: for an attribute use Fn::GetAtt A\.Arn/);
  const [h] = findings({ Transform: 'MyMacro', Resources: { A: bucket({ BucketName: ref('Made') }) } });
  assert.match(h!.message, /transform MyMacro runs first and may define it/);
});

test('DANGLING_REFERENCE: serverless.yml is skipped', () => {
  assert.deepEqual(findings({ service: 's', provider: {}, resources: { Resources: { A: bucket({ BucketName: ref('Nope') }) } } }, 'serverless'), []);
});
