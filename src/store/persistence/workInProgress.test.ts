import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStore } from '../store.ts';
import { documentOpened, editsApplied, textEdited } from '../document/slice.ts';
import { memoryStore } from './kv.ts';
import { loadWork, persistWork, WORK_KEY } from './workInProgress.ts';

/** localStorage over a Map (`local`, to look into). */
function mapStorage() {
  const local = new Map<string, string>();
  const storage = { getItem: (k: string) => local.get(k) ?? null, setItem: (k: string, v: string) => void local.set(k, v), removeItem: (k: string) => void local.delete(k) };
  return { local, storage };
}

test('changes are saved after a pause, in one write, and read back', async () => {
  const kv = memoryStore();
  let writes = 0;
  const counting = { ...kv, set: async (k: string, v: unknown) => (writes++, kv.set(k, v)) };
  const p = persistWork(counting, { now: () => new Date('2026-11-24T00:00:00Z') });
  const store = createStore({ extraMiddleware: [p.middleware] });
  store.dispatch(documentOpened({ name: 'stack.yaml', text: 'Resources: {}\n' }));
  store.dispatch(editsApplied([{ op: 'addResource', resource: 'Q', type: 'AWS::SQS::Queue' }]));
  store.dispatch(textEdited(store.getState().document.text + '# note\n'));
  assert.equal(writes, 0, 'nothing written before the pause');
  await p.flush();
  assert.equal(writes, 1);
  const saved = await loadWork(kv);
  assert.equal(saved?.name, 'stack.yaml');
  assert.equal(saved?.text, store.getState().document.text);
  assert.ok(saved?.text.includes('Q:') && saved.text.endsWith('# note\n'));
});

test('a corrupt record is ignored, not thrown', async () => {
  const kv = memoryStore();
  await kv.set(WORK_KEY, { version: 99, text: 5 });
  assert.equal(await loadWork(kv), null);
  const failing = { get: async () => Promise.reject(new Error('boom')), set: async () => {}, delete: async () => {} };
  assert.equal(await loadWork(failing), null);
});

test('node positions are kept with the work, and bad ones are dropped on load', async () => {
  const { nodesPlaced } = await import('../layout/slice.ts');
  const kv = memoryStore();
  const p = persistWork(kv);
  const store = createStore({ extraMiddleware: [p.middleware] });
  store.dispatch(documentOpened({ name: 's.yaml', text: 'Resources: {}\n' }));
  store.dispatch(nodesPlaced({ Q: { x: 10, y: 20 } }));
  await p.flush();
  assert.deepEqual((await loadWork(kv))?.layout, { Q: { x: 10, y: 20 } });
  await kv.set(WORK_KEY, { version: 1, name: 's.yaml', text: 'x: 1\n', savedAt: '', layout: { Q: { x: 'no', y: 1 }, R: { x: 1, y: 2 } } });
  assert.deepEqual((await loadWork(kv))?.layout, { R: { x: 1, y: 2 } });
  const fresh = createStore();
  fresh.dispatch(documentOpened({ name: 's.yaml', text: 'Resources: {}\n', layout: { R: { x: 1, y: 2 } } }));
  assert.deepEqual(fresh.getState().layout.positions, { R: { x: 1, y: 2 } });
});

test('the work says whether it has changes that were never downloaded', async () => {
  const { documentSaved } = await import('../document/slice.ts');
  const kv = memoryStore();
  const p = persistWork(kv);
  const store = createStore({ extraMiddleware: [p.middleware] });
  store.dispatch(documentOpened({ name: 's.yaml', text: 'Resources: {}\n' }));
  await p.flush();
  assert.equal((await loadWork(kv))?.dirty, false);
  store.dispatch(textEdited('Resources: {}\n# more\n'));
  await p.flush();
  assert.equal((await loadWork(kv))?.dirty, true);
  store.dispatch(documentSaved());
  await p.flush();
  assert.equal((await loadWork(kv))?.dirty, false);
});

test('the stage and env values of a serverless.yml are kept with the work, never in its text, and read back', async () => {
  const { stageChosen, envValueSet } = await import('../document/stage.ts');
  const kv = memoryStore();
  const p = persistWork(kv);
  const store = createStore({ extraMiddleware: [p.middleware] });
  const text = 'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: i.h\n';
  store.dispatch(documentOpened({ name: 'serverless.yml', text }));
  await p.flush();
  assert.equal((await loadWork(kv))?.stage, undefined, 'nothing chosen, nothing kept');
  store.dispatch(stageChosen('prod'));
  store.dispatch(envValueSet({ name: 'API_URL', value: 'https://x' }));
  await p.flush();
  const saved = await loadWork(kv);
  assert.equal(saved?.text, text);
  assert.deepEqual(saved?.stage, { stage: 'prod', region: null, env: { API_URL: 'https://x' } });
  // a malformed stage is read as nothing chosen
  await kv.set(WORK_KEY, { ...saved, stage: { stage: 7, env: { 'a b': 'x' } } });
  assert.deepEqual((await loadWork(kv))?.stage, { stage: null, region: null, env: {} });
  // restored: the document opens with it
  const fresh = createStore();
  fresh.dispatch(documentOpened({ name: saved!.name, text: saved!.text, stage: saved!.stage! }));
  assert.equal(fresh.getState().stage.stage, 'prod');
});

test('a new Timer not yet in the file is kept with the work (id and place) and read back; a bad id is dropped', async () => {
  const { draftAdded, draftsRemoved, nodesPlaced } = await import('../layout/slice.ts');
  const kv = memoryStore();
  const p = persistWork(kv);
  const store = createStore({ extraMiddleware: [p.middleware] });
  const text = 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n';
  store.dispatch(documentOpened({ name: 'template.yaml', text }));
  store.dispatch(draftAdded('Timer1'));
  store.dispatch(nodesPlaced({ Timer1: { x: 40, y: 80 } }));
  await p.flush();
  const saved = await loadWork(kv);
  assert.equal(saved?.text, text, 'the file does not have it');
  assert.deepEqual(saved?.drafts, ['Timer1']);
  assert.deepEqual(saved?.layout?.['Timer1'], { x: 40, y: 80 });
  // restored: the editor opens with it
  const fresh = createStore();
  fresh.dispatch(documentOpened({ name: saved!.name, text: saved!.text, drafts: saved!.drafts! }));
  assert.deepEqual(fresh.getState().layout.drafts, ['Timer1']);
  // hostile or malformed entries are not trusted
  await kv.set(WORK_KEY, { ...saved, drafts: ['Timer2', '../x', 7, '<img>'] });
  assert.deepEqual((await loadWork(kv))?.drafts, ['Timer2']);
  // written by its wire (or deleted), it is no longer kept
  store.dispatch(draftsRemoved(['Timer1']));
  await p.flush();
  assert.equal((await loadWork(kv))?.drafts, undefined);
});

test('a page going away writes what is pending at once (a synchronous copy): a reload that cuts the IndexedDB write short loses nothing', async () => {
  const { withExitCopy } = await import('./kv.ts');
  const { local, storage } = mapStorage();
  // an IndexedDB whose writes never finish: the page is torn down first
  const idb = memoryStore();
  const stalled = { ...idb, set: () => new Promise<void>(() => undefined) };
  const kv = withExitCopy(stalled, storage);
  const p = persistWork(kv);
  const store = createStore({ extraMiddleware: [p.middleware] });
  store.dispatch(documentOpened({ name: 'template.yaml', text: 'Resources: {}\n' }));
  store.dispatch(textEdited('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'));
  void p.flushOnExit();
  // the next page reads the copy: newer than anything IndexedDB has
  const next = withExitCopy(idb, storage);
  assert.equal((await loadWork(next))?.text, 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
  // once IndexedDB holds something at least as new, the copy is dropped and IndexedDB answers
  const later = { ...(await loadWork(next))!, text: 'Resources: {}\n', savedAt: new Date(Date.now() + 1000).toISOString() };
  await next.set(WORK_KEY, later);
  assert.equal(local.size, 0);
  assert.equal((await loadWork(next))?.text, 'Resources: {}\n');
});

test('an older copy never wins over newer work in IndexedDB, and storage that refuses is not fatal', async () => {
  const { withExitCopy } = await import('./kv.ts');
  const { local, storage } = mapStorage();
  const kv = withExitCopy(memoryStore(), storage);
  kv.setNow(WORK_KEY, { version: 1, name: 'a', text: 'old', savedAt: '2026-01-01T00:00:00.000Z' });
  await kv.set(WORK_KEY, { version: 1, name: 'a', text: 'new', savedAt: '2026-06-01T00:00:00.000Z' });
  assert.equal((await loadWork(kv))?.text, 'new');
  const full = withExitCopy(memoryStore(), { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined });
  full.setNow(WORK_KEY, { version: 1, name: 'a', text: 'x', savedAt: '2026-01-01T00:00:00.000Z' });
  assert.equal(await loadWork(full), null);
});

test("a stack's work is kept under its working copy's key with the branch and commit it was edited on", async () => {
  const { stackWorkKey } = await import('./workInProgress.ts');
  const kv = memoryStore();
  const head = 'a'.repeat(40);
  let copy: string | null = null;
  const p = persistWork(kv, { key: () => (copy ? stackWorkKey('orders', copy) : null), base: () => ({ branch: 'main', head }) });
  const store = createStore({ extraMiddleware: [p.middleware] });
  store.dispatch(documentOpened({ name: 'template.yaml', text: 'Resources: {}\n' }));
  await p.flush();
  assert.equal(await loadWork(kv), null, 'nothing is kept before the working copy is known');
  copy = 'abcd1234';
  store.dispatch(textEdited('Resources: {}\n# typed\n'));
  await p.flush();
  assert.equal(await loadWork(kv), null, 'the local document is untouched');
  const saved = await loadWork(kv, stackWorkKey('orders', 'abcd1234'));
  assert.equal(saved?.text, 'Resources: {}\n# typed\n');
  assert.deepEqual(saved?.base, { branch: 'main', head });
  await kv.set(stackWorkKey('orders', 'abcd1234'), { ...saved, base: { branch: 'main', head: '../../x' } });
  assert.equal((await loadWork(kv, stackWorkKey('orders', 'abcd1234')))?.base, undefined, 'a malformed base is dropped');
});

test('a reload that reads while the previous page\'s IndexedDB write lands (and drops the copy) still gets the newest work', async () => {
  const { withExitCopy } = await import('./kv.ts');
  const { local, storage } = mapStorage();
  const idb = memoryStore();
  const older = { version: 1, name: 'a', text: 'old', savedAt: '2026-01-01T00:00:00.000Z' };
  const newest = { version: 1, name: 'a', text: 'new', savedAt: '2026-06-01T00:00:00.000Z' };
  await idb.set(WORK_KEY, older);
  const leaving = withExitCopy(idb, storage);
  leaving.setNow(WORK_KEY, newest);
  // the next page's IndexedDB read answers with what was there when it began, and the previous
  // page's write of the newest work lands (dropping the copy) before that answer arrives
  const reading = withExitCopy({ ...idb, get: async (k: string) => { const v = await idb.get(k); await leaving.set(WORK_KEY, newest); return v; } }, storage);
  assert.equal((await loadWork(reading))?.text, 'new');
  assert.equal(local.size, 0, 'the copy was dropped meanwhile');
});
