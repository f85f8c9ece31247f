import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { publicBucket } from './publicBucket.ts';

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...publicBucket.check({ value, format, locate: () => null, spec: null })];
}
function run(value: CfnObject, format: RuleContext['format'] = 'cloudformation'): string[] {
  return findings(value, format).map((f) => `${formatPath(f.path)}${f.atKey ? ' (key)' : ''} ${f.severity ?? publicBucket.severity}`);
}
const bucket = (Properties: CfnObject = {}): CfnObject => ({ Type: 'AWS::S3::Bucket', Properties });
const policy = (Bucket: CfnValue, ...Statement: CfnObject[]): CfnObject => ({ Type: 'AWS::S3::BucketPolicy', Properties: { Bucket, PolicyDocument: { Version: '2012-10-17', Statement } } });
const read = (Principal: CfnValue, extra: CfnObject = {}): CfnObject => ({ Effect: 'Allow', Principal, Action: 's3:GetObject', Resource: { 'Fn::Sub': '${B.Arn}/*' }, ...extra });
const P = 'Resources.P.Properties.PolicyDocument.Statement';

const cases: { name: string; value: CfnObject; format?: RuleContext['format']; expect: string[] }[] = [
  { name: 'a private bucket', value: { Resources: { B: bucket({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } }) } }, expect: [] },
  { name: 'public canned ACLs', value: { Resources: { A: bucket({ AccessControl: 'PublicRead' }), B: bucket({ AccessControl: 'PublicReadWrite' }), C: bucket({ AccessControl: 'AuthenticatedRead' }), D: bucket({ AccessControl: 'Private' }), E: bucket({ AccessControl: 'LogDeliveryWrite' }) } }, expect: ['Resources.A.Properties.AccessControl warning', 'Resources.B.Properties.AccessControl warning', 'Resources.C.Properties.AccessControl warning'] },
  { name: 'public access block flags turned off', value: { Resources: { B: bucket({ PublicAccessBlockConfiguration: { BlockPublicAcls: false, BlockPublicPolicy: 'false', IgnorePublicAcls: true } }) } }, expect: ['Resources.B.Properties.PublicAccessBlockConfiguration.BlockPublicAcls warning', 'Resources.B.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy warning'] },
  { name: 'a policy open to anyone', value: { Resources: { B: bucket(), P: policy({ Ref: 'B' }, read('*')) } }, expect: [`${P}[0].Principal warning`] },
  { name: 'Principal {AWS: *} and [*]', value: { Resources: { B: bucket(), P: policy({ Ref: 'B' }, read({ AWS: '*' }), read({ AWS: ['arn:aws:iam::1:root', '*'] })) } }, expect: [`${P}[0].Principal warning`, `${P}[1].Principal warning`] },
  {
    name: 'conditions, service principals, accounts and Deny are fine',
    value: { Resources: { B: bucket(), P: policy({ Ref: 'B' }, read('*', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }), read({ Service: 'cloudfront.amazonaws.com' }), read({ AWS: 'arn:aws:iam::1:root' }), { ...read('*'), Effect: 'Deny' }) } },
    expect: [],
  },
  { name: 'a website with a public read policy: reported once, on the bucket', value: { Resources: { B: bucket({ WebsiteConfiguration: { IndexDocument: 'index.html' } }), P: policy({ Ref: 'B' }, read('*')) } }, expect: ['Resources.B.Properties.WebsiteConfiguration (key) warning'] },
  { name: 'a website found by bucket name', value: { Resources: { B: bucket({ BucketName: 'site', WebsiteConfiguration: {} }), P: policy('site', read('*')) } }, expect: ['Resources.B.Properties.WebsiteConfiguration (key) warning'] },
  { name: 'a website without a public policy', value: { Resources: { B: bucket({ WebsiteConfiguration: {} }), P: policy({ Ref: 'B' }, read({ Service: 'cloudfront.amazonaws.com' })) } }, expect: [] },
  { name: 'a website with a public write: the policy is reported too', value: { Resources: { B: bucket({ WebsiteConfiguration: {} }), P: policy({ Ref: 'B' }, read('*'), { ...read('*'), Action: 's3:PutObject' }) } }, expect: ['Resources.B.Properties.WebsiteConfiguration (key) warning', `${P}[1].Principal warning`] },
  { name: 'serverless.yml resources', format: 'serverless', value: { service: 's', provider: {}, resources: { Resources: { B: bucket({ AccessControl: 'PublicRead' }) } } }, expect: ['resources.Resources.B.Properties.AccessControl warning'] },
];

for (const c of cases) {
  test(`PUBLIC_BUCKET: ${c.name}`, () => assert.deepEqual(run(c.value, c.format), c.expect));
}

test('PUBLIC_BUCKET: messages say who can do what, and the fix', () => {
  assert.match(findings({ Resources: { B: bucket({ AccessControl: 'PublicReadWrite' }) } })[0]!.message, /Bucket B has AccessControl PublicReadWrite, which lets anyone read and write its objects\. Remove AccessControl/);
  assert.match(findings({ Resources: { B: bucket(), P: policy({ Ref: 'B' }, read('*')) } })[0]!.message, /Bucket policy P allows anyone on the internet \(Principal '\*'\) s3:GetObject on bucket B, with no Condition\./);
  assert.match(findings({ Resources: { B: bucket({ PublicAccessBlockConfiguration: { RestrictPublicBuckets: false } }) } })[0]!.message, /turns off RestrictPublicBuckets, so public bucket policies/);
});
