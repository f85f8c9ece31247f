import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseValueText } from './fragment.ts';

test('short and long intrinsics, block mappings, scalars and lists read as template values', () => {
  assert.deepEqual(parseValueText('!Equals [!Ref Stage, prod]'), { ok: true, value: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } });
  assert.deepEqual(parseValueText('Fn::And:\n  - !Condition A\n  - Condition: B\n'), { ok: true, value: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] } });
  assert.deepEqual(parseValueText('42'), { ok: true, value: 42 });
  assert.deepEqual(parseValueText('- a\n- b'), { ok: true, value: ['a', 'b'] });
  assert.deepEqual(parseValueText('|\n  line one\n  line two'), { ok: true, value: 'line one\nline two\n' });
});

test('bad input is a coded refusal with the line in the fragment', () => {
  const r = parseValueText('a: 1\nb: [1, 2');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.code, 'YAML_SYNTAX');
    assert.match(r.message, /^Line 2: /);
  }
  assert.equal(parseValueText('   ').ok, false);
  const bomb = parseValueText('a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]');
  assert.equal(bomb.ok, false);
});
