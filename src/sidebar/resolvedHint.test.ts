import assert from 'node:assert/strict';
import { test } from 'node:test';
import { variableResolver } from '../model/formats/serverless/variables.ts';
import { hintLine, resolvedHint } from './resolvedHint.ts';

const FILE = {
  service: 'orders',
  provider: { name: 'aws', stage: "${opt:stage, 'dev'}" },
  custom: { limits: { a: 1 } },
};

test('a value with variables: what it comes to, and what cannot be resolved with why', () => {
  const dev = variableResolver(FILE);
  const cases: Array<[unknown, ReturnType<typeof resolvedHint>]> = [
    ['plain', null],
    [5, null],
    ['${self:service}-${sls:stage}', { text: 'orders-dev', unresolved: [] }],
    ['${ssm:/orders/key}', { text: null, unresolved: [{ raw: '${ssm:/orders/key}', why: 'read from AWS or a file when deployed' }] }],
    ['${sls:stage}/${env:TOKEN}', { text: 'dev/${env:TOKEN}', unresolved: [{ raw: '${env:TOKEN}', why: 'no value given: add it under Env values' }] }],
    ['${self:custom.nope}', { text: null, unresolved: [{ raw: '${self:custom.nope}', why: 'nothing in the file gives it a value for stage dev' }] }],
    ['${self:custom.limits}', { text: '{"a":1}', unresolved: [] }],
  ];
  for (const [v, want] of cases) assert.deepEqual(resolvedHint(dev, v as never), want, String(v));
  assert.equal(resolvedHint(null, '${sls:stage}'), null, 'no resolver: not a serverless.yml');
  const prod = variableResolver(FILE, { stage: 'prod', env: { TOKEN: 't' } });
  assert.deepEqual(resolvedHint(prod, '${sls:stage}/${env:TOKEN}'), { text: 'prod/t', unresolved: [] });
  assert.equal(hintLine({ text: 'dev/${env:T}', unresolved: [{ raw: '${env:T}', why: '' }] }), '→ dev/${env:T}; unresolved: ${env:T}');
});
