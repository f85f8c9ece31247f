import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ok, refused } from '../../../testing/edits.ts';
import { parseCached } from '../../../yaml/cache.ts';
import type { Edit } from '../../types.ts';
import { accessScope } from './service.ts';
import { openTemplate } from '../../../template.ts';

const SERVICE = `service: orders
provider:
  name: aws
  iam:
    role:
      statements:
        # logs go to the shared bucket
        - Effect: Allow
          Action: s3:PutObject
          Resource: !Sub \${Logs.Arn}/*
functions:
  create:
    handler: create.main
  list:
    handler: list.main
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
    Logs:
      Type: AWS::S3::Bucket
    Stream:
      Type: AWS::Kinesis::Stream
`;

const access = (source: string, target: string, level?: 'read' | 'write' | 'crud'): Edit => ({ op: 'connect', source, target, kind: 'access', ...(level ? { level } : {}) });
const JOBS_STATEMENT = '        - Effect: Allow\n          Action:\n            - sqs:SendMessage*\n          Resource:\n            - !GetAtt Jobs.Arn\n';
const JOBS_ENV = '    environment:\n      JOBS_QUEUE_URL: !Ref Jobs\n      JOBS_QUEUE_ARN: !GetAtt Jobs.Arn\n';
const KINESIS_READ = '            - kinesis:DescribeStream\n            - kinesis:DescribeStreamSummary\n            - kinesis:GetRecords\n            - kinesis:GetShardIterator\n            - kinesis:ListShards\n';

/** SERVICE with statements appended to the role and env entries under functions. */
function expected(statements: string, env: Record<string, string>): string {
  let out = SERVICE.replace('          Resource: !Sub ${Logs.Arn}/*\n', '          Resource: !Sub ${Logs.Arn}/*\n' + statements);
  for (const [fn, lines] of Object.entries(env)) out = out.replace(`    handler: ${fn}.main\n`, `    handler: ${fn}.main\n${lines}`);
  return out;
}

describe('serverless connect: access', () => {
  test("a statement scoped to the one queue in the service's role, and env entries on the function", () => {
    assert.equal(ok(SERVICE, access('create', 'Jobs')), expected(JOBS_STATEMENT, { create: JOBS_ENV }));
  });

  test('a second function on the shared role reuses the statement and gets its env entries', () => {
    assert.equal(ok(SERVICE, [access('create', 'Jobs'), access('list', 'Jobs')]), expected(JOBS_STATEMENT, { create: JOBS_ENV, list: JOBS_ENV }));
    refused(ok(SERVICE, access('create', 'Jobs')), access('create', 'Jobs'), 'WIRE_EXISTS');
  });

  test('never a * resource; tables get their indexes', () => {
    const text = ok(SERVICE.replace('    Stream:\n', '    Orders:\n      Type: AWS::DynamoDB::Table\n    Stream:\n'), access('create', 'Orders', 'read'));
    assert.match(text, /Resource:\n {12}- !GetAtt Orders\.Arn\n {12}- !Sub \$\{Orders\.Arn\}\/index\/\*\n/);
    assert.doesNotMatch(text, /Resource: ['"]?\*/);
  });

  test('missing sections are created; legacy iamRoleStatements are appended to', () => {
    const bare = 'service: x\nprovider:\n  name: aws\nfunctions:\n  a: {handler: a.main}\nresources:\n  Resources:\n    Jobs:\n      Type: AWS::SQS::Queue\n';
    assert.equal(
      ok(bare, access('a', 'Jobs')),
      'service: x\nprovider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action:\n            - sqs:SendMessage*\n          Resource:\n            - !GetAtt Jobs.Arn\n' +
        'functions:\n  a: {handler: a.main, environment: {JOBS_QUEUE_URL: !Ref Jobs, JOBS_QUEUE_ARN: !GetAtt Jobs.Arn}}\nresources:\n  Resources:\n    Jobs:\n      Type: AWS::SQS::Queue\n',
    );
    const legacy = bare.replace('  name: aws\n', '  name: aws\n  iamRoleStatements:\n    - Effect: Allow\n      Action: ["s3:GetObject"]\n      Resource: "arn:aws:s3:::public/*"\n');
    assert.equal(
      ok(legacy, access('a', 'Jobs', 'read')),
      legacy
        .replace('      Resource: "arn:aws:s3:::public/*"\n', '      Resource: "arn:aws:s3:::public/*"\n    - Effect: Allow\n      Action:\n        - sqs:ChangeMessageVisibility\n        - sqs:ChangeMessageVisibilityBatch\n        - sqs:DeleteMessage\n        - sqs:DeleteMessageBatch\n        - sqs:GetQueueAttributes\n        - sqs:ReceiveMessage\n      Resource:\n        - !GetAtt Jobs.Arn\n')
        .replace('  a: {handler: a.main}', '  a: {handler: a.main, environment: {JOBS_QUEUE_URL: !Ref Jobs, JOBS_QUEUE_ARN: !GetAtt Jobs.Arn}}'),
    );
  });

  test('with serverless-iam-roles-per-function the statements go to the function', () => {
    const perFn = SERVICE.replace('functions:\n', 'plugins:\n  - serverless-iam-roles-per-function\nfunctions:\n');
    assert.equal(
      ok(perFn, access('list', 'Jobs')),
      perFn.replace('    handler: list.main\n', '    handler: list.main\n    iamRoleStatements:\n      - Effect: Allow\n        Action:\n          - sqs:SendMessage*\n        Resource:\n          - !GetAtt Jobs.Arn\n' + JOBS_ENV),
    );
    const modules = SERVICE.replace('functions:\n', 'plugins:\n  modules:\n    - serverless-iam-roles-per-function\nfunctions:\n');
    const value = parseCached(modules).value!;
    assert.equal(accessScope(value, 'list'), 'function-role');
    assert.equal(accessScope(parseCached(SERVICE).value!, 'list'), 'service-role');
    const own = SERVICE.replace('    handler: list.main\n', '    handler: list.main\n    iamRoleStatements: []\n');
    assert.equal(accessScope(parseCached(own).value!, 'list'), 'function-role');
    assert.match(ok(own, access('list', 'Jobs')), /iamRoleStatements:\n {6}- Effect: Allow\n/);
  });

  test('comments and flow entries are kept; a function invoking another names its generated logical id', () => {
    const text = ok(SERVICE, access('create', 'list'));
    assert.match(text, /# logs go to the shared bucket\n/);
    assert.match(text, /Action:\n {12}- lambda:InvokeFunction\n {10}Resource:\n {12}- !GetAtt ListLambdaFunction\.Arn\n {12}- !Sub \$\{ListLambdaFunction\.Arn\}:\*\n/);
    assert.match(text, /LIST_FUNCTION_NAME: !Ref ListLambdaFunction\n/);
  });

  test('refusals', () => {
    refused(ok(SERVICE, access('create', 'Jobs')).replace('JOBS_QUEUE_URL: !Ref Jobs', 'JOBS_QUEUE_URL: other'), access('create', 'Jobs', 'read'), 'WIRE_ENV_CONFLICT');
    refused(SERVICE, access('Jobs', 'Logs'), 'WIRE_NOT_ALLOWED');
    refused(SERVICE, access('create', 'Jobs', 'crud'), 'WIRE_NOT_ALLOWED');
    refused(SERVICE.replace('  list:\n    handler: list.main\n', '  list:\n    handler: list.main\n    role: arn:aws:iam::123456789012:role/own\n'), access('list', 'Jobs'), 'WIRE_UNSUPPORTED');
    refused(SERVICE.replace('  iam:\n    role:\n', '  iam:\n    role: arn:aws:iam::123456789012:role/mine\n    unused:\n'), access('create', 'Jobs'), 'WIRE_UNSUPPORTED');
  });
});

describe('serverless connect: access through a role of the file', () => {
  const CUSTOM = `service: orders
provider:
  name: aws
  iam:
    role: AppRole
functions:
  create:
    handler: create.main
  report:
    handler: report.main
    role: !GetAtt ReportRole.Arn
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
    AppRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
        Policies:
          - PolicyName: app
            PolicyDocument:
              Version: '2012-10-17'
              Statement:
                - Effect: Allow
                  Action: logs:*
                  Resource: '*'
    ReportRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
`;
  const wired = (text: string, source: string, target: string) => openTemplate(text).graph.edges.some((e) => e.kind === 'access' && e.source === source && e.target === target);

  test('provider.iam.role naming a role of the file: the statement goes into its inline policy, and the wire is drawn', () => {
    const out = ok(CUSTOM, access('create', 'Jobs'));
    assert.equal(
      out,
      CUSTOM.replace("                  Resource: '*'\n", "                  Resource: '*'\n                - Effect: Allow\n                  Action:\n                    - sqs:SendMessage*\n                  Resource:\n                    - !GetAtt Jobs.Arn\n").replace(
        '  create:\n    handler: create.main\n',
        '  create:\n    handler: create.main\n    environment:\n      JOBS_QUEUE_URL: !Ref Jobs\n      JOBS_QUEUE_ARN: !GetAtt Jobs.Arn\n',
      ),
    );
    assert.ok(wired(out, 'create', 'Jobs'));
    assert.equal(ok(out, { op: 'disconnect', source: 'create', target: 'Jobs', kind: 'access' }), CUSTOM);
  });

  test("a function's role: of the file with no inline policy yet gets one, scoped to the one queue", () => {
    const out = ok(CUSTOM, access('report', 'Jobs'));
    assert.ok(wired(out, 'report', 'Jobs'));
    assert.ok(!wired(out, 'create', 'Jobs'), 'the other role is untouched');
    const role = out.slice(out.indexOf('    ReportRole:'));
    assert.match(role, /\n {8}Policies:\n {10}- PolicyName: ReportRoleAccess\n {12}PolicyDocument:\n {14}Version: '2012-10-17'\n {14}Statement:\n {16}- Effect: Allow\n/);
    assert.match(role, /Resource:\n\s+- !GetAtt Jobs\.Arn\n/);
    assert.doesNotMatch(role, /Resource:\s*['"]?\*/);
  });
});

describe('serverless disconnect and setAccessLevel: access', () => {
  test('removes what connect wrote; the shared statement stays while another function uses it', () => {
    assert.equal(ok(SERVICE, [access('create', 'Jobs'), { op: 'disconnect', source: 'create', target: 'Jobs', kind: 'access' }]), SERVICE);
    assert.equal(
      ok(SERVICE, [access('create', 'Jobs'), access('list', 'Jobs'), { op: 'disconnect', source: 'create', target: 'Jobs', kind: 'access' }]),
      expected(JOBS_STATEMENT, { list: JOBS_ENV }),
    );
  });

  test('a statement naming several resources loses only the target', () => {
    const shared = SERVICE.replace('          Resource: !Sub ${Logs.Arn}/*\n', '          Resource:\n            - !Sub ${Logs.Arn}/*\n            - !GetAtt Jobs.Arn\n');
    assert.equal(ok(shared, { op: 'disconnect', source: 'create', target: 'Jobs', kind: 'access' }), shared.replace('            - !GetAtt Jobs.Arn\n', ''));
    refused(shared, { op: 'setAccessLevel', source: 'create', target: 'Jobs', level: 'read' }, 'WIRE_LEVEL_UNRECOGNISED');
  });

  test('a level change rewrites the actions in place, adding or removing statements as the level needs', () => {
    const write = ok(SERVICE, access('create', 'Stream'));
    const crud = ok(write, { op: 'setAccessLevel', source: 'create', target: 'Stream', level: 'crud' });
    assert.equal(crud, write.replace('            - !GetAtt Stream.Arn\n', `            - !GetAtt Stream.Arn\n        - Effect: Allow\n          Action:\n${KINESIS_READ}          Resource:\n            - !GetAtt Stream.Arn\n`));
    const read = ok(crud, { op: 'setAccessLevel', source: 'create', target: 'Stream', level: 'read' });
    assert.equal(read, expected(`        - Effect: Allow\n          Action:\n${KINESIS_READ}          Resource:\n            - !GetAtt Stream.Arn\n`, { create: '    environment:\n      STREAM_NAME: !Ref Stream\n      STREAM_ARN: !GetAtt Stream.Arn\n' }));
    assert.equal(ok(read, { op: 'setAccessLevel', source: 'create', target: 'Stream', level: 'read' }), read);
    refused(write, { op: 'setAccessLevel', source: 'create', target: 'Jobs', level: 'read' }, 'WIRE_NOT_FOUND');
    refused(write, { op: 'setAccessLevel', source: 'create', target: 'Logs', level: 'read' }, 'WIRE_LEVEL_UNRECOGNISED');
  });
});
