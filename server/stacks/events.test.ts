import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RefChange } from '../../src/protocol/stacks.ts';
import { streamRefEvents } from './events.ts';
import { gitCli, refEvents, startTestServer } from './testing.ts';
import type { TestServer } from './testing.ts';

let s: TestServer;
before(async () => {
  s = await startTestServer();
});
after(() => s.close());

interface Watch {
  readonly res: IncomingMessage;
  readonly events: Array<{ change: RefChange; at: number }>;
  next(): Promise<{ change: RefChange; at: number }>;
  close(): void;
}

/** Opens the event stream as EventSource would (same origin), collecting `ref` events. */
function watch(stack: string, headers: Record<string, string> = {}): Promise<Watch> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.port, path: `/api/stacks/${stack}/events`, agent: false, setHost: false, headers: { host: s.host, accept: 'text/event-stream', ...headers } }, (res) => {
      const events: Watch['events'] = [];
      const waiting: Array<(e: Watch['events'][number]) => void> = [];
      res.setEncoding('utf8');
      res.on(
        'data',
        refEvents((change) => {
          const e = { change, at: performance.now() };
          const w = waiting.shift();
          if (w) w(e);
          else events.push(e);
        }),
      );
      resolve({
        res,
        events,
        next: () => (events.length ? Promise.resolve(events.shift()!) : new Promise((r) => waiting.push(r))),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('ref-change events', () => {
  it('announces a terminal git push to every watcher of the stack, and only of that stack', async () => {
    assert.equal((await s.api('POST', '/api/stacks', { name: 'shop', starter: 'rest-api-crud.yaml' })).status, 201);
    assert.equal((await s.api('POST', '/api/stacks', { name: 'shop-edge', shareWith: 'shop', template: 'edge.yaml' })).status, 201);
    assert.equal((await s.api('POST', '/api/stacks', { name: 'unrelated' })).status, 201);
    const [a, b, edge, elsewhere] = await Promise.all([watch('shop'), watch('shop', { origin: s.origin }), watch('shop-edge'), watch('unrelated')]);
    assert.equal(a.res.statusCode, 200);
    assert.equal(a.res.headers['content-type'], 'text/event-stream; charset=utf-8');
    assert.equal(a.res.headers['access-control-allow-origin'], undefined);

    const dir = join(s.root, 'shop');
    assert.equal((await gitCli(['clone', '--quiet', '--', s.gitUrl('shop'), dir], s.root)).code, 0);
    const oldOid = (await gitCli(['rev-parse', 'HEAD'], dir)).stdout.trim();
    await writeFile(join(dir, 'template.yaml'), 'Resources: {}\n');
    await gitCli(['commit', '--quiet', '-am', 'Empty the stack\n\nA longer body.'], dir);
    const newOid = (await gitCli(['rev-parse', 'HEAD'], dir)).stdout.trim();
    assert.equal((await gitCli(['push', '--quiet', 'origin', 'main'], dir)).code, 0);

    const [ea, eb, ee] = await Promise.all([a.next(), b.next(), edge.next()]);
    const expected = { stack: 'shop', ref: 'refs/heads/main', oldOid, newOid, author: 'Ada Tester <ada@example.com>', message: 'Empty the stack', via: 'push' };
    assert.deepEqual({ ...ea.change, time: '' }, { ...expected, time: '' });
    assert.match(ea.change.time, /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(eb.change, ea.change);
    assert.equal(ee.change.stack, 'shop-edge');
    assert.equal(elsewhere.events.length, 0);

    // a new branch: oldOid is all zeros; a refused push announces nothing
    assert.equal((await gitCli(['push', '--quiet', 'origin', 'HEAD:refs/heads/topic'], dir)).code, 0);
    const created = await a.next();
    assert.deepEqual([created.change.ref, created.change.oldOid, created.change.newOid], ['refs/heads/topic', '0'.repeat(40), newOid]);
    assert.notEqual((await gitCli(['push', '--quiet', 'origin', '--delete', 'topic'], dir)).code, 0);

    for (const w of [a, b, edge, elsewhere]) w.close();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(a.events.length, 0);
    assert.equal(s.running.stacks.watchers('shop'), 0);
    assert.equal(s.running.stacks.watchers('unrelated'), 0);
  });

  it('measures push completion to event (figure printed, not asserted)', async () => {
    const w = await watch('shop');
    const dir = join(s.root, 'shop');
    const gaps: number[] = [];
    for (let i = 0; i < 10; i++) {
      await writeFile(join(dir, 'n.txt'), `${i}\n`);
      await gitCli(['add', 'n.txt'], dir);
      await gitCli(['commit', '--quiet', '-m', `n ${i}`], dir);
      const pushed = gitCli(['push', '--quiet', 'origin', 'main'], dir);
      const [event, r] = await Promise.all([w.next(), pushed.then((x) => ({ ...x, at: performance.now() }))]);
      assert.equal(r.code, 0);
      // negative: the event arrived before the git client had exited
      gaps.push(event.at - r.at);
    }
    w.close();
    const sorted = [...gaps].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`push exit -> SSE event: median ${median.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (negative: event before the client exited)`);
  });

  it('ends the streams of a stack that is renamed or removed, saying so; a new stack under the old name reaches none of them', { timeout: 20_000 }, async () => {
    const ended = (w: Watch) =>
      new Promise<string>((resolve) => {
        let body = '';
        w.res.on('data', (c: string) => (body += c));
        w.res.on('end', () => resolve(body));
      });
    assert.equal((await s.api('POST', '/api/stacks', { name: 'before' })).status, 201);
    assert.equal((await s.api('POST', '/api/stacks', { name: 'doomed' })).status, 201);
    const [renamed, removed] = await Promise.all([watch('before'), watch('doomed')]);
    const [renamedEnd, removedEnd] = [ended(renamed), ended(removed)];
    assert.equal((await s.api('PATCH', '/api/stacks/before', { name: 'after' })).status, 200);
    assert.equal((await s.api('DELETE', '/api/stacks/doomed')).status, 204);
    assert.match(await renamedEnd, /event: gone\ndata: \{"stack":"before","renamedTo":"after"\}\n\n$/);
    assert.match(await removedEnd, /event: gone\ndata: \{"stack":"doomed"\}\n\n$/);
    assert.equal(s.running.stacks.watchers('before'), 0);
    assert.equal(s.running.stacks.watchers('doomed'), 0);
    // the old name is free again: a push to a new stack under it is not announced to anyone left over
    assert.equal((await s.api('POST', '/api/stacks', { name: 'before', starter: 'rest-api-crud.yaml' })).status, 201);
    const fresh = await watch('before');
    const dir = join(s.root, 'before-again');
    assert.equal((await gitCli(['clone', '--quiet', '--', s.gitUrl('before'), dir], s.root)).code, 0);
    await writeFile(join(dir, 'template.yaml'), 'Resources: {}\n');
    await gitCli(['commit', '--quiet', '-am', 'Empty'], dir);
    assert.equal((await gitCli(['push', '--quiet', 'origin', 'main'], dir)).code, 0);
    assert.equal((await fresh.next()).change.stack, 'before');
    assert.equal(renamed.events.length, 0);
    fresh.close();
  });

  it('refuses the stream for unknown stacks, other methods and foreign origins', async () => {
    assert.equal((await s.send('GET', '/api/stacks/nope/events')).status, 404);
    assert.equal((await s.api('POST', '/api/stacks/shop/events')).status, 405);
    for (const origin of ['https://evil.example', 'null']) {
      const r = await s.send('GET', '/api/stacks/shop/events', { origin });
      assert.equal(r.status, 403);
    }
    const cross = await s.send('GET', '/api/stacks/shop/events', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' });
    assert.equal(cross.status, 403);
  });

  it('sends heartbeat comments and stops when the client goes away', async () => {
    await mkdir(join(s.root, 'hb'), { recursive: true });
    let closed = false;
    const server = createServer((_req, res) => {
      streamRefEvents(res, 'shop', s.running.stacks, 20);
      res.on('close', () => (closed = true));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const text = await new Promise<string>((resolve) => {
      request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
          if (body.split(': heartbeat').length > 2) {
            res.destroy();
            resolve(body);
          }
        });
      }).end();
    });
    assert.match(text, /^retry: 1000\n: watching shop\n\n: heartbeat\n\n: heartbeat\n\n/);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(closed, true);
    assert.equal(s.running.stacks.watchers('shop'), 0);
    server.close();
  });
});
