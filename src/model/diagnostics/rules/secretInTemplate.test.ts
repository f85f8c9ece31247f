import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { isSecretName, redact, secretInTemplate } from './secretInTemplate.ts';

// Synthetic secrets, split so that secret scanners do not flag this file.
const KEY_ID = 'AKIA' + 'Z3MSJV4WWNXKFH7Q';
const DOC_KEY_ID = 'AKIA' + 'IOSFODNN7EXAMPLE';
const SECRET_KEY = 'k7Rz9PqL2mX8vN4tB6wY' + '1cH5jD0sF3gA/uE+oI2n';
const DOC_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY';
const PEM = '-----BEGIN ' + 'RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----';

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...secretInTemplate.check({ value, format, locate: () => null, spec: null })];
}
function run(value: CfnObject, format: RuleContext['format'] = 'cloudformation'): string[] {
  return findings(value, format).map((f) => `${formatPath(f.path)} ${f.severity ?? secretInTemplate.severity}`);
}
const fnEnv = (Variables: CfnObject, Type = 'AWS::Serverless::Function'): CfnObject => ({ Resources: { F: { Type, Properties: { Environment: { Variables } } } } });
const V = 'Resources.F.Properties.Environment.Variables';

const cases: { name: string; value: CfnObject; format?: RuleContext['format']; expect: string[] }[] = [
  { name: 'ordinary variables', value: fnEnv({ TABLE: { Ref: 'T' }, STAGE: 'prod', LOG_LEVEL: 'debug' }), expect: [] },
  { name: 'an access key id', value: fnEnv({ AWS_KEY: KEY_ID }), expect: [`${V}.AWS_KEY error`] },
  { name: "AWS's documentation keys are allowed", value: fnEnv({ AWS_KEY: DOC_KEY_ID, AWS_SECRET_ACCESS_KEY: DOC_SECRET_KEY }), expect: [] },
  { name: 'an access key id anywhere in the template', value: { Resources: { C: { Type: 'Custom::X', Properties: { ServiceToken: 'arn', Creds: `id=${KEY_ID}` } } } }, expect: ['Resources.C.Properties.Creds error'] },
  { name: 'a secret access key beside an access key id', value: fnEnv({ KEY: KEY_ID, OTHER: SECRET_KEY }), expect: [`${V}.KEY error`, `${V}.OTHER error`] },
  { name: 'a secret access key by its name', value: fnEnv({ AWS_SECRET_ACCESS_KEY: SECRET_KEY }), expect: [`${V}.AWS_SECRET_ACCESS_KEY error`] },
  { name: 'a private key', value: fnEnv({ CERT: PEM }), expect: [`${V}.CERT warning`] },
  { name: 'secret-looking names with literal values', value: fnEnv({ DB_PASSWORD: 'hunter22', apiKey: 'k-123456', JwtSecret: 's3cr3t', GITHUB_TOKEN: 'ghp_x' }), expect: [`${V}.DB_PASSWORD warning`, `${V}.apiKey warning`, `${V}.JwtSecret warning`, `${V}.GITHUB_TOKEN warning`] },
  {
    name: 'names about a secret, not the secret',
    value: fnEnv({ SECRET_ARN: 'arn:aws:secretsmanager:x', TOKEN_TABLE_NAME: 'tokens', PASSWORD_LENGTH: '12', SECRETS_NAMESPACE: 'ns', kmsEncryptedToken: 'AQICAH...' }),
    expect: [],
  },
  {
    name: 'dynamic references, resources, paths and empty values are fine',
    value: fnEnv({
      DB_PASSWORD: '{{resolve:secretsmanager:db:SecretString:password}}',
      API_KEY: { 'Fn::Sub': '{{resolve:ssm-secure:/app/key}}' },
      TOKEN: { 'Fn::GetAtt': ['Secret', 'Id'] },
      SECRET: '/app/secret',
      PASSWORD: '',
      AUTH_TOKEN: { Ref: 'TokenResource' },
    }),
    expect: [],
  },
  { name: 'Fn::If branches are literals too', value: fnEnv({ API_KEY: { 'Fn::If': ['C', 'abc123', { Ref: 'AWS::NoValue' }] } }), expect: [`${V}.API_KEY.Fn::If[1] warning`] },
  {
    name: 'Ref to a parameter: fine when NoEcho',
    value: { Parameters: { Pw: { Type: 'String', NoEcho: true }, Tk: { Type: 'String' } }, ...fnEnv({ DB_PASSWORD: { Ref: 'Pw' }, API_TOKEN: { Ref: 'Tk' } }) },
    expect: [`${V}.API_TOKEN warning`],
  },
  { name: 'AWS::Lambda::Function', value: fnEnv({ PASSWORD: 'x1y2z3' }, 'AWS::Lambda::Function'), expect: [`${V}.PASSWORD warning`] },
  { name: 'Globals', value: { Globals: { Function: { Environment: { Variables: { SLACK_TOKEN: 'xoxb-1' } } } }, Resources: {} }, expect: ['Globals.Function.Environment.Variables.SLACK_TOKEN warning'] },
  {
    name: 'ECS container environment',
    value: { Resources: { T: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Environment: [{ Name: 'MODE', Value: 'x' }, { Name: 'DB_PASSWORD', Value: 'pw123' }] }] } } } },
    expect: ['Resources.T.Properties.ContainerDefinitions[0].Environment[1].Value warning'],
  },
  {
    name: 'parameter defaults',
    value: {
      Parameters: {
        DbPassword: { Type: 'String', Default: 'changeme' },
        ApiKey: { Type: 'String', NoEcho: true, Default: 'abc' },
        Token: { Type: 'String', NoEcho: true },
        SecretName: { Type: 'String', Default: 'prod/db' },
        Stage: { Type: 'String', Default: 'prod' },
        Key: { Type: 'String', Default: KEY_ID },
      },
      Resources: {},
    },
    expect: ['Parameters.Key.Default error', 'Parameters.DbPassword.Default warning', 'Parameters.ApiKey.Default warning'],
  },
  {
    name: 'serverless.yml: provider and function environment; framework variables are resolved later',
    format: 'serverless',
    value: {
      service: 's',
      provider: { name: 'aws', environment: { STRIPE_SECRET: 'sk_live_1', DB_PASSWORD: '${ssm:/db/password}' } },
      functions: { f: { handler: 'h', environment: { API_KEY: 'abc', TOKEN: '${env:TOKEN}' } } },
    },
    expect: ['provider.environment.STRIPE_SECRET warning', 'functions.f.environment.API_KEY warning'],
  },
];

for (const c of cases) {
  test(`SECRET_IN_TEMPLATE: ${c.name}`, () => assert.deepEqual(run(c.value, c.format), c.expect));
}

test('SECRET_IN_TEMPLATE: messages never repeat the secret', () => {
  const all = [
    ...findings(fnEnv({ K: KEY_ID, S: SECRET_KEY, DB_PASSWORD: 'hunter22', CERT: PEM })),
    ...findings({ Parameters: { DbPassword: { Type: 'String', Default: 'changeme' } }, Resources: {} }),
  ];
  assert.equal(all.length, 5);
  for (const f of all) {
    for (const secret of [KEY_ID, SECRET_KEY, 'hunter22', 'changeme', 'MIIE']) assert.ok(!f.message.includes(secret), f.message);
  }
  assert.match(all[0]!.message, /An AWS access key id \(AKIA…\)/);
  assert.match(all.find((f) => f.path.includes('DB_PASSWORD'))!.message, /Variable DB_PASSWORD of function F looks like a secret .*\(hunt…\).*\{\{resolve:secretsmanager/);
  assert.match(all[4]!.message, /Parameter DbPassword looks like a secret and has a Default \(chan…\) without NoEcho/);
});

test('SECRET_IN_TEMPLATE: secret names and redaction', () => {
  const yes = ['DB_PASSWORD', 'password', 'apiKey', 'ApiKey', 'API_KEY', 'GithubToken', 'CLIENT_SECRET', 'PRIVATE_KEY', 'dbPasswd', 'Passphrase'];
  const no = ['SECRET_ARN', 'SecretName', 'TOKEN_TABLE', 'PasswordLength', 'API_KEY_ID', 'ApiKeyRequired', 'SECRETS_NAMESPACE', 'EncryptedToken', 'TABLE', 'KEY'];
  for (const n of yes) assert.ok(isSecretName(n), n);
  for (const n of no) assert.ok(!isSecretName(n), n);
  assert.equal(redact('abcdefgh'), 'abcd…');
  assert.equal(redact('abc'), '…');
});
