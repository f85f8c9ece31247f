import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { NodeKind } from '../graph/types.ts';
import type { CfnValue } from '../value.ts';
import { ACCESS_RULES } from './accessRules.ts';
import type { AccessLevel, IamStatement } from './accessRules.ts';
import { envPrefix, screamingSnake } from './envNames.ts';
import { NODE_KINDS, nodeKindInfo } from './nodeKinds.ts';
import { expandPolicyTemplate, policyTemplate } from './policyTemplates.ts';
import { TRIGGER_RULES, defaultPath } from './triggerRules.ts';
import {
  accessEnvironment,
  accessRule,
  canAccess,
  canTrigger,
  defaultEventName,
  eventTarget,
  implicitEventTarget,
  planAccess,
  referencedId,
  serverlessEventTarget,
  triggerRule,
  wireKindsFor,
} from './wires.ts';

const KINDS = NODE_KINDS.map((k) => k.kind);
const LEVELS: AccessLevel[] = ['read', 'write', 'crud'];
const COMPUTE: NodeKind[] = ['function', 'edge-function', 'docker-task'];
const ID = 'MyTarget';

/** Every (kind, level, grant) the access table can produce for target id `ID`. */
const grants = ACCESS_RULES.flatMap((r) =>
  LEVELS.flatMap((level) => {
    const lr = r.levels[level];
    return lr ? [{ kind: r.target, level, grant: lr.grant(ID) }] : [];
  }),
);

/** Every `Resource` value in a list of statements, flattened. */
function resources(statements: readonly CfnValue[]): CfnValue[] {
  return statements.flatMap((s) => {
    const r = (s as Record<string, CfnValue>)['Resource'];
    return Array.isArray(r) ? r : [r!];
  });
}

function isStar(r: CfnValue): boolean {
  if (r === '*') return true;
  if (typeof r === 'string') return /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(r);
  if (r !== null && typeof r === 'object' && !Array.isArray(r)) {
    const s = r['Fn::Sub'];
    const text = Array.isArray(s) ? s[0] : s;
    if (typeof text !== 'string') return false;
    // `*`, or an ARN whose resource part is `*` (every queue in the account, ...).
    const flat = text.replace(/\$\{[^}]*\}/g, 'V');
    return flat === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(flat);
  }
  return false;
}

test('the * detector used below catches what it should', () => {
  assert.ok(isStar('*'));
  assert.ok(isStar({ 'Fn::Sub': '*' }));
  assert.ok(isStar({ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*' }));
  assert.ok(isStar('arn:aws:sns:us-east-1:123456789012:*'));
  assert.ok(!isStar({ 'Fn::Sub': '${Fn.Arn}:*' }));
  assert.ok(!isStar({ 'Fn::Sub': '${Bucket.Arn}/*' }));
});

test('the access table: one rule per kind, levels that exist, default among them', () => {
  assert.equal(new Set(ACCESS_RULES.map((r) => r.target)).size, ACCESS_RULES.length);
  for (const r of ACCESS_RULES) {
    assert.ok(r.levels[r.defaultLevel], `${r.target} default level ${r.defaultLevel}`);
    assert.ok(!nodeKindInfo(r.target).container, r.target);
  }
  const expectedDefaults: Partial<Record<NodeKind, AccessLevel>> = {
    table: 'crud', 'object-store': 'crud', queue: 'write', topic: 'write', stream: 'write', function: 'write', secrets: 'read',
  };
  for (const [k, level] of Object.entries(expectedDefaults)) assert.equal(accessRule(k as NodeKind)?.defaultLevel, level, k);
});

test('policy templates: each exists and gets exactly its parameters', () => {
  const used = new Set<string>();
  for (const { kind, level, grant } of grants) {
    for (const t of grant.templates) {
      used.add(t.template);
      const def = policyTemplate(t.template);
      assert.ok(def, `${kind}/${level}: ${t.template} exists`);
      assert.deepEqual(Object.keys(t.args).sort(), [...def.parameters].sort(), `${kind}/${level}: ${t.template} arguments`);
      const x = expandPolicyTemplate(t.template, t.args);
      assert.ok(x.ok && x.unused.length === 0, `${kind}/${level}: ${t.template} expands`);
    }
  }
  for (const name of ['DynamoDBReadPolicy', 'DynamoDBWritePolicy', 'DynamoDBCrudPolicy', 'S3ReadPolicy', 'S3WritePolicy', 'S3CrudPolicy',
    'SQSSendMessagePolicy', 'SQSPollerPolicy', 'SNSPublishMessagePolicy', 'KinesisCrudPolicy', 'LambdaInvokePolicy',
    'AWSSecretsManagerGetSecretValuePolicy', 'EcsRunTaskPolicy']) {
    assert.ok(used.has(name), `${name} is used`);
  }
});

test('the template arguments are what each template expects', () => {
  const args = (kind: NodeKind, level: AccessLevel) => accessRule(kind)!.levels[level]!.grant('X').templates[0]!.args;
  assert.deepEqual(args('table', 'crud'), { TableName: { Ref: 'X' } });
  assert.deepEqual(args('object-store', 'read'), { BucketName: { Ref: 'X' } });
  // SQS and SNS templates build the ARN from a name; Ref would give a URL / an ARN.
  assert.deepEqual(args('queue', 'write'), { QueueName: { 'Fn::GetAtt': ['X', 'QueueName'] } });
  assert.deepEqual(args('topic', 'write'), { TopicName: { 'Fn::GetAtt': ['X', 'TopicName'] } });
  assert.deepEqual(args('stream', 'write'), { StreamName: { Ref: 'X' } });
  assert.deepEqual(args('function', 'write'), { FunctionName: { Ref: 'X' } });
  assert.deepEqual(args('docker-task', 'write'), { TaskDefinition: { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'X' }] }] } });
});

test('never a * resource or action, in SAM (expanded) or serverless.yml statements', () => {
  for (const { kind, level, grant } of grants) {
    const expanded = grant.templates.flatMap((t) => {
      const x = expandPolicyTemplate(t.template, t.args);
      return x.ok ? x.statements : [];
    });
    const all: CfnValue[] = [...expanded, ...grant.inline, ...grant.statements];
    assert.ok(all.length, `${kind}/${level} grants something`);
    for (const r of resources(all)) assert.ok(!isStar(r), `${kind}/${level}: ${JSON.stringify(r)}`);
    for (const s of all) {
      const st = s as Record<string, CfnValue>;
      assert.equal(st['Effect'], 'Allow');
      const actions = Array.isArray(st['Action']) ? st['Action'] : [st['Action']];
      for (const a of actions) assert.ok(typeof a === 'string' && a !== '*' && !a.endsWith(':*'), `${kind}/${level}: action ${String(a)}`);
    }
    for (const v of Object.values(accessEnvironment(kind, ID))) assert.ok(!isStar(v));
  }
});

test('every statement is scoped to the one target (secrets: to the environment namespace)', () => {
  for (const { kind, level, grant } of grants) {
    const expanded = grant.templates.flatMap((t) => {
      const x = expandPolicyTemplate(t.template, t.args);
      return x.ok ? x.statements : [];
    });
    for (const s of [...expanded, ...grant.inline, ...grant.statements]) {
      const text = JSON.stringify(resources([s]));
      if (kind === 'secrets') assert.ok(text.includes('secret:cairn/${AWS::StackName}/*'), text);
      else assert.ok(text.includes(ID), `${kind}/${level}: ${text}`);
    }
  }
});

test('serverless.yml statements grant the same actions as the SAM template', () => {
  for (const { kind, level, grant } of grants) {
    const samActions = new Set(grant.templates.flatMap((t) => policyTemplate(t.template)!.statements.flatMap((s) => s['Action'] as string[])));
    for (const s of grant.inline) for (const a of s.Action) samActions.add(a);
    const slsActions = new Set(grant.statements.flatMap((s: IamStatement) => s.Action));
    assert.deepEqual([...slsActions].sort(), [...samActions].sort(), `${kind}/${level}`);
  }
});

test('environment variable names', () => {
  const cases: [NodeKind, string, Record<string, CfnValue>][] = [
    ['table', 'OrdersTable', { ORDERS_TABLE_NAME: { Ref: 'OrdersTable' }, ORDERS_TABLE_ARN: { 'Fn::GetAtt': ['OrdersTable', 'Arn'] } }],
    ['table', 'Table', { TABLE_NAME: { Ref: 'Table' }, TABLE_ARN: { 'Fn::GetAtt': ['Table', 'Arn'] } }],
    ['table', 'Orders', { ORDERS_TABLE_NAME: { Ref: 'Orders' }, ORDERS_TABLE_ARN: { 'Fn::GetAtt': ['Orders', 'Arn'] } }],
    ['object-store', 'Bucket', { BUCKET_NAME: { Ref: 'Bucket' }, BUCKET_ARN: { 'Fn::GetAtt': ['Bucket', 'Arn'] } }],
    ['object-store', 'Uploads', { UPLOADS_BUCKET_NAME: { Ref: 'Uploads' }, UPLOADS_BUCKET_ARN: { 'Fn::GetAtt': ['Uploads', 'Arn'] } }],
    ['queue', 'Queue', { QUEUE_URL: { Ref: 'Queue' }, QUEUE_ARN: { 'Fn::GetAtt': ['Queue', 'Arn'] } }],
    ['topic', 'Topic', { TOPIC_ARN: { Ref: 'Topic' } }],
    ['stream', 'ClickStream', { CLICK_STREAM_NAME: { Ref: 'ClickStream' }, CLICK_STREAM_ARN: { 'Fn::GetAtt': ['ClickStream', 'Arn'] } }],
    ['function', 'ResizeFn', { RESIZE_FN_NAME: { Ref: 'ResizeFn' }, RESIZE_FN_ARN: { 'Fn::GetAtt': ['ResizeFn', 'Arn'] } }],
    ['secrets', 'Secrets', { SECRETS_NAMESPACE: { 'Fn::Sub': 'cairn/${AWS::StackName}' } }],
    ['user-pool', 'UserPool', { USER_POOL_ID: { Ref: 'UserPool' }, USER_POOL_ARN: { 'Fn::GetAtt': ['UserPool', 'Arn'] } }],
    ['graphql-api', 'OrdersGraphQL', { ORDERS_GRAPHQL_URL: { 'Fn::GetAtt': ['OrdersGraphQL', 'GraphQLUrl'] }, ORDERS_GRAPHQL_ARN: { 'Fn::GetAtt': ['OrdersGraphQL', 'Arn'] } }],
  ];
  for (const [kind, id, env] of cases) assert.deepEqual(accessEnvironment(kind, id), env, `${kind} ${id}`);
  assert.deepEqual(Object.keys(accessEnvironment('database', 'Db')), ['DB_HOST', 'DB_PORT', 'DB_CREDENTIALS_ARN']);
  assert.deepEqual(Object.keys(accessEnvironment('cdn', 'Cdn')), ['CDN_DISTRIBUTION_ID', 'CDN_DOMAIN_NAME']);
  assert.deepEqual(accessEnvironment('layer', 'L'), {});
});

test('env names are valid, never doubled, and never look like secrets', () => {
  for (const r of ACCESS_RULES) {
    for (const id of ['A', 'Orders', 'OrdersTable', 'MyHTTPThing2', 'S3Bucket', 'Table', 'Queue2', 'Database']) {
      for (const n of Object.keys(accessEnvironment(r.target, id))) {
        assert.match(n, /^[A-Z][A-Z0-9_]*$/, n);
        assert.ok(!/(^|_)([A-Z0-9]+)_\2(_|$)/.test(n), `doubled word in ${n}`);
        if (n !== 'SECRETS_NAMESPACE') assert.ok(!/SECRET|PASSWORD|TOKEN/.test(n), n);
      }
    }
  }
  assert.equal(screamingSnake('HTTPApi'), 'HTTP_API');
  assert.equal(screamingSnake('S3Bucket'), 'S3_BUCKET');
  assert.equal(screamingSnake('myDynamoDBTable'), 'MY_DYNAMO_DB_TABLE');
  assert.equal(envPrefix('OrdersTable2', ['TABLE']), 'ORDERS_TABLE2');
  assert.equal(envPrefix('Users', ['USER_POOL', 'POOL']), 'USERS_USER_POOL');
  assert.equal(envPrefix('CustomerPool', ['USER_POOL', 'POOL']), 'CUSTOMER_POOL');
});

test('canAccess: only compute nodes use resources, with reasons', () => {
  assert.deepEqual(canAccess('table', 'queue'), {
    ok: false,
    reason: 'A Table cannot use other resources: only Functions, Edge Functions and Docker Tasks can.',
  });
  for (const s of KINDS) {
    for (const t of KINDS) {
      const v = canAccess(s, t);
      if (v.ok) {
        assert.ok(COMPUTE.includes(s), `${s} -> ${t}`);
        assert.ok(accessRule(t), `${s} -> ${t} has a rule`);
      } else {
        assert.ok(v.reason.length > 20 && v.reason.endsWith('.'), `${s} -> ${t}: ${v.reason}`);
      }
    }
  }
  for (const t of ['table', 'object-store', 'queue', 'topic', 'stream', 'function', 'secrets', 'user-pool', 'database', 'docker-task', 'cdn', 'graphql-api'] as const) {
    assert.ok(canAccess('function', t).ok, t);
  }
  for (const t of ['rest-api', 'http-api', 'timer', 'layer', 'virtual-network', 'edge-function', 'existing', 'resource'] as const) {
    assert.equal(canAccess('function', t).ok, false, t);
  }
});

test('canTrigger: event sources trigger Functions; a CDN runs Edge Functions', () => {
  const sources = TRIGGER_RULES.map((r) => r.source).sort();
  assert.deepEqual(sources, ['cdn', 'graphql-api', 'http-api', 'object-store', 'queue', 'rest-api', 'stream', 'table', 'timer', 'topic', 'user-pool']);
  for (const s of KINDS) {
    for (const t of KINDS) {
      const v = canTrigger(s, t);
      const expected = (t === 'function' && sources.includes(s) && s !== 'cdn') || (s === 'cdn' && t === 'edge-function');
      assert.equal(v.ok, expected, `${s} -> ${t}`);
      if (!v.ok) assert.ok(v.reason.length > 20 && v.reason.endsWith('.'), `${s} -> ${t}: ${v.reason}`);
    }
  }
  assert.deepEqual(canTrigger('timer', 'queue'), { ok: false, reason: 'A Timer can only trigger a Function.' });
  // an uncurated resource triggers by its type: an event bus does, a key does not
  assert.equal(canTrigger('resource', 'function', 'AWS::Events::EventBus').ok, true);
  assert.equal(canTrigger('resource', 'table', 'AWS::Events::EventBus').ok, false);
  assert.equal(canTrigger('resource', 'function', 'AWS::KMS::Key').ok, false);
  assert.deepEqual([...wireKindsFor('resource', 'function', 'AWS::Events::EventBus').kinds], ['trigger']);
  assert.equal(triggerRule('resource'), undefined);
  assert.deepEqual(canTrigger('queue', 'table'), { ok: false, reason: 'A Table cannot be triggered: only Functions run when events arrive.' });
});

test('wireKindsFor', () => {
  const cases: [NodeKind, NodeKind, string[]][] = [
    ['function', 'queue', ['access']],
    ['queue', 'function', ['trigger']],
    ['function', 'function', ['access']],
    ['topic', 'function', ['trigger']],
    ['function', 'topic', ['access']],
    ['timer', 'function', ['trigger']],
    ['cdn', 'edge-function', ['trigger']],
    ['docker-task', 'table', ['access']],
    ['edge-function', 'table', ['access']],
    ['table', 'queue', []],
    ['layer', 'function', []],
    ['secrets', 'function', []],
    ['function', 'rest-api', []],
  ];
  for (const [s, t, kinds] of cases) assert.deepEqual([...wireKindsFor(s, t).kinds], kinds, `${s} -> ${t}`);
  assert.match(wireKindsFor('secrets', 'function').reason!, /Draw the wire from the Function to the Secrets instead\.$/);
  assert.match(wireKindsFor('function', 'rest-api').reason!, /draw the wire from the REST API to a Function/);
  assert.match(wireKindsFor('layer', 'function').reason!, /Layers setting/);
  for (const s of KINDS) {
    for (const t of KINDS) {
      const w = wireKindsFor(s, t);
      assert.equal(w.kinds.includes('trigger'), canTrigger(s, t).ok);
      assert.equal(w.kinds.includes('access'), canAccess(s, t).ok);
      if (!w.kinds.length) assert.ok(w.reason && w.reason.length > 20, `${s} -> ${t}`);
      else assert.equal(w.reason, undefined);
    }
  }
});

test('trigger rules: SAM events and what they need', () => {
  const ev = (s: NodeKind) => {
    const r = triggerRule(s)!;
    assert.equal(r.sam.kind, 'event');
    return r.sam.kind === 'event' ? { type: r.sam.eventType, props: r.sam.properties('Src', 'OrdersFunction') } : undefined;
  };
  assert.deepEqual(ev('rest-api'), { type: 'Api', props: { RestApiId: { Ref: 'Src' }, Path: '/orders', Method: 'get' } });
  assert.deepEqual(ev('http-api'), { type: 'HttpApi', props: { ApiId: { Ref: 'Src' }, Path: '/orders', Method: 'get' } });
  assert.deepEqual(ev('object-store'), { type: 'S3', props: { Bucket: { Ref: 'Src' }, Events: 's3:ObjectCreated:*' } });
  assert.deepEqual(ev('topic'), { type: 'SNS', props: { Topic: { Ref: 'Src' } } });
  assert.deepEqual(ev('queue'), { type: 'SQS', props: { Queue: { 'Fn::GetAtt': ['Src', 'Arn'] }, BatchSize: 10 } });
  assert.deepEqual(ev('stream'), { type: 'Kinesis', props: { Stream: { 'Fn::GetAtt': ['Src', 'Arn'] }, StartingPosition: 'LATEST', BatchSize: 100 } });
  assert.deepEqual(ev('table'), { type: 'DynamoDB', props: { Stream: { 'Fn::GetAtt': ['Src', 'StreamArn'] }, StartingPosition: 'LATEST', BatchSize: 100 } });
  assert.deepEqual(ev('timer'), { type: 'Schedule', props: { Schedule: 'rate(5 minutes)' } });
  assert.deepEqual(ev('user-pool'), { type: 'Cognito', props: { UserPool: { Ref: 'Src' }, Trigger: 'PostConfirmation' } });
  assert.deepEqual(triggerRule('table')!.sourceRequires, {
    path: ['StreamSpecification'],
    value: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    reason: 'A table sends its changes only when its stream is turned on.',
  });
  const cdn = triggerRule('cdn')!;
  assert.equal(cdn.sam.kind, 'source-list');
  if (cdn.sam.kind === 'source-list') assert.deepEqual(cdn.sam.item('Cdn', 'Rewrite'), { EventType: 'origin-request', LambdaFunctionARN: { Ref: 'Rewrite.Version' } });
  assert.deepEqual(cdn.targetRequires?.path, ['AutoPublishAlias']);
  const gql = triggerRule('graphql-api')!;
  assert.equal(gql.sam.kind, 'resources');
  if (gql.sam.kind === 'resources') {
    const rs = gql.sam.resources('Api', 'Fn');
    assert.deepEqual(rs.map((r) => [r.logicalId, r.type]), [['ApiFnRole', 'AWS::IAM::Role'], ['ApiFnDataSource', 'AWS::AppSync::DataSource']]);
    for (const r of resources(JSON.parse(JSON.stringify(rs)).flatMap((x: { properties: { Policies?: { PolicyDocument: { Statement: CfnValue[] } }[] } }) => (x.properties.Policies ?? []).flatMap((p) => p.PolicyDocument.Statement)))) {
      assert.ok(!isStar(r));
    }
  }
  assert.equal(defaultPath('GetOrdersFunction'), '/get-orders');
  assert.equal(defaultPath('Function'), '/function');
});

test('eventTarget reads back the source of every event a trigger wire writes', () => {
  for (const r of TRIGGER_RULES) {
    if (r.sam.kind !== 'event') continue;
    const got = eventTarget(r.sam.eventType, r.sam.properties('Src', 'Fn'));
    assert.equal(got, r.source === 'timer' ? undefined : 'Src', r.source);
  }
});

test('eventTarget on hand-written events', () => {
  const cases: [string, CfnValue, string | undefined][] = [
    ['SQS', { Queue: { 'Fn::GetAtt': 'Jobs.Arn' } }, 'Jobs'],
    ['SQS', { Queue: 'arn:aws:sqs:eu-west-1:123456789012:jobs' }, undefined],
    ['SNS', { Topic: { 'Fn::Sub': '${Alerts}' } }, 'Alerts'],
    ['SNS', { Topic: { 'Fn::Sub': 'arn:aws:sns:${AWS::Region}:${AWS::AccountId}:x' } }, undefined],
    ['Api', { RestApiId: { Ref: 'Api' }, Path: '/', Method: 'get' }, 'Api'],
    ['Api', { Path: '/', Method: 'get' }, undefined],
    ['HttpApi', { ApiId: { Ref: 'AWS::NoValue' } }, undefined],
    ['DynamoDB', { Stream: { 'Fn::GetAtt': ['Orders', 'StreamArn'] } }, 'Orders'],
    ['Cognito', { UserPool: { Ref: 'Pool' }, Trigger: 'PreSignUp' }, 'Pool'],
    ['EventBridgeRule', { Pattern: { source: ['x'] } }, undefined],
    ['EventBridgeRule', { EventBusName: { Ref: 'Bus' }, Pattern: {} }, 'Bus'],
    ['CloudWatchEvent', { Pattern: {} }, undefined],
    ['Schedule', { Schedule: 'rate(1 day)' }, undefined],
    ['ScheduleV2', { ScheduleExpression: 'rate(1 day)' }, undefined],
    ['Unknown', { Queue: { Ref: 'Q' } }, undefined],
    ['__proto__', {}, undefined],
    ['toString', {}, undefined],
    ['SQS', null, undefined],
    ['SQS', ['x'], undefined],
  ];
  for (const [type, props, want] of cases) assert.equal(eventTarget(type, props), want, `${type} ${JSON.stringify(props)}`);
  assert.equal(implicitEventTarget('Api', { Path: '/', Method: 'get' }), 'ServerlessRestApi');
  assert.equal(implicitEventTarget('HttpApi', undefined), 'ServerlessHttpApi');
  assert.equal(implicitEventTarget('Api', { RestApiId: { Ref: 'A' } }), undefined);
  assert.equal(referencedId({ Ref: 'Fn.Version' }), 'Fn');
  assert.equal(referencedId({ Ref: 'A', Extra: 1 }), undefined);
});

test('serverless.yml events: one entry each, read back to their source', () => {
  const keys: Partial<Record<NodeKind, string>> = {
    'rest-api': 'http', 'http-api': 'httpApi', table: 'stream', 'object-store': 's3', topic: 'sns', queue: 'sqs',
    stream: 'stream', timer: 'schedule', 'user-pool': 'cognitoUserPool',
  };
  for (const r of TRIGGER_RULES) {
    const w = r.serverless(r.source === 'user-pool' ? 'CognitoUserPoolUsers' : 'Src', 'OrdersFunction');
    if (!keys[r.source]) {
      assert.equal(w.ok, false, r.source);
      continue;
    }
    assert.ok(w.ok, r.source);
    assert.deepEqual(Object.keys(w.event), [keys[r.source]]);
    const back = serverlessEventTarget(w.event);
    const expected = { table: 'Src', 'object-store': 'Src', topic: 'Src', queue: 'Src', stream: 'Src', 'user-pool': 'CognitoUserPoolUsers' } as Partial<Record<NodeKind, string>>;
    assert.equal(back, expected[r.source], r.source);
  }
  assert.deepEqual(triggerRule('queue')!.serverless('Jobs', 'F'), { ok: true, event: { sqs: { arn: { 'Fn::GetAtt': ['Jobs', 'Arn'] }, batchSize: 10 } } });
  assert.deepEqual(triggerRule('rest-api')!.serverless('Api', 'OrdersFunction'), { ok: true, event: { http: { path: 'orders', method: 'get' } } });
  const pool = triggerRule('user-pool')!.serverless('Users', 'F');
  assert.ok(!pool.ok && pool.reason.includes('CognitoUserPoolUsers'));
  assert.equal(serverlessEventTarget({ cognitoUserPool: { pool: 'my-pool', trigger: 'PreSignUp' } }), 'CognitoUserPoolMypool');
  assert.equal(serverlessEventTarget({ sqs: 'arn:aws:sqs:us-east-1:1:q' }), undefined);
  assert.equal(serverlessEventTarget('http GET /'), undefined);
});

test('default event names', () => {
  assert.equal(defaultEventName('queue', 'OrdersQueue'), 'OrdersQueueEvent');
  assert.equal(defaultEventName('queue', 'OrdersQueue', ['OrdersQueueEvent', 'OrdersQueueEvent2']), 'OrdersQueueEvent3');
  assert.equal(defaultEventName('timer', 'Nightly'), 'Nightly');
  assert.equal(defaultEventName('topic', 'AlertEvent'), 'AlertEvent');
});

test('planAccess: defaults, levels, and what each compute kind gets', () => {
  const p = planAccess('function', 'table', 'Orders');
  assert.ok(p.ok);
  assert.equal(p.plan.level, 'crud');
  assert.deepEqual(p.plan.samPolicies, [{ DynamoDBCrudPolicy: { TableName: { Ref: 'Orders' } } }]);
  assert.deepEqual(Object.keys(p.plan.environment), ['ORDERS_TABLE_NAME', 'ORDERS_TABLE_ARN']);
  const inline = planAccess('function', 'user-pool', 'Users', 'crud');
  assert.ok(inline.ok);
  assert.equal(inline.plan.samPolicies.length, 1);
  assert.ok('Statement' in inline.plan.samPolicies[0]!);
  const edge = planAccess('edge-function', 'table', 'Orders', 'read');
  assert.ok(edge.ok);
  assert.deepEqual(edge.plan.environment, {});
  assert.ok(edge.plan.notes.some((n) => n.includes('Lambda@Edge')));
  const task = planAccess('docker-task', 'queue', 'Jobs');
  assert.ok(task.ok);
  assert.deepEqual(task.plan.samPolicies, []);
  assert.equal(task.plan.statements.length, 1);
  // Plans are fresh values: changing one does not change the next.
  const a = planAccess('function', 'secrets', 'Secrets');
  assert.ok(a.ok);
  (a.plan.statements[0]!.Resource as unknown[]).length = 0;
  (a.plan.environment['SECRETS_NAMESPACE'] as Record<string, CfnValue>)['Fn::Sub'] = 'changed';
  const b = planAccess('function', 'secrets', 'Secrets');
  assert.ok(b.ok);
  assert.equal(b.plan.statements[0]!.Resource.length, 1);
  assert.deepEqual(b.plan.environment['SECRETS_NAMESPACE'], { 'Fn::Sub': 'cairn/${AWS::StackName}' });
  const bad = planAccess('function', 'topic', 'T', 'read');
  assert.deepEqual(bad, { ok: false, reason: 'A Topic offers write (publish messages) access, not read.' });
  assert.equal(planAccess('queue', 'table', 'T').ok, false);
});

// ---- GetAtt names against the resource specification (generated/spec.json, built on install).
const specPath = new URL('../../../generated/spec.json', import.meta.url);

test('every Fn::GetAtt a wire writes names a real attribute', { skip: !existsSync(specPath) && 'generated/spec.json not built' }, () => {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { resources: Record<string, [unknown, string[]]> };
  const attrsOf = (kind: NodeKind): string[] => spec.resources[nodeKindInfo(kind).writes!]![1];
  const check = (kind: NodeKind, id: string, v: unknown, where: string): void => {
    const text = JSON.stringify(v);
    for (const m of text.matchAll(/"Fn::GetAtt":\["([A-Za-z0-9]+)","([A-Za-z0-9.]+)"\]/g)) {
      if (m[1] === id) assert.ok(attrsOf(kind).includes(m[2]!), `${where}: ${kind} has no attribute ${m[2]}`);
    }
    for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}/g)) {
      if (m[1] === id) assert.ok(attrsOf(kind).includes(m[2]!), `${where}: ${kind} has no attribute ${m[2]}`);
    }
  };
  for (const { kind, level, grant } of grants) {
    check(kind, ID, grant, `${kind}/${level}`);
    check(kind, ID, accessEnvironment(kind, ID), `${kind} env`);
  }
  for (const r of TRIGGER_RULES) {
    const out = r.sam.kind === 'event' ? r.sam.properties('Src', 'Fn') : r.sam.kind === 'source-list' ? r.sam.item('Src', 'Fn') : r.sam.resources('Src', 'Fn');
    check(r.source, 'Src', out, `${r.source} trigger`);
    check(r.source, 'Src', r.serverless('Src', 'Fn'), `${r.source} serverless`);
    check(r.target, 'Fn', out, `${r.source} trigger target`);
  }
});
