import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createSpec, SpecInvalidError } from './spec.ts';

const raw: unknown = JSON.parse(readFileSync(new URL('../../../generated/spec.json', import.meta.url), 'utf8'));
const spec = createSpec(raw);

test('knows every CloudFormation resource type, sorted', () => {
  assert.ok(spec.size >= 1828, `only ${spec.size} types`);
  const names = spec.typeNames();
  assert.equal(names.length, spec.size);
  assert.deepEqual([...names], [...names].sort());
  assert.equal(spec.type('AWS::NoSuch::Thing'), undefined);
});

test('DynamoDB table: KeySchema required, TableName replaces, Arn and StreamArn attributes', () => {
  const t = spec.type('AWS::DynamoDB::Table')!;
  assert.ok(t);
  assert.deepEqual(t.properties.get('KeySchema'), { required: true, replacement: 'always', nested: t.properties.get('KeySchema')!.nested });
  assert.equal(t.properties.get('TableName')?.replacement, 'always');
  assert.equal(t.properties.get('TableName')?.required, false);
  assert.equal(t.properties.get('BillingMode')?.replacement, 'never');
  assert.equal(t.properties.get('AttributeDefinitions')?.required, false); // the docs say "Conditional"; the spec leaves it optional
  assert.deepEqual([...t.attributes].sort(), ['Arn', 'StreamArn']);
});

test('nested property types: KeySchema is a list of {AttributeName, KeyType}, both required', () => {
  const ks = spec.type('AWS::DynamoDB::Table')!.properties.get('KeySchema')!;
  assert.deepEqual(ks.nested?.containers, ['list']);
  const props = ks.nested!.type.properties;
  assert.deepEqual([...props.keys()].sort(), ['AttributeName', 'KeyType']);
  assert.equal(props.get('AttributeName')?.required, true);
  const sse = spec.type('AWS::DynamoDB::Table')!.properties.get('SSESpecification')!;
  assert.deepEqual(sse.nested?.containers, []);
  assert.equal(sse.nested?.type.properties.get('SSEEnabled')?.required, true);
  assert.equal(spec.type('AWS::DynamoDB::Table')!.properties.get('TableName')!.nested, undefined);
});

test('S3 bucket and Lambda function facts', () => {
  const bucket = spec.type('AWS::S3::Bucket')!;
  assert.ok(bucket.attributes.has('Arn'));
  assert.ok(bucket.attributes.has('DomainName'));
  assert.equal(bucket.properties.get('BucketName')?.replacement, 'always');
  const fn = spec.type('AWS::Lambda::Function')!;
  assert.equal(fn.properties.get('Code')?.required, true);
  assert.equal(fn.properties.get('Role')?.required, true);
  assert.equal(fn.properties.get('Handler')?.required, false);
  assert.equal(fn.properties.get('FunctionName')?.replacement, 'always');
  assert.equal(fn.properties.get('Timeout')?.replacement, 'never');
  assert.ok(fn.attributes.has('Arn'));
});

test('conditional replacement is kept (EC2 instance type)', () => {
  assert.equal(spec.type('AWS::EC2::Instance')!.properties.get('InstanceType')?.replacement, 'conditional');
  assert.equal(spec.type('AWS::RDS::DBInstance')!.properties.get('Engine')?.replacement, 'conditional');
});

test('SAM types come from the SAM schema, with replacement and attributes of what they generate', () => {
  for (const t of ['Function', 'Api', 'HttpApi', 'SimpleTable', 'StateMachine', 'LayerVersion', 'Application', 'Connector', 'GraphQLApi', 'WebSocketApi', 'CapacityProvider']) {
    assert.ok(spec.type(`AWS::Serverless::${t}`), t);
  }
  const fn = spec.type('AWS::Serverless::Function')!;
  for (const p of ['Events', 'Policies', 'Environment', 'CodeUri', 'InlineCode', 'ImageUri', 'Handler', 'Runtime', 'LoggingConfig', 'SnapStart']) {
    assert.ok(fn.properties.has(p), p);
  }
  assert.ok([...fn.properties.values()].every((p) => !p.required), 'SAM marks no Function property required');
  assert.equal(fn.properties.get('FunctionName')?.replacement, 'always');
  assert.equal(fn.properties.get('Timeout')?.replacement, 'never');
  assert.equal(fn.properties.get('Events')?.replacement, 'never');
  assert.ok(fn.attributes.has('Arn'));
  assert.equal(spec.type('AWS::Serverless::Api')!.properties.get('StageName')?.required, true);
  assert.equal(spec.type('AWS::Serverless::SimpleTable')!.properties.get('PrimaryKey')?.replacement, 'always');
  assert.ok(spec.type('AWS::Serverless::HttpApi')!.properties.has('AccessLogSettings'));
  assert.equal(spec.type('AWS::Serverless::LayerVersion')!.attributes.size, 0);
});

test('types are memoised', () => {
  assert.equal(spec.type('AWS::SQS::Queue'), spec.type('AWS::SQS::Queue'));
});

const good = {
  format: 'cairn-spec/1',
  resources: { 'AWS::X::Y': [{ A: 1, B: [4, 0, 'a'] }, ['Arn']] },
  types: [{ C: 1, D: [0, 0] }],
};

test('a small valid input, including a recursive nested type', () => {
  const s = createSpec(good);
  assert.equal(s.size, 1);
  const b = s.type('AWS::X::Y')!.properties.get('B')!;
  assert.deepEqual({ required: b.required, replacement: b.replacement }, { required: false, replacement: 'always' });
  const d = b.nested!.type.properties.get('D')!;
  assert.equal(d.nested!.type, b.nested!.type);
});

test('types may be left out (top level only)', () => {
  const s = createSpec({ format: 'cairn-spec/1', resources: good.resources });
  assert.equal(s.type('AWS::X::Y')!.properties.get('B')!.nested, undefined);
});

test('malformed input throws SPEC_INVALID', () => {
  const cases: unknown[] = [
    null,
    [],
    'x',
    {},
    { ...good, format: 'cairn-spec/2' },
    { ...good, resources: [] },
    { ...good, types: {} },
    { ...good, resources: { 'AWS::X::Y': [{ A: 6 }, []] } },
    { ...good, resources: { 'AWS::X::Y': [{ A: 1.5 }, []] } },
    { ...good, resources: { 'AWS::X::Y': [{ A: '1' }, []] } },
    { ...good, resources: { 'AWS::X::Y': [{ A: [1, 7] }, []] } },
    { ...good, resources: { 'AWS::X::Y': [{ A: [1, 0, 'x'] }, []] } },
    { ...good, resources: { 'AWS::X::Y': [{}, [1]] } },
    { ...good, resources: { 'AWS::X::Y': [{}] } },
    { ...good, types: [{ C: [0, 3] }] },
  ];
  for (const c of cases) {
    assert.throws(
      () => createSpec(c),
      (e: unknown) => e instanceof SpecInvalidError && e.code === 'SPEC_INVALID',
      JSON.stringify(c),
    );
  }
});
