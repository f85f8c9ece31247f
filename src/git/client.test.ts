import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimTabId, createGitClient, fsNameFor, tabId, type GitWorkerLike } from './client.ts';
import type { GitRequest, GitResponse } from './protocol.ts';

/** A stand-in worker that records requests and answers when told to. */
function fakeWorker() {
  const requests: GitRequest[] = [];
  let terminated = false;
  const w: GitWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => void requests.push(m),
    terminate: () => void (terminated = true),
  };
  const answer = (id: number, result: GitResponse['result']) => w.onmessage?.({ data: { id, result } } as MessageEvent<GitResponse>);
  return { w, requests, answer, isTerminated: () => terminated };
}

test('starts the worker with a per-tab filesystem and the stack URL, then routes answers by id', async () => {
  const f = fakeWorker();
  const client = createGitClient({ stack: 'orders', tabId: 't1', origin: 'http://localhost:3000', createWorker: () => f.w });
  assert.deepEqual(f.requests[0], { id: 1, method: 'init', args: [{ fsName: 'cairn-orders-t1', url: 'http://localhost:3000/git/orders.git' }] });
  f.answer(1, { ok: true, value: null });
  const status = client.status();
  const read = client.readFile('template.yaml');
  assert.deepEqual(
    f.requests.slice(1).map((r) => [r.id, r.method, r.args]),
    [
      [2, 'status', []],
      [3, 'readFile', ['template.yaml']],
    ],
  );
  f.answer(3, { ok: true, value: 'Resources: {}\n' });
  f.answer(2, { ok: false, code: 'NOT_OPEN', message: 'open first' });
  assert.deepEqual(await read, { ok: true, value: 'Resources: {}\n' });
  const st = await status;
  assert.equal(st.ok ? 'ok' : st.code, 'NOT_OPEN');
});

test('a worker that fails answers every pending and later call with GIT_UNAVAILABLE', async () => {
  const f = fakeWorker();
  const client = createGitClient({ stack: 's', tabId: 't', origin: 'http://localhost', createWorker: () => f.w });
  const pending = client.push();
  f.w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
  const r = await pending;
  assert.equal(r.ok ? 'ok' : r.code, 'GIT_UNAVAILABLE');
  assert.equal(f.isTerminated(), true);
  const later = await client.status();
  assert.equal(later.ok ? 'ok' : later.code, 'GIT_UNAVAILABLE');
});

test('no Web Worker support is GIT_UNAVAILABLE, not an exception', async () => {
  const client = createGitClient({ stack: 's', tabId: 't', origin: 'http://localhost', createWorker: () => undefined });
  const r = await client.open();
  assert.equal(r.ok ? 'ok' : r.code, 'GIT_UNAVAILABLE');
});

test('a tab id is kept across reloads of the tab', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  const first = tabId(storage);
  assert.match(first, /^[0-9a-f]{8}$/);
  assert.equal(tabId(storage), first);
  assert.equal(fsNameFor('orders', first), `cairn-orders-${first}`);
});

test('a duplicated tab (same id, lock taken) claims a new id; a free lock keeps the id', async () => {
  const held = new Set<string>();
  const locks = {
    request: async (name: string, _o: { ifAvailable: boolean }, cb: (lock: unknown) => unknown) => {
      if (held.has(name)) return cb(null);
      held.add(name);
      return cb({ name });
    },
  };
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  const first = await claimTabId(storage, locks);
  assert.equal(held.has(`cairn-tab-${first}`), true);
  // the duplicate starts with a copy of the same sessionStorage
  const copy = new Map(store);
  const dupStorage = { getItem: (k: string) => copy.get(k) ?? null, setItem: (k: string, v: string) => void copy.set(k, v) };
  const second = await claimTabId(dupStorage, locks);
  assert.notEqual(second, first);
  assert.equal(dupStorage.getItem('cairn.tabId'), second);
  assert.equal(await claimTabId(storage, undefined), first, 'without Web Locks the stored id is used');
});
