import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimWorkingCopy, createGitClient, fsNameFor, tabId, type GitWorkerLike } from './client.ts';
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

test('working copies: a reload keeps its own, a new tab reuses a closed tab\'s, a duplicate or second tab gets another', async () => {
  const held = new Set<string>();
  const locks = {
    request: async (name: string, _o: { ifAvailable: boolean }, cb: (lock: unknown) => unknown) => {
      if (held.has(name)) return cb(null);
      held.add(name);
      return cb({ name });
    },
  };
  const mem = (m = new Map<string, string>()) => ({ m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) });
  const local = mem();
  const tab1 = mem();
  const first = await claimWorkingCopy('orders', tab1, local, locks);
  assert.match(first, /^[0-9a-f]{8}$/);
  // a duplicate of tab 1 (same sessionStorage) while tab 1 is open: another copy
  const dup = mem(new Map(tab1.m));
  const second = await claimWorkingCopy('orders', dup, local, locks);
  assert.notEqual(second, first);
  // tab 1 closes (its lock goes); a new tab takes the most recent free copy: tab 1's
  held.delete(`cairn-fs-orders-${first}`);
  const third = await claimWorkingCopy('orders', mem(), local, locks);
  assert.equal(third, first);
  // another stack is counted on its own
  const other = await claimWorkingCopy('billing', mem(), local, locks);
  assert.notEqual(other, first);
  // a reload: its own id, its lock free again
  held.delete(`cairn-fs-orders-${second}`);
  assert.equal(await claimWorkingCopy('orders', dup, local, locks), second);
  // without Web Locks, the tab's own id
  const plain = mem();
  assert.equal(await claimWorkingCopy('orders', plain, local, undefined), await claimWorkingCopy('orders', plain, local, undefined));
});
