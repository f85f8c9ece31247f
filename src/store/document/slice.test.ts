import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStore } from '../store.ts';
import { documentOpened, editsApplied, redone, textEdited, undone } from './slice.ts';
import { selectCanRedo, selectCanUndo, selectGraph, selectGraphIsStale, selectTemplate } from './selectors.ts';

const TEXT = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';

test('edits apply through the model and undo/redo walk the history', () => {
  const store = createStore();
  store.dispatch(documentOpened({ name: 't.yaml', text: TEXT }));
  store.dispatch(editsApplied([{ op: 'addResource', resource: 'T', type: 'AWS::SNS::Topic' }]));
  assert.ok(store.getState().document.text.includes('  T:\n    Type: AWS::SNS::Topic'));
  assert.deepEqual(selectGraph(store.getState()).nodes.map((n) => n.id), ['Q', 'T']);
  assert.equal(selectCanUndo(store.getState()), true);
  store.dispatch(undone());
  assert.equal(store.getState().document.text, TEXT);
  assert.equal(selectCanRedo(store.getState()), true);
  store.dispatch(redone());
  assert.ok(store.getState().document.text.includes('AWS::SNS::Topic'));
});

test('a refused edit changes nothing and says why', () => {
  const store = createStore();
  store.dispatch(documentOpened({ name: 't.yaml', text: TEXT }));
  store.dispatch(editsApplied([{ op: 'removeResource', resource: 'Nope' }]));
  assert.equal(store.getState().document.text, TEXT);
  assert.equal(store.getState().document.refused?.[0]?.code, 'EDIT_NO_SUCH_RESOURCE');
  assert.equal(selectCanUndo(store.getState()), false);
});

test('YAML that does not parse keeps the last good graph, marked stale', () => {
  const store = createStore();
  store.dispatch(documentOpened({ name: 't.yaml', text: TEXT }));
  store.dispatch(textEdited(TEXT + '  Broken: [\n'));
  assert.equal(selectGraphIsStale(store.getState()), true);
  assert.deepEqual(selectGraph(store.getState()).nodes.map((n) => n.id), ['Q']);
  assert.ok(selectTemplate(store.getState()).diagnostics.some((d) => d.code === 'YAML_SYNTAX'));
  store.dispatch(textEdited(TEXT + '  T:\n    Type: AWS::SNS::Topic\n'));
  assert.equal(selectGraphIsStale(store.getState()), false);
  assert.deepEqual(selectGraph(store.getState()).nodes.map((n) => n.id), ['Q', 'T']);
});

test('diagnostics from the rules are counted per node for the canvas badges', async () => {
  const { diagnose } = await import('./diagnose.ts');
  const store = createStore();
  store.dispatch(documentOpened({ name: 't.yaml', text: TEXT + '  P:\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy: {deadLetterTargetArn: !GetAtt Nope.Arn}\n' }));
  const { diagnostics, counts } = diagnose(selectTemplate(store.getState()));
  assert.ok(diagnostics.some((d) => d.code === 'DANGLING_REFERENCE'));
  assert.deepEqual(counts['P'], { errors: 1, warnings: 0 });
  assert.equal(counts['Q'], undefined);
});

test('a document is dirty from its first change until it is downloaded or opened again', async () => {
  const { documentSaved } = await import('./slice.ts');
  const { selectIsDirty } = await import('./selectors.ts');
  const store = createStore();
  store.dispatch(documentOpened({ name: 't.yaml', text: TEXT }));
  assert.equal(selectIsDirty(store.getState()), false);
  store.dispatch(textEdited(TEXT + '# note\n'));
  assert.equal(selectIsDirty(store.getState()), true);
  store.dispatch(undone());
  assert.equal(selectIsDirty(store.getState()), false, 'back to the saved text');
  store.dispatch(redone());
  store.dispatch(documentSaved());
  assert.equal(selectIsDirty(store.getState()), false);
  store.dispatch(documentOpened({ name: 'u.yaml', text: TEXT, saved: false }));
  assert.equal(selectIsDirty(store.getState()), true, 'restored work never downloaded');
});

test('in a serverless.yml, diagnostics count for the function or resource whose entry holds them', async () => {
  const { countsByNode } = await import('./selectors.ts');
  const nodes = [
    { id: 'hello', type: 'AWS::Lambda::Function', kind: 'function' as const, path: ['functions', 'hello'] },
    { id: 'Jobs', type: 'AWS::SQS::Queue', kind: 'queue' as const, path: ['resources', 'Resources', 'Jobs'] },
  ];
  const d = (path: (string | number)[], severity: 'error' | 'warning') => ({ code: 'X', severity, message: 'm', path, range: null });
  const counts = countsByNode([d(['functions', 'hello', 'events', 0], 'error'), d(['resources', 'Resources', 'Jobs', 'Properties'], 'warning'), d(['provider'], 'error')], nodes);
  assert.deepEqual(counts, { hello: { errors: 1, warnings: 0 }, Jobs: { errors: 0, warnings: 1 } });
});
