import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { wildcardResource } from './wildcardResource.ts';

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...wildcardResource.check({ value, format, locate: () => null, spec: null })];
}
function run(value: CfnObject, format: RuleContext['format'] = 'cloudformation'): string[] {
  return findings(value, format).map((f) => `${formatPath(f.path)} ${f.severity ?? wildcardResource.severity}`);
}
const allow = (Action: CfnValue, Resource: CfnValue, extra: CfnObject = {}): CfnObject => ({ Effect: 'Allow', Action, Resource, ...extra });
const doc = (...Statement: CfnObject[]): CfnObject => ({ Version: '2012-10-17', Statement });
const res = (Type: string, Properties: CfnObject): CfnObject => ({ Resources: { R: { Type, Properties } } });
const role = (...statements: CfnObject[]): CfnObject =>
  res('AWS::IAM::Role', {
    AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }),
    Policies: [{ PolicyName: 'p', PolicyDocument: doc(...statements) }],
  });
const TABLE = { 'Fn::GetAtt': ['T', 'Arn'] };

const cases: { name: string; value: CfnObject; format?: RuleContext['format']; expect: string[] }[] = [
  { name: 'scoped statements', value: role(allow(['dynamodb:GetItem'], TABLE), allow('s3:GetObject', ['arn:aws:s3:::b/*'])), expect: [] },
  { name: 'Resource * (string)', value: role(allow('dynamodb:GetItem', '*')), expect: ['Resources.R.Properties.Policies[0].PolicyDocument.Statement[0].Resource warning'] },
  { name: 'Resource * in a list', value: role(allow(['s3:GetObject'], [TABLE, '*'])), expect: ['Resources.R.Properties.Policies[0].PolicyDocument.Statement[0].Resource[1] warning'] },
  { name: 'Action * (one finding, at the action)', value: role(allow('*', '*'), allow(['s3:GetObject', '*'], TABLE)), expect: ['Resources.R.Properties.Policies[0].PolicyDocument.Statement[0].Action warning', 'Resources.R.Properties.Policies[0].PolicyDocument.Statement[1].Action[1] warning'] },
  { name: 'service wildcards are not Action *', value: role(allow('s3:*', TABLE)), expect: [] },
  { name: 'Deny statements are fine', value: role({ Effect: 'Deny', Action: '*', Resource: '*' }), expect: [] },
  { name: 'AssumeRolePolicyDocument is not a permission policy', value: role(), expect: [] },
  { name: 'actions that only work on *', value: role(allow(['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], '*'), allow(['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface'], '*'), allow('cloudwatch:PutMetricData', '*'), allow('EC2:DescribeInstances', '*')), expect: [] },
  { name: 'one scopable action among them', value: role(allow(['xray:PutTraceSegments', 'logs:CreateLogGroup'], '*')), expect: ['Resources.R.Properties.Policies[0].PolicyDocument.Statement[0].Resource warning'] },
  { name: 'a single statement, not in a list', value: res('AWS::IAM::Policy', { PolicyName: 'p', PolicyDocument: { Statement: allow('sqs:SendMessage', '*') } }), expect: ['Resources.R.Properties.PolicyDocument.Statement.Resource warning'] },
  { name: 'managed policy', value: res('AWS::IAM::ManagedPolicy', { PolicyDocument: doc(allow('sns:Publish', '*')) }), expect: ['Resources.R.Properties.PolicyDocument.Statement[0].Resource warning'] },
  { name: 'statements in Fn::If', value: role({ 'Fn::If': ['C', allow('sns:Publish', '*'), { Ref: 'AWS::NoValue' }] }), expect: ['Resources.R.Properties.Policies[0].PolicyDocument.Statement[0].Fn::If[1].Resource warning'] },
  {
    name: 'SAM function: inline statements, not policy templates or managed policies',
    value: res('AWS::Serverless::Function', { Policies: ['AWSLambdaExecute', { SQSPollerPolicy: { QueueName: 'q' } }, { Statement: [allow('dynamodb:*', '*')] }] }),
    expect: ['Resources.R.Properties.Policies[2].Statement[0].Resource warning'],
  },
  { name: 'SAM state machine', value: res('AWS::Serverless::StateMachine', { Policies: [{ Version: '2012-10-17', Statement: allow('lambda:InvokeFunction', '*') }] }), expect: ['Resources.R.Properties.Policies[0].Statement.Resource warning'] },
  { name: 'bucket policy', value: res('AWS::S3::BucketPolicy', { Bucket: { Ref: 'B' }, PolicyDocument: doc({ ...allow('s3:GetObject', '*'), Principal: { AWS: 'arn:aws:iam::1:root' } }) }), expect: ['Resources.R.Properties.PolicyDocument.Statement[0].Resource warning'] },
  { name: 'queue and topic policies', value: { Resources: { Q: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [], PolicyDocument: doc(allow('sqs:SendMessage', '*')) } }, T: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [], PolicyDocument: doc(allow('sns:Publish', ['*'])) } } } }, expect: ['Resources.Q.Properties.PolicyDocument.Statement[0].Resource warning', 'Resources.T.Properties.PolicyDocument.Statement[0].Resource[0] warning'] },
  { name: 'KMS key policies are not read (their * is the key itself)', value: res('AWS::KMS::Key', { KeyPolicy: doc(allow('kms:*', '*')) }), expect: [] },
  {
    name: 'serverless.yml: provider and function statements',
    format: 'serverless',
    value: {
      service: 's',
      provider: { name: 'aws', iam: { role: { statements: [allow('s3:*', '*')] } }, iamRoleStatements: [allow('*', 'arn:aws:s3:::b')] },
      functions: { f: { handler: 'h', iamRoleStatements: [allow('sqs:*', '*')] } },
      resources: { Resources: { R: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: doc(allow('sns:*', '*')) } } } },
    },
    expect: ['resources.Resources.R.Properties.PolicyDocument.Statement[0].Resource warning', 'provider.iamRoleStatements[0].Action warning', 'provider.iam.role.statements[0].Resource warning', 'functions.f.iamRoleStatements[0].Resource warning'],
  },
];

for (const c of cases) {
  test(`WILDCARD_RESOURCE: ${c.name}`, () => assert.deepEqual(run(c.value, c.format), c.expect));
}

test('WILDCARD_RESOURCE: messages name the place, the actions and the fix', () => {
  assert.match(findings(role(allow(['dynamodb:GetItem', 'dynamodb:PutItem'], '*')))[0]!.message, /A statement in the policies of R allows dynamodb:GetItem, dynamodb:PutItem on every resource \(Resource '\*'\)\. Scope Resource/);
  assert.match(findings(role(allow('*', '*')))[0]!.message, /allows every action \(Action '\*'\) on every resource\. List only the actions/);
  assert.match(findings(res('AWS::S3::BucketPolicy', { PolicyDocument: doc(allow('s3:GetObject', '*')) }))[0]!.message, /the policy of R allows s3:GetObject.*Name the bucket's ARN/);
});
