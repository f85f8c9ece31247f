import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { NodeKind } from '../graph/types.ts';
import type { CfnValue } from '../value.ts';
import { DEFAULT_RUNTIME, NODE_KINDS, defaultProperties, isCompute, kindOfType, kindPhrase, nodeKindInfo } from './nodeKinds.ts';

// A Record over the union: adding a NodeKind without listing it here fails to compile.
const ALL: Record<NodeKind, true> = {
  function: true, 'rest-api': true, 'http-api': true, 'graphql-api': true, table: true, 'object-store': true,
  topic: true, queue: true, stream: true, timer: true, 'user-pool': true, secrets: true, layer: true, cdn: true,
  'edge-function': true, 'virtual-network': true, database: true, 'docker-task': true, existing: true, resource: true,
};
const KINDS = Object.keys(ALL) as NodeKind[];

test('every kind is in the palette exactly once, with a label, icon and description', () => {
  assert.deepEqual([...NODE_KINDS.map((k) => k.kind)].sort(), [...KINDS].sort());
  for (const k of NODE_KINDS) {
    assert.ok(k.label && k.icon && k.description, k.kind);
    assert.equal(nodeKindInfo(k.kind), k);
  }
  assert.equal(new Set(NODE_KINDS.map((k) => k.icon)).size, NODE_KINDS.length, 'icons are distinct');
  assert.equal(NODE_KINDS[0]!.kind, 'function');
});

test('compute and container kinds', () => {
  assert.deepEqual(NODE_KINDS.filter((k) => k.compute).map((k) => k.kind).sort(), ['docker-task', 'edge-function', 'function']);
  assert.deepEqual(NODE_KINDS.filter((k) => k.container).map((k) => k.kind), ['virtual-network']);
  assert.equal(isCompute('table'), false);
});

test('kindOfType', () => {
  const cases: [string, NodeKind][] = [
    ['AWS::Serverless::Function', 'function'],
    ['AWS::Lambda::Function', 'function'],
    ['AWS::Serverless::Api', 'rest-api'],
    ['AWS::ApiGateway::RestApi', 'rest-api'],
    ['AWS::Serverless::HttpApi', 'http-api'],
    ['AWS::ApiGatewayV2::Api', 'http-api'],
    ['AWS::AppSync::GraphQLApi', 'graphql-api'],
    ['AWS::Serverless::GraphQLApi', 'graphql-api'],
    ['AWS::DynamoDB::Table', 'table'],
    ['AWS::Serverless::SimpleTable', 'table'],
    ['AWS::S3::Bucket', 'object-store'],
    ['AWS::SNS::Topic', 'topic'],
    ['AWS::SQS::Queue', 'queue'],
    ['AWS::Kinesis::Stream', 'stream'],
    ['AWS::Cognito::UserPool', 'user-pool'],
    ['AWS::Serverless::LayerVersion', 'layer'],
    ['AWS::Lambda::LayerVersion', 'layer'],
    ['AWS::CloudFront::Distribution', 'cdn'],
    ['AWS::EC2::VPC', 'virtual-network'],
    ['AWS::RDS::DBCluster', 'database'],
    ['AWS::RDS::DBInstance', 'database'],
    ['AWS::ECS::TaskDefinition', 'docker-task'],
    ['Cairn::Timer', 'timer'],
    ['Cairn::Secrets', 'secrets'],
    ['Cairn::Existing', 'existing'],
    ['AWS::StepFunctions::StateMachine', 'resource'],
    ['Custom::Thing', 'resource'],
    ['aws::s3::bucket', 'resource'],
    ['', 'resource'],
    ['__proto__', 'resource'],
    ['constructor', 'resource'],
  ];
  for (const [type, kind] of cases) assert.equal(kindOfType(type), kind, type);
});

test('no type is claimed by two kinds, and each written type reads back as its kind', () => {
  const seen = new Map<string, NodeKind>();
  for (const k of NODE_KINDS) {
    for (const t of k.recognises) {
      assert.ok(!seen.has(t), `${t} is claimed by ${seen.get(t)} and ${k.kind}`);
      seen.set(t, k.kind);
    }
    if (k.writes && k.kind !== 'edge-function') assert.equal(k.recognises[0], k.writes, k.kind);
  }
  // An Edge Function is a SAM function; the graph tells it apart by its CDN association.
  assert.equal(kindOfType(nodeKindInfo('edge-function').writes!), 'function');
});

test('kinds without a type of their own say how they are represented', () => {
  for (const kind of ['timer', 'secrets', 'existing', 'edge-function'] as const) {
    assert.ok(nodeKindInfo(kind).representedAs, kind);
  }
  for (const kind of ['timer', 'secrets', 'existing'] as const) {
    assert.equal(nodeKindInfo(kind).writes, undefined);
    assert.equal(kindOfType(nodeKindInfo(kind).pseudoType!), kind);
  }
});

test('kindPhrase', () => {
  assert.equal(kindPhrase('table', true), 'A Table');
  assert.equal(kindPhrase('object-store'), 'an Object Store');
  assert.equal(kindPhrase('http-api', true), 'An HTTP API');
  assert.equal(kindPhrase('edge-function'), 'an Edge Function');
  assert.equal(kindPhrase('secrets', true), 'Secrets');
});

test('default properties: the notable ones', () => {
  assert.deepEqual(defaultProperties('function', 'OrdersFunction'), {
    Handler: 'index.handler',
    Runtime: DEFAULT_RUNTIME,
    CodeUri: 'src/ordersfunction/',
  });
  assert.match(DEFAULT_RUNTIME, /^nodejs(2[2-9]|[3-9][0-9])\.x$/);
  assert.deepEqual(defaultProperties('table', 'Orders'), {
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  });
  assert.deepEqual(defaultProperties('queue', 'Jobs'), {});
  const bucket = defaultProperties('object-store', 'Uploads')!;
  assert.deepEqual(bucket['PublicAccessBlockConfiguration'], {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  });
  assert.ok(bucket['BucketEncryption']);
  const db = defaultProperties('database', 'Db')!;
  assert.equal(db['ManageMasterUserPassword'], true);
  assert.equal(db['MasterUserPassword'], undefined, 'no password in the template');
  const edge = defaultProperties('edge-function', 'Rewrite')!;
  assert.equal(edge['AutoPublishAlias'], 'live');
  assert.ok(JSON.stringify(edge).includes('edgelambda.amazonaws.com'));
  assert.equal(edge['Environment'], undefined);
});

test('kinds without a resource (or with a user-picked type) have no default properties', () => {
  for (const kind of ['timer', 'secrets', 'existing', 'resource'] as const) assert.equal(defaultProperties(kind, 'X'), undefined);
  for (const k of NODE_KINDS) if (k.writes) assert.ok(defaultProperties(k.kind, 'X'), k.kind);
});

test('default properties are fresh objects each time', () => {
  const a = defaultProperties('object-store', 'B')!;
  (a['PublicAccessBlockConfiguration'] as Record<string, CfnValue>)['BlockPublicAcls'] = false;
  const b = defaultProperties('object-store', 'B')!;
  assert.equal((b['PublicAccessBlockConfiguration'] as Record<string, CfnValue>)['BlockPublicAcls'], true);
});

// ---- Against the CloudFormation resource specification (generated/spec.json, built on install).

type RawProp = number | [number, number] | [number, number, string];
interface RawSpec {
  resources: Record<string, [Record<string, RawProp>, string[]]>;
  types: Record<string, RawProp>[];
}
const specPath = new URL('../../../generated/spec.json', import.meta.url);
const haveSpec = existsSync(specPath);

function checkShape(spec: RawSpec, where: string, value: CfnValue, props: Record<string, RawProp>, problems: string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected an object`);
    return;
  }
  if ('Fn::Sub' in value || 'Ref' in value || 'Fn::GetAtt' in value) return;
  for (const [name, p] of Object.entries(props)) {
    const flags = Array.isArray(p) ? p[0] : p;
    if (flags & 1 && !(name in value)) problems.push(`${where}: required ${name} is missing`);
  }
  for (const [key, v] of Object.entries(value)) {
    const p = props[key];
    if (p === undefined) {
      problems.push(`${where}.${key}: not a property`);
      continue;
    }
    if (!Array.isArray(p)) continue;
    const nested = spec.types[p[1]]!;
    const shape = p[2] ?? '';
    if (shape === '') checkShape(spec, `${where}.${key}`, v, nested, problems);
    else if (shape === 'a' && Array.isArray(v)) v.forEach((item, i) => checkShape(spec, `${where}.${key}[${i}]`, item, nested, problems));
  }
}

test('default properties are valid for their type (property names, nested shapes, required)', { skip: !haveSpec && 'generated/spec.json not built' }, () => {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as RawSpec;
  const problems: string[] = [];
  for (const k of NODE_KINDS) {
    if (!k.writes) continue;
    const type = spec.resources[k.writes];
    assert.ok(type, `${k.writes} is in the spec`);
    checkShape(spec, k.writes, defaultProperties(k.kind, 'MyNode')!, type[0], problems);
  }
  for (const t of NODE_KINDS.flatMap((k) => k.recognises)) {
    if (!t.startsWith('Cairn::')) assert.ok(spec.resources[t], `${t} is in the spec`);
  }
  assert.deepEqual(problems, []);
  // The checker itself finds mistakes.
  const bad: string[] = [];
  checkShape(spec, 'AWS::S3::Bucket', { PublicAccessBlockConfiguration: { BlockPublicAcl: true } }, spec.resources['AWS::S3::Bucket']![0], bad);
  checkShape(spec, 'AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' }, spec.resources['AWS::DynamoDB::Table']![0], bad);
  assert.deepEqual(bad, [
    'AWS::S3::Bucket.PublicAccessBlockConfiguration.BlockPublicAcl: not a property',
    'AWS::DynamoDB::Table: required KeySchema is missing',
  ]);
});
