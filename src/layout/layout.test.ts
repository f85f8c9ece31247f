import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Graph } from '../model/graph/types.ts';
import { createLayoutClient, layoutGraphDetailed, type LayoutWorker } from './layout.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';

const graph: Graph = { nodes: [{ id: 'A', type: 't', kind: 'function', path: [] }, { id: 'B', type: 't', kind: 'table', path: [] }], edges: [] };

function fakeWorker(answer: (req: LayoutRequest) => LayoutResponse | undefined, log: number[] = []): LayoutWorker {
  const w: LayoutWorker = {
    onmessage: null,
    onerror: null,
    postMessage(req) {
      log.push(req.id);
      const res = answer(req);
      if (res) setTimeout(() => w.onmessage?.({ data: res } as MessageEvent<LayoutResponse>), 5);
    },
    terminate() {},
  };
  return w;
}

test('no Worker here (Node): falls back to the grid', async () => {
  const r = await layoutGraphDetailed(graph);
  assert.equal(r.engine, 'grid');
  assert.equal(r.error?.code, 'LAYOUT_UNAVAILABLE');
  assert.ok(r.positions['A'] && r.positions['B']);
});

test('answers from the worker; requests are serialised', async () => {
  const log: number[] = [];
  const client = createLayoutClient({ createWorker: () => fakeWorker((req) => ({ id: req.id, positions: { A: { x: req.id, y: 0 } } }), log) });
  const [a, b] = await Promise.all([client.layout(graph), client.layout(graph)]);
  assert.equal(a.engine, 'elk');
  assert.deepEqual(a.positions, { A: { x: 1, y: 0 } });
  assert.deepEqual(b.positions, { A: { x: 2, y: 0 } });
  assert.deepEqual(log, [1, 2]);
});

test('timeout gives LAYOUT_TIMEOUT and the grid; a worker error gives the grid', async () => {
  let terminated = 0;
  const client = createLayoutClient({
    timeoutMs: 30,
    createWorker: () => ({ ...fakeWorker(() => undefined), terminate: () => void terminated++ }),
  });
  await assert.rejects(client.layoutWithElk(graph), (e: { code?: string }) => e.code === 'LAYOUT_TIMEOUT');
  assert.equal(terminated, 1);
  const r = await client.layout(graph);
  assert.equal(r.engine, 'grid');
  assert.equal(r.error?.code, 'LAYOUT_TIMEOUT');

  const failing = createLayoutClient({ createWorker: () => fakeWorker((req) => ({ id: req.id, error: { code: 'LAYOUT_FAILED', message: 'boom' } })) });
  const f = await failing.layout(graph);
  assert.equal(f.engine, 'grid');
  assert.equal(f.error?.message, 'boom');
});
