import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capParseSlices, SLICE_MS } from './parseSlices.ts';

test('within one task, isInputPending answers yes once the task has run SLICE_MS; a new task starts again', () => {
  let clock = 0;
  let pendingInput = false;
  const queued: Array<() => void> = [];
  const nav = { scheduling: { isInputPending: () => pendingInput } };
  capParseSlices(nav, () => clock, (f) => queued.push(f));
  assert.equal(nav.scheduling.isInputPending(), false);
  clock = SLICE_MS - 1;
  assert.equal(nav.scheduling.isInputPending(), false);
  clock = SLICE_MS;
  assert.equal(nav.scheduling.isInputPending(), true, 'the slice is over');
  // the task ends: its microtasks run, the next task has a fresh slice
  queued.splice(0).forEach((f) => f());
  clock = 1000;
  assert.equal(nav.scheduling.isInputPending(), false);
  pendingInput = true;
  assert.equal(nav.scheduling.isInputPending(), true, 'real input still counts');
});

test('installed once, and nothing to do without isInputPending', () => {
  const calls: number[] = [];
  const nav = { scheduling: { isInputPending: () => (calls.push(1), false) } };
  capParseSlices(nav, () => 0, () => undefined);
  capParseSlices(nav, () => 0, () => undefined);
  nav.scheduling.isInputPending();
  assert.equal(calls.length, 1, 'not wrapped twice');
  assert.doesNotThrow(() => capParseSlices({}, () => 0, () => undefined));
  assert.doesNotThrow(() => capParseSlices(undefined));
});
