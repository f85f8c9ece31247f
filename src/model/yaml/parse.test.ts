import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseText } from './parse.ts';
import { estimateNesting, MAX_TEMPLATE_BYTES } from './limits.ts';

// A guard against hangs, not a speed test: `npm run bench` measures these against the 100 ms target.
const HANG_MS = 1000;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

function billionLaughs(levels: number): string {
  let s = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (let i = 1; i < levels; i++) {
    const name = String.fromCharCode(97 + i);
    s += `${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]\n`;
    prev = name;
  }
  return s;
}

test('short-form tags compose in scalar, sequence and mapping forms', () => {
  const p = parseText('A: !Ref X\nB: !GetAtt T.Arn\nC: !Sub [\'x${Y}\', {Y: !Ref Z}]\nD: !Transform {Name: M}\nE: !GetAtt [T, StreamArn]\nF: !GetAtt A.B.C\n');
  assert.deepEqual(p.value, {
    A: { Ref: 'X' },
    B: { 'Fn::GetAtt': ['T', 'Arn'] },
    C: { 'Fn::Sub': ['x${Y}', { Y: { Ref: 'Z' } }] },
    D: { 'Fn::Transform': { Name: 'M' } },
    E: { 'Fn::GetAtt': ['T', 'StreamArn'] },
    F: { 'Fn::GetAtt': ['A', 'B.C'] },
  });
  assert.deepEqual(p.diagnostics, []);
});

test('numbers keep their written form when JavaScript would change it', () => {
  const p = parseText('Account: 054676820928\nVersion: 1.10\nPort: 8080\nRatio: 0.5\n');
  assert.deepEqual(p.value, { Account: '054676820928', Version: '1.10', Port: 8080, Ratio: 0.5 });
});

test('YAML 1.2 core schema: dates and yes/no stay strings', () => {
  const p = parseText("AWSTemplateFormatVersion: 2010-09-09\nFlag: yes\n");
  assert.deepEqual(p.value, { AWSTemplateFormatVersion: '2010-09-09', Flag: 'yes' });
});

test('syntax errors are diagnostics with positions, and the text is blocked from rewriting', () => {
  const p = parseText('Resources:\n  A: [1, 2\n  B: 3\n');
  assert.equal(p.blocked, true);
  const d = p.diagnostics.find((x) => x.severity === 'error');
  assert.ok(d);
  assert.equal(d.code, 'YAML_SYNTAX');
  assert.ok(d.range && d.range.start.line >= 2);
});

test('duplicate keys are reported with their own code', () => {
  const p = parseText('Resources:\n  A: {Type: X}\n  A: {Type: Y}\n');
  assert.ok(p.diagnostics.some((d) => d.code === 'YAML_DUPLICATE_KEY' && d.range?.start.line === 3));
});

test('a 9-level billion-laughs bomb is refused quickly', () => {
  const { value: p, ms } = timed(() => parseText(billionLaughs(9)));
  assert.equal(p.blocked, true);
  assert.equal(p.value, null);
  assert.ok(p.diagnostics.some((d) => d.code === 'YAML_ALIAS_LIMIT'));
  assert.ok(ms < HANG_MS, `took ${ms.toFixed(1)} ms`);
});

test('10,000-deep flow and block nesting are refused without a crash', () => {
  for (const text of ['a: ' + '['.repeat(10000) + ']'.repeat(10000), '- '.repeat(10000) + 'x\n', 'a: ' + '{b: '.repeat(10000) + '}'.repeat(10000)]) {
    const { value: p, ms } = timed(() => parseText(text));
    assert.equal(p.blocked, true);
    assert.equal(p.diagnostics[0]!.code, 'YAML_TOO_DEEP');
    assert.ok(ms < HANG_MS, `took ${ms.toFixed(1)} ms`);
  }
});

test('nesting estimate is not fooled by brackets in strings and comments', () => {
  assert.ok(estimateNesting('a: "[[[[[[[[[["\nb: \'{{{{{{{\' # [[[[[[\nc: [1, [2]]\n') <= 4);
});

test('__proto__ and merge keys stay own keys and never touch a prototype', () => {
  const p = parseText('__proto__:\n  isAdmin: true\nx:\n  <<: {__proto__: {polluted: 1}}\n');
  assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.ok(p.value && Object.prototype.hasOwnProperty.call(p.value, '__proto__'));
  assert.equal(Object.getPrototypeOf(p.value), Object.prototype);
  const x = p.value!['x'] as Record<string, unknown>;
  assert.ok(Object.prototype.hasOwnProperty.call(x, '<<'));
});

test('a file over 1 MB is refused before parsing', () => {
  const big = 'Description: "' + 'x'.repeat(MAX_TEMPLATE_BYTES) + '"\n';
  const { value: p, ms } = timed(() => parseText(big));
  assert.equal(p.diagnostics[0]!.code, 'TEMPLATE_TOO_LARGE');
  assert.equal(p.blocked, true);
  assert.ok(ms < HANG_MS, `took ${ms.toFixed(1)} ms`);
});

test('multi-byte text is measured in bytes', () => {
  const text = 'D: "' + 'é'.repeat(MAX_TEMPLATE_BYTES / 2) + '"\n';
  assert.equal(parseText(text).diagnostics[0]!.code, 'TEMPLATE_TOO_LARGE');
});

test('JSON templates are detected', () => {
  assert.equal(parseText('  {"Resources": {}}').syntax, 'json');
  assert.equal(parseText('Resources: {}').syntax, 'yaml');
});

test('a document that is not a mapping is a diagnostic', () => {
  const p = parseText('- a\n- b\n');
  assert.equal(p.blocked, true);
  assert.equal(p.diagnostics[0]!.code, 'TEMPLATE_NOT_A_MAPPING');
});
