import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expandPolicyTemplate, policyTemplate, policyTemplateNames } from './policyTemplates.ts';

const vendored = new URL('../data/sam-policy-templates.json', import.meta.url);

test('all 81 templates are readable, sorted, with their parameters', () => {
  const names = policyTemplateNames();
  assert.equal(names.length, 81);
  assert.deepEqual([...names], [...names].sort());
  const crud = policyTemplate('DynamoDBCrudPolicy');
  assert.ok(crud);
  assert.deepEqual(crud.parameters, ['TableName']);
  assert.equal(crud.description, 'Gives CRUD access to a DynamoDB Table');
  assert.equal(crud.statements.length, 1);
  assert.deepEqual(policyTemplate('DynamoDBStreamReadPolicy')?.parameters, ['StreamName', 'TableName']);
  assert.deepEqual(policyTemplate('AMIDescribePolicy')?.parameters, []);
});

test('unknown and prototype names are not templates', () => {
  for (const n of ['NoSuchPolicy', 'dynamodbcrudpolicy', '__proto__', 'toString', 'constructor', '']) {
    assert.equal(policyTemplate(n), undefined, n);
  }
});

test('the vendored file is the 0.0.1 format and is parsed as-is', () => {
  const json = JSON.parse(readFileSync(vendored, 'utf8')) as { Version: string; Templates: Record<string, unknown> };
  assert.equal(json.Version, '0.0.1');
  assert.deepEqual(Object.keys(json.Templates).sort(), [...policyTemplateNames()]);
});

test('expansion substitutes the parameter placeholders, and only those', () => {
  const r = expandPolicyTemplate('SQSSendMessagePolicy', { QueueName: { 'Fn::GetAtt': ['Jobs', 'QueueName'] } });
  assert.ok(r.ok);
  assert.deepEqual(r.statements, [
    {
      Action: ['sqs:SendMessage*'],
      Effect: 'Allow',
      Resource: {
        'Fn::Sub': [
          'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}',
          { queueName: { 'Fn::GetAtt': ['Jobs', 'QueueName'] } },
        ],
      },
    },
  ]);
  assert.deepEqual(r.unused, []);
});

test('expansion fills every occurrence of a parameter, including two parameters', () => {
  const r = expandPolicyTemplate('DynamoDBStreamReadPolicy', { TableName: { Ref: 'Orders' }, StreamName: 'stream-label' });
  assert.ok(r.ok);
  const text = JSON.stringify(r.statements);
  assert.ok(!text.includes('"Ref":"TableName"'));
  assert.ok(!text.includes('"Ref":"StreamName"'));
  assert.equal(text.split('{"Ref":"Orders"}').length - 1, 2);
  assert.ok(text.includes('"streamName":"stream-label"'));
});

test('expansion leaves pseudo parameters and non-parameter refs alone', () => {
  const r = expandPolicyTemplate('S3ReadPolicy', { BucketName: { Ref: 'Uploads' } });
  assert.ok(r.ok);
  const text = JSON.stringify(r.statements);
  assert.ok(text.includes('arn:${AWS::Partition}:s3:::${bucketName}/*'));
  assert.ok(text.includes('{"bucketName":{"Ref":"Uploads"}}'));
});

test('expansion does not share argument objects with the result or change the template', () => {
  const arg = { Ref: 'Orders' };
  const before = JSON.stringify(policyTemplate('DynamoDBReadPolicy'));
  const r = expandPolicyTemplate('DynamoDBReadPolicy', { TableName: arg });
  assert.ok(r.ok);
  arg.Ref = 'Changed';
  assert.ok(JSON.stringify(r.statements).includes('"Orders"'));
  assert.equal(JSON.stringify(policyTemplate('DynamoDBReadPolicy')), before);
});

test('a template without parameters expands to its own statements', () => {
  const r = expandPolicyTemplate('VPCAccessPolicy', {});
  assert.ok(r.ok);
  assert.deepEqual(r.statements, policyTemplate('VPCAccessPolicy')?.statements);
});

test('errors are values with stable codes', () => {
  const unknown = expandPolicyTemplate('NoSuchPolicy', {});
  assert.equal(unknown.ok, false);
  assert.equal(!unknown.ok && unknown.code, 'POLICY_TEMPLATE_UNKNOWN');
  const missing = expandPolicyTemplate('DynamoDBStreamReadPolicy', { TableName: { Ref: 'T' } });
  assert.equal(missing.ok, false);
  assert.ok(!missing.ok);
  assert.equal(missing.code, 'POLICY_TEMPLATE_MISSING_ARGUMENT');
  assert.deepEqual(missing.missing, ['StreamName']);
});

test('extra arguments are reported, not used', () => {
  const r = expandPolicyTemplate('LambdaInvokePolicy', { FunctionName: { Ref: 'F' }, TableName: { Ref: 'T' } });
  assert.ok(r.ok);
  assert.deepEqual(r.unused, ['TableName']);
  assert.ok(!JSON.stringify(r.statements).includes('"T"'));
});

test('an argument named __proto__ stays data', () => {
  const args = JSON.parse('{"FunctionName": {"__proto__": {"polluted": true}}}') as Record<string, never>;
  const r = expandPolicyTemplate('LambdaInvokePolicy', args);
  assert.ok(r.ok);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.ok(JSON.stringify(r.statements).includes('"__proto__":{"polluted":true}'));
});
