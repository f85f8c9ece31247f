import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorSelection, EditorState, type ChangeSet } from '@codemirror/state';
import { detectLineSeparator } from './minimalChange.ts';
import { basePosToDoc, planExternal, type SyncPoint } from './externalSync.ts';

const stateOf = (doc: string, cursor = 0) =>
  EditorState.create({
    doc,
    selection: EditorSelection.cursor(cursor),
    extensions: EditorState.lineSeparator.of(detectLineSeparator(doc)),
  });

function applyPlan(state: EditorState, sync: SyncPoint, text: string) {
  const plan = planExternal(state, sync, text);
  if (plan.kind === 'replace') throw new Error('unexpected replace');
  const next = plan.kind === 'change' ? state.update({ changes: plan.changes }).state : state;
  return { plan, state: next };
}

test('a prop equal to the editor text does nothing and cancels the pending send', () => {
  const s = stateOf('a: 1\n');
  const plan = planExternal(s, { base: 'a: 0\n', pending: null }, 'a: 1\n');
  assert.equal(plan.kind, 'none');
  assert.equal(plan.kind === 'none' && plan.cancelPending, true);
  assert.equal(plan.next.base, 'a: 1\n');
});

test('a prop equal to base (stale echo while the user types on) is ignored', () => {
  const base = 'a: 1\n';
  let s = stateOf(base);
  const tr = s.update({ changes: { from: 4, insert: '2' } });
  s = tr.state;
  const plan = planExternal(s, { base, pending: tr.changes }, base);
  assert.equal(plan.kind, 'none');
  assert.equal(plan.kind === 'none' && plan.cancelPending, false);
});

test('outside change is minimal and keeps the cursor where it was', () => {
  const before = 'Resources:\n  Fn:\n    Type: X\n';
  const cursor = before.indexOf('Type');
  const s = stateOf(before, cursor);
  const after = 'Resources:\n  Fn:\n    Type: X\n  Table:\n    Type: Y\n';
  const { plan, state } = applyPlan(s, { base: before, pending: null }, after);
  assert.equal(state.sliceDoc(), after);
  assert.equal(state.selection.main.head, cursor);
  assert.ok(plan.kind === 'change');
  let touched = 0;
  plan.changes.iterChanges((fromA, toA) => (touched += toA - fromA + 1));
  assert.equal(touched, 1); // one pure insertion
});

test('an insertion before the cursor shifts it with the text', () => {
  const before = 'b: 2\n';
  const s = stateOf(before, 3);
  const { state } = applyPlan(s, { base: before, pending: null }, 'a: 1\nb: 2\n');
  assert.equal(state.selection.main.head, 8);
});

test('unsent user typing survives an outside change (rebase)', () => {
  const base = 'a: 1\nb: 2\n';
  let s = stateOf(base);
  const user = s.update({ changes: { from: 10, insert: 'c: 3\n' } }); // user appends a line
  s = user.state;
  const outside = 'a: 9\nb: 2\n'; // canvas changes a
  const { plan, state } = applyPlan(s, { base, pending: user.changes }, outside);
  assert.equal(state.sliceDoc(), 'a: 9\nb: 2\nc: 3\n');
  assert.equal(plan.next.base, outside);
  const pending = plan.next.pending as ChangeSet;
  assert.ok(pending);
  assert.equal(pending.apply(state.toText(outside)).toString(), 'a: 9\nb: 2\nc: 3\n');
  // the position of `b` in base maps into the merged document
  assert.equal(basePosToDoc(state, plan.next, 5), 5);
});

test('CRLF documents keep their bytes and map offsets through the break', () => {
  const before = 'a: 1\r\nb: 2\r\n';
  const s = stateOf(before, 7); // document position 7: inside 'b: 2' (the CRLF counts as one)
  assert.equal(s.lineBreak, '\r\n');
  const after = 'a: 1\r\nx: 0\r\nb: 2\r\n';
  const { state } = applyPlan(s, { base: before, pending: null }, after);
  assert.equal(state.sliceDoc(), after);
  assert.equal(state.doc.lines, 4);
  assert.equal(state.selection.main.head, 7 + 5); // shifted by one line of 4 chars + one break
  assert.equal(basePosToDoc(state, { base: after, pending: null }, after.indexOf('b')), 10);
});

test('a change of line-break style asks for a full replace', () => {
  const s = stateOf('a\nb\n');
  const plan = planExternal(s, { base: 'a\nb\n', pending: null }, 'a\r\nb\r\n');
  assert.equal(plan.kind, 'replace');
});

test('unicode around the change', () => {
  const before = 'name: 😀 café\n';
  const s = stateOf(before, before.length);
  const after = 'name: 😁 café\n';
  const { state } = applyPlan(s, { base: before, pending: null }, after);
  assert.equal(state.sliceDoc(), after);
  assert.equal(state.selection.main.head, after.length);
});
