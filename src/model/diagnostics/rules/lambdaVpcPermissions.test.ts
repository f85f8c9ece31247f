import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { lambdaVpcPermissions } from './lambdaVpcPermissions.ts';

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...lambdaVpcPermissions.check({ value, format, locate: () => null, spec: null })];
}
function run(value: CfnObject, format: RuleContext['format'] = 'cloudformation'): string[] {
  return findings(value, format).map((f) => `${formatPath(f.path)}${f.atKey ? ' (key)' : ''} ${f.severity ?? lambdaVpcPermissions.severity}`);
}

const VPC = { SubnetIds: [{ Ref: 'S' }], SecurityGroupIds: [{ Ref: 'G' }] };
const fn = (props: CfnObject, type = 'AWS::Lambda::Function'): CfnObject => ({ Type: type, Properties: { Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, VpcConfig: VPC, ...props } });
const role = (props: CfnObject = {}): CfnObject => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ...props } });
const doc = (Action: CfnValue, Effect = 'Allow'): CfnObject => ({ Version: '2012-10-17', Statement: [{ Effect, Action, Resource: '*' }] });
const VPC_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole';
const AT = 'Resources.Fn.Properties.VpcConfig (key)';

const cases: { name: string; value: CfnObject; format?: RuleContext['format']; expect: string[] }[] = [
  { name: 'a role without the policy', value: { Resources: { Fn: fn({}), Role: role({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] }) } }, expect: [`${AT} warning`] },
  { name: 'a SAM function naming its own role is the same', value: { Resources: { Fn: fn({}, 'AWS::Serverless::Function'), Role: role() } }, expect: [`${AT} warning`] },
  { name: 'the managed policy', value: { Resources: { Fn: fn({}), Role: role({ ManagedPolicyArns: [VPC_ARN] }) } }, expect: [] },
  { name: 'the managed policy through Sub', value: { Resources: { Fn: fn({}), Role: role({ ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole' }] }) } }, expect: [] },
  { name: 'an inline statement for the network interfaces', value: { Resources: { Fn: fn({}), Role: role({ Policies: [{ PolicyName: 'eni', PolicyDocument: doc(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface']) }] }) } }, expect: [] },
  { name: 'a Deny does not count', value: { Resources: { Fn: fn({}), Role: role({ Policies: [{ PolicyName: 'eni', PolicyDocument: doc('ec2:*', 'Deny') }] }) } }, expect: [`${AT} warning`] },
  { name: 'an IAM policy attached to the role', value: { Resources: { Fn: fn({}), Role: role(), P: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: [{ Ref: 'Role' }], PolicyDocument: doc('ec2:*') } } } }, expect: [] },
  { name: 'a template managed policy in ManagedPolicyArns', value: { Resources: { Fn: fn({}), Role: role({ ManagedPolicyArns: [{ Ref: 'M' }] }), M: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: doc('ec2:CreateNetworkInterface') } } } }, expect: [] },
  { name: 'a policy ARN from a parameter may be the one', value: { Resources: { Fn: fn({}), Role: role({ ManagedPolicyArns: [{ Ref: 'PolicyArn' }] }) } }, expect: [] },
  { name: 'a role outside the template: noted', value: { Resources: { Fn: fn({ Role: 'arn:aws:iam::123456789012:role/app' }) } }, expect: [`${AT} info`] },
  { name: 'a SAM function without a role: SAM adds the policy', value: { Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'i.h', VpcConfig: VPC } } } }, expect: [] },
  { name: 'no VpcConfig', value: { Resources: { Fn: fn({ VpcConfig: undefined as unknown as CfnValue }), Role: role() } }, expect: [] },
  { name: 'serverless.yml is not checked', format: 'serverless', value: { service: 's', resources: { Resources: { Fn: fn({}), Role: role() } } }, expect: [] },
];

for (const c of cases) {
  test(`LAMBDA_VPC_PERMISSIONS: ${c.name}`, () => assert.deepEqual(run(JSON.parse(JSON.stringify(c.value)) as CfnObject, c.format), c.expect));
}

test('LAMBDA_VPC_PERMISSIONS: the message names the role and the fix', () => {
  const [f] = findings({ Resources: { Fn: fn({}), Role: role() } });
  assert.match(f!.message, /Fn runs in a VPC, but its role Role does not allow creating network interfaces.*Add arn:aws:iam::aws:policy\/service-role\/AWSLambdaVPCAccessExecutionRole to the ManagedPolicyArns of Role\./);
});
