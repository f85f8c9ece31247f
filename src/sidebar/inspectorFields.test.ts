import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIELDS, fieldText, parseField } from './inspectorFields.ts';

const memory = FIELDS.function!.find((f) => f.name === 'MemorySize')!;
const handler = FIELDS.function!.find((f) => f.name === 'Handler')!;

test('numbers are checked against their range', () => {
  assert.deepEqual(parseField(memory, ' 512 '), { ok: true, value: 512 });
  assert.equal(parseField(memory, '64').ok, false);
  assert.equal(parseField(memory, 'lots').ok, false);
  assert.deepEqual(parseField(memory, ''), { ok: true, value: undefined });
});

test('required fields cannot be emptied', () => {
  assert.equal(parseField(handler, '  ').ok, false);
  assert.deepEqual(parseField(handler, 'app.main'), { ok: true, value: 'app.main' });
});

test('intrinsics show as written and are edited in YAML', () => {
  assert.deepEqual(fieldText({ Ref: 'Stage' }), { text: '!Ref Stage', editable: false });
  assert.deepEqual(fieldText({ 'Fn::GetAtt': ['T', 'Arn'] }), { text: '!GetAtt T.Arn', editable: false });
  assert.deepEqual(fieldText(300), { text: '300', editable: true });
  assert.deepEqual(fieldText(undefined), { text: '', editable: true });
});
