import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CfnObject } from '../../value.ts';
import { setKey } from '../../value.ts';
import { parseCached } from '../../yaml/cache.ts';
import type { RuleContext } from '../rule.ts';
import { formatPath } from '../types.ts';
import { suspiciousKey } from './suspiciousKey.ts';

function findings(value: CfnObject, format: RuleContext['format'] = 'cloudformation') {
  return [...suspiciousKey.check({ value, format, locate: () => null, spec: null })];
}
function run(value: CfnObject, format: RuleContext['format'] = 'cloudformation'): string[] {
  return findings(value, format).map((f) => `${formatPath(f.path)}${f.atKey ? ' (key)' : ''} ${f.severity ?? suspiciousKey.severity}`).sort();
}
const yaml = (text: string): CfnObject => {
  const p = parseCached(text);
  assert.ok(p.value);
  return p.value;
};
const proto = (v: CfnObject): CfnObject => {
  const o: CfnObject = {};
  setKey(o, '__proto__', v);
  return o;
};

const cases: { name: string; value: CfnObject; format?: RuleContext['format']; expect: string[] }[] = [
  { name: 'ordinary keys', value: { Resources: { A: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'proto', Value: '<<' }] } } } }, expect: [] },
  { name: '__proto__ as an own key', value: { Resources: { A: { Type: 'AWS::S3::Bucket', Properties: proto({ isAdmin: true }) } } }, expect: ['Resources.A.Properties.__proto__ (key) error'] },
  { name: 'a merge key, parsed from YAML', value: yaml('Defaults: &d {Runtime: nodejs22.x}\nResources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      <<: *d\n      Handler: h\n'), expect: ['Resources.F.Properties.<< (key) error'] },
  { name: 'both, in lists and nested', value: yaml('Resources:\n  A:\n    Type: X\n    Properties:\n      L:\n        - __proto__: {a: 1}\n        - {<<: {b: 2}}\n'), expect: ['Resources.A.Properties.L[0].__proto__ (key) error', 'Resources.A.Properties.L[1].<< (key) error'] },
  { name: 'serverless.yml: a merge key is a warning, __proto__ an error', format: 'serverless', value: yaml('service: s\nprovider: {name: aws}\ncustom:\n  base: &b {memorySize: 512}\nfunctions:\n  f:\n    <<: *b\n    handler: h\n    __proto__: {x: 1}\n'), expect: ['functions.f.<< (key) warning', 'functions.f.__proto__ (key) error'] },
];

for (const c of cases) {
  test(`SUSPICIOUS_KEY: ${c.name}`, () => assert.deepEqual(run(c.value, c.format), c.expect));
}

test('SUSPICIOUS_KEY: the walk leaves prototypes alone and survives deep nesting', () => {
  const value = yaml('__proto__: {isAdmin: true}\nResources: {}\n');
  assert.equal(run(value).length, 1);
  assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  let deep: CfnObject = { '<<': 1 };
  for (let i = 0; i < 20000; i++) deep = { a: deep };
  assert.equal(findings(deep).length, 1);
});

test('SUSPICIOUS_KEY: messages explain the danger and the fix', () => {
  assert.match(findings(yaml('a: {<<: {b: 1}}\n'))[0]!.message, /CloudFormation does not merge maps.*Write the keys out/);
  assert.match(findings(proto({}))[0]!.message, /__proto__.*Rename or remove it/);
});
