import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVariables, readChoice, MAX_NESTING } from './variableSyntax.ts';
import { variableResolver, variablesIn } from './variables.ts';
import type { CfnObject } from '../../value.ts';

const file: CfnObject = {
  service: 'shop',
  provider: { name: 'aws', stage: "${opt:stage, 'dev'}", region: '${opt:region, "eu-west-1"}', environment: { TABLE: '${self:custom.table}' } },
  custom: {
    table: '${self:service}-orders-${sls:stage}',
    sizes: { dev: 128, prod: 1024 },
    size: '${self:custom.sizes.${sls:stage}}',
    arn: { 'Fn::GetAtt': ['Jobs', 'Arn'] },
    list: ['a', 'b'],
    loopA: '${self:custom.loopB}',
    loopB: '${self:custom.loopA}',
    secret: '${ssm:/shop/secret}',
  },
  params: { default: { domain: 'dev.example.com' }, prod: { domain: 'example.com' } },
};

test('variables: parsing keeps every character and finds nesting and fallbacks', () => {
  const text = "arn:${self:custom.${sls:stage}.x, 'a,b'}/${AWS::Region}";
  const parts = parseVariables(text);
  assert.deepEqual(parts.map((p) => (p.kind === 'text' ? p.text : p.raw)).join(''), text);
  const v = parts[1]!;
  assert.ok(v.kind === 'variable');
  assert.equal(v.choices.length, 2);
  assert.equal(v.choices[0]![1]!.kind, 'variable');
  // CloudFormation's own ${AWS::Region} and ${Name} are text
  assert.equal(parts.at(-1)!.kind, 'text');
  assert.deepEqual(parseVariables('${Bucket.Arn}'), [{ kind: 'text', text: '${Bucket.Arn}' }]);
  assert.deepEqual(parseVariables('${self:a'), [{ kind: 'text', text: '${self:a' }]);
  assert.deepEqual(readChoice("'dev'"), { kind: 'literal', value: 'dev' });
  assert.deepEqual(readChoice('10'), { kind: 'literal', value: 10 });
  assert.deepEqual(readChoice('file(./config.yml):a.b'), { kind: 'reference', source: 'file', param: './config.yml', address: 'a.b' });
  assert.equal(readChoice('not a reference'), null);
  assert.equal(variablesIn('${self:a}-${opt:b}').length, 2);
});

test('variables: self, opt, sls, aws:region and defaults', () => {
  const r = variableResolver(file);
  assert.equal(r.stage, 'dev');
  assert.equal(r.region, 'eu-west-1');
  assert.deepEqual(r.resolve('${self:custom.table}'), { value: 'shop-orders-dev', unresolved: [] });
  assert.deepEqual(r.resolve('${self:provider.environment.TABLE}').value, 'shop-orders-dev');
  assert.deepEqual(r.resolve('${self:custom.size}').value, 128);
  assert.deepEqual(r.resolve('${self:custom.arn}').value, { 'Fn::GetAtt': ['Jobs', 'Arn'] });
  assert.deepEqual(r.resolve('${self:custom.list.1}').value, 'b');
  assert.deepEqual(r.resolve('${aws:region}/${sls:stage}').value, 'eu-west-1/dev');
  assert.deepEqual(r.resolve("${opt:color, self:custom.missing, 'blue'}").value, 'blue');
  assert.deepEqual(r.resolve('x-${opt:stage, ${self:service}}').value, 'x-shop');
  const prod = variableResolver(file, { stage: 'prod', region: 'us-east-2', options: { color: 'red' } });
  assert.equal(prod.stage, 'prod');
  assert.deepEqual(prod.resolve('${self:custom.table}').value, 'shop-orders-prod');
  assert.deepEqual(prod.resolve('${self:custom.size}').value, 1024);
  assert.deepEqual(prod.resolve('${opt:color}').value, 'red');
  assert.deepEqual(prod.resolve('${self:provider.region}').value, 'us-east-2');
});

test('variables: env and param', () => {
  assert.deepEqual(variableResolver(file, { env: { HOME_DIR: '/h' } }).resolve('${env:HOME_DIR}').value, '/h');
  assert.deepEqual(variableResolver(file).resolve('${env:HOME_DIR}').unresolved, [{ raw: '${env:HOME_DIR}', source: 'env', reason: 'missing' }]);
  assert.deepEqual(variableResolver(file).resolve("${env:HOME_DIR, '/tmp'}").value, '/tmp');
  assert.equal(variableResolver(file).resolve('${param:domain}').value, 'dev.example.com');
  assert.equal(variableResolver(file, { stage: 'prod' }).resolve('${param:domain}').value, 'example.com');
  assert.equal(variableResolver(file, { params: { domain: 'x.test' } }).resolve('${param:domain}').value, 'x.test');
  assert.equal(variableResolver(file).resolve('${param:other}').unresolved[0]!.reason, 'missing');
});

test('variables: sources needing I/O stay as written', () => {
  const r = variableResolver(file);
  for (const text of ['${file(./x.yml):a}', '${ssm:/a/b}', '${cf:stack.Output}', '${s3:bucket/key}', '${aws:accountId}', '${sls:instanceId}', '${git:branch}']) {
    const res = r.resolve(`pre-${text}-post`);
    assert.equal(res.value, `pre-${text}-post`, text);
    assert.equal(res.unresolved[0]!.reason, 'external', text);
  }
  // the framework would ask SSM first: the fallback is not taken
  assert.equal(r.resolve("${ssm:/a, 'x'}").value, "${ssm:/a, 'x'}");
  // a self reference to a value holding an ssm variable resolves; the ssm one is reported where it is written
  assert.deepEqual(r.resolve('${self:custom.secret}'), { value: '${ssm:/shop/secret}', unresolved: [] });
});

test('variables: missing, cycles and depth never hang', () => {
  const r = variableResolver(file);
  assert.deepEqual(r.resolve('${self:custom.nope}').unresolved, [{ raw: '${self:custom.nope}', source: 'self', reason: 'missing' }]);
  assert.equal(r.resolve('${self:custom.loopA}').unresolved[0]!.reason, 'cycle');
  assert.equal(r.resolve('${opt:stage}').unresolved[0]!.reason, 'missing');
  // a chain longer than the cap
  const chain: CfnObject = { custom: {} };
  for (let i = 0; i < 100; i++) (chain['custom'] as CfnObject)[`v${i}`] = `\${self:custom.v${i + 1}}`;
  (chain['custom'] as CfnObject)['v100'] = 'end';
  assert.equal(variableResolver(chain).resolve('${self:custom.v0}').unresolved[0]!.reason, 'depth');
  assert.equal(variableResolver(chain).resolve('${self:custom.v90}').value, 'end');
  // the whole file inside itself
  assert.ok(typeof variableResolver({ service: 's', all: '${self:}' }).resolve('${self:all}').value === 'object');
});

test('variables: hostile input', () => {
  const deep = '${self:'.repeat(5000) + 'x' + '}'.repeat(5000);
  let t = Date.now();
  const parts = parseVariables(deep);
  assert.equal(parts.map((p) => (p.kind === 'text' ? p.text : p.raw)).join(''), deep);
  variableResolver(file).resolve(deep);
  const open = '${'.repeat(200_000);
  assert.deepEqual(parseVariables(open), [{ kind: 'text', text: open }]);
  const many = '${self:service}'.repeat(50_000);
  assert.equal(variableResolver(file).resolve(many).value, 'shop'.repeat(50_000));
  const huge = 'a'.repeat(2_000_000) + '${self:service}';
  assert.equal(variableResolver(file).resolve(huge).value, 'a'.repeat(2_000_000) + 'shop');
  assert.ok(Date.now() - t < 5000, `took ${Date.now() - t} ms`);
  t = 0;
  assert.ok(MAX_NESTING >= 8);
});
