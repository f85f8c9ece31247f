import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTemplate } from '../../../template.ts';
import { validateTemplate } from '../../../validate.ts';
import type { VariableOptions } from '../variables.ts';

const HEAD = 'service: shop\nprovider:\n  name: aws\n  stage: ${opt:stage, "dev"}\n';

/** `code line:col path` of each SLS_* diagnostic (and the security rules reading serverless sections). */
function run(body: string, variables?: VariableOptions, codes = /^SLS_/, head = HEAD): string[] {
  const t = openTemplate(head + body);
  return validateTemplate(t, { spec: null, ...(variables ? { variables } : {}) })
    .filter((d) => codes.test(d.code))
    .map((d) => `${d.code} ${d.severity} ${d.path.join('.')}`);
}

const cases: Array<{ name: string; body: string; head?: string; variables?: VariableOptions; codes?: RegExp; expect: string[] }> = [
  { name: 'known events', body: 'functions:\n  f:\n    events:\n      - http: GET /\n      - schedule: rate(1 hour)\n      - alexaSkill\n', expect: [] },
  {
    name: 'unknown and misspelt events',
    body: 'functions:\n  f:\n    events:\n      - sqss: {arn: x}\n      - trigger\n',
    expect: ['SLS_UNKNOWN_EVENT warning functions.f.events.0.sqss', 'SLS_UNKNOWN_EVENT warning functions.f.events.1'],
  },
  {
    name: 'other providers are not checked',
    head: 'service: shop\nprovider:\n  name: azure\n',
    body: 'functions:\n  f:\n    events:\n      - serviceBus: {}\n',
    expect: [],
  },
  {
    name: 'events naming missing resources',
    body: `functions:
  f:
    events:
      - sqs: {arn: !GetAtt Missing.Arn}
      - stream: {type: dynamodb, arn: !GetAtt Orders.StreamArn}
      - sns: {arn: !Ref Gone, topicName: gone}
      - sqs: \${self:resources.Resources.Nope.Arn}
      - sqs: arn:aws:sqs:us-east-1:1:outside
      - s3: {bucket: !Ref HelloLambdaFunction, existing: true}
  hello: {handler: h}
resources:
  Resources:
    Orders: {Type: AWS::DynamoDB::Table}
`,
    expect: [
      'SLS_EVENT_MISSING_RESOURCE error functions.f.events.0.sqs.arn',
      'SLS_EVENT_MISSING_RESOURCE error functions.f.events.2.sns.arn',
      'SLS_EVENT_MISSING_RESOURCE error functions.f.events.3.sqs',
      'SLS_UNRESOLVED_VARIABLE warning functions.f.events.3.sqs',
    ],
  },
  {
    name: 'variables that do not resolve',
    body: `custom:
  table: orders-\${sls:stage}
  loop: \${self:custom.loop}
functions:
  f:
    handler: h
    environment:
      TABLE: \${self:custom.table}
      TYPO: \${self:custom.tabel}
      LOOP: \${self:custom.loop}
      DOMAIN: \${param:domain}
      REGION: \${opt:region}
      SECRET: \${ssm:/shop/secret}
      HOME: \${env:HOME}
`,
    expect: [
      'SLS_UNRESOLVED_VARIABLE warning custom.loop',
      'SLS_UNRESOLVED_VARIABLE warning functions.f.environment.TYPO',
      'SLS_UNRESOLVED_VARIABLE warning functions.f.environment.LOOP',
      'SLS_UNRESOLVED_VARIABLE warning functions.f.environment.DOMAIN',
      'SLS_UNRESOLVED_VARIABLE info functions.f.environment.REGION',
    ],
  },
  {
    name: 'variables resolve with the values given',
    body: 'params:\n  prod: {domain: example.com}\nfunctions:\n  f: {handler: h, environment: {DOMAIN: "${param:domain}", REGION: "${opt:region}"}}\n',
    variables: { stage: 'prod', region: 'eu-west-1' },
    expect: [],
  },
  {
    name: 'wildcard resources and secrets in the framework sections',
    body: `  iam:
    role:
      statements:
        - {Effect: Allow, Action: ['s3:GetObject'], Resource: '*'}
  iamRoleStatements:
    - {Effect: Allow, Action: ['sqs:SendMessage'], Resource: ['*']}
  environment:
    DB_PASSWORD: hunter2hunter2
functions:
  f:
    handler: h
    iamRoleStatements:
      - {Effect: Allow, Action: ['dynamodb:*'], Resource: '*'}
`,
    codes: /^(WILDCARD_RESOURCE|SECRET_IN_TEMPLATE)$/,
    expect: [
      'WILDCARD_RESOURCE warning provider.iam.role.statements.0.Resource',
      'WILDCARD_RESOURCE warning provider.iamRoleStatements.0.Resource.0',
      'SECRET_IN_TEMPLATE warning provider.environment.DB_PASSWORD',
      'WILDCARD_RESOURCE warning functions.f.iamRoleStatements.0.Resource',
    ],
  },
];

for (const c of cases) test(`serverless rules: ${c.name}`, () => assert.deepEqual(run(c.body, c.variables, c.codes, c.head), c.expect));

test('serverless rules: every diagnostic has a range', () => {
  const t = openTemplate(HEAD + 'functions:\n  f:\n    events:\n      - sqss: {arn: x}\n    environment: {A: "${self:nope}"}\n');
  for (const d of validateTemplate(t, { spec: null }).filter((x) => x.code.startsWith('SLS_'))) assert.ok(d.range, d.code);
});
