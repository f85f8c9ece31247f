import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventSettings } from '../model/catalog/eventSettings.ts';
import { parseSetting, settingField, writtenSetting } from './wireFields.ts';

const setting = (type: string, name: string) => eventSettings(type).find((s) => s.name === name)!;

test('numbers are checked against Lambda ranges and must be whole', () => {
  const batch = setting('SQS', 'BatchSize');
  assert.deepEqual(parseSetting(batch, ' 5 '), { ok: true, value: 5 });
  assert.equal(parseSetting(batch, '0').ok, false);
  assert.equal(parseSetting(batch, '10001').ok, false);
  assert.equal(parseSetting(batch, '2.5').ok, false);
  assert.equal(parseSetting(batch, 'ten').ok, false);
  assert.deepEqual(parseSetting(batch, ''), { ok: true, value: undefined }, 'empty removes an optional setting');
});

test('required settings cannot be emptied; booleans are written as booleans', () => {
  assert.equal(parseSetting(setting('Schedule', 'Schedule'), '').ok, false);
  assert.deepEqual(parseSetting(setting('SQS', 'Enabled'), 'false'), { ok: true, value: false });
  assert.equal(parseSetting(setting('SQS', 'Enabled'), 'no').ok, false);
});

test("select options follow the file's case", () => {
  assert.deepEqual(settingField(setting('HttpApi', 'Method'), 'post').options?.slice(0, 2), ['get', 'post']);
  assert.deepEqual(settingField(setting('HttpApi', 'Method'), 'POST').options?.slice(0, 2), ['GET', 'POST']);
  assert.deepEqual(settingField(setting('Api', 'Method'), 'GET').options?.slice(0, 2), ['GET', 'POST']);
  assert.deepEqual(settingField(setting('SQS', 'Enabled'), true).options, ['true', 'false']);
});

test('settings the form does not know are edited as the type they are written with; others are YAML', () => {
  assert.equal(writtenSetting('X', 3)?.input, 'number');
  assert.equal(writtenSetting('X', false)?.input, 'boolean');
  assert.equal(writtenSetting('X', 'a')?.input, 'text');
  assert.equal(writtenSetting('X', ['a']), null);
  assert.equal(writtenSetting('X', { Ref: 'Y' }), null);
});

test('every event type lists each setting once, with a label', () => {
  for (const type of ['SQS', 'Kinesis', 'DynamoDB', 'Api', 'HttpApi', 'Schedule', 'ScheduleV2', 'S3', 'SNS', 'Cognito', 'EventSourceMapping']) {
    const names = eventSettings(type).map((s) => s.name);
    assert.ok(names.length > 0, type);
    assert.equal(new Set(names).size, names.length, type);
  }
  assert.deepEqual(eventSettings('NoSuchType'), []);
  assert.deepEqual(eventSettings('constructor'), []);
});
