import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { RefChange } from '../../src/protocol/stacks.ts';
import { gitCli, refEvents, startTestServer } from '../stacks/testing.ts';
import type { TestServer } from '../stacks/testing.ts';
import { startExternalHost } from './testing.ts';
import type { ExternalHost } from './testing.ts';

// Every process spawned in this file (by the servers or the tests), to check that the token
// never shows up in anyone's arguments or environment. The live bindings of
// `import { spawn } from 'node:child_process'` follow syncBuiltinESMExports.
const spawned: string[] = [];
const realSpawn = childProcess.spawn;
(childProcess as { spawn: unknown }).spawn = (...args: unknown[]) => {
  spawned.push(JSON.stringify(args));
  return (realSpawn as (...a: unknown[]) => unknown)(...args);
};
syncBuiltinESMExports();

const TOKEN = 'ghp_T0kenThatMustNeverLeakAnywhere1234';
const HOOK_SECRET = 'whsec Must-Never-Leak 5678';
const TEMPLATE = 'Resources:\n  Table:\n    Type: AWS::DynamoDB::Table\n';

let host: ExternalHost;
let open: ExternalHost;
let s: TestServer;
const answers: string[] = [];

before(async () => {
  [host, open, s] = await Promise.all([startExternalHost({ token: TOKEN }), startExternalHost(), startTestServer({ pollIntervalMs: 0 })]);
  await host.createRepo('shop', { 'template.yaml': TEMPLATE });
  await host.createRepo('billing', { 'template.yaml': TEMPLATE });
  await open.createRepo('public', { 'serverless.yml': 'service: public\n' });
});
after(async () => {
  (childProcess as { spawn: unknown }).spawn = realSpawn;
  syncBuiltinESMExports();
  await Promise.all([host.close(), open.close(), s.close()]);
});

async function api(method: string, path: string, body?: unknown) {
  const r = await s.api(method, path, body);
  answers.push(JSON.stringify(r.headers), r.body);
  return r;
}

function hook(stack: string, body: string, headers: Record<string, string>) {
  return s.send('POST', `/api/webhooks/${stack}`, { 'content-type': 'application/json', ...headers }, body).then((r) => {
    answers.push(JSON.stringify(r.headers), r.body);
    return r;
  });
}

const sign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

interface Watch {
  next(ms?: number): Promise<RefChange>;
  readonly pending: RefChange[];
  close(): void;
}

function watch(stack: string): Promise<Watch> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.port, path: `/api/stacks/${stack}/events`, agent: false, setHost: false, headers: { host: s.host } }, (res: IncomingMessage) => {
      const pending: RefChange[] = [];
      const waiting: Array<(c: RefChange) => void> = [];
      res.setEncoding('utf8');
      res.on(
        'data',
        refEvents((change) => {
          const w = waiting.shift();
          if (w) w(change);
          else pending.push(change);
        }),
      );
      resolve({
        pending,
        next: (ms = 5000) =>
          pending.length
            ? Promise.resolve(pending.shift()!)
            : new Promise((r, j) => {
                const t = setTimeout(() => j(new Error(`no ref event on ${stack} within ${ms} ms`)), ms);
                waiting.push((c) => {
                  clearTimeout(t);
                  r(c);
                });
              }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function ok(args: string[], cwd: string) {
  const r = await gitCli(args, cwd);
  assert.equal(r.code, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('external stacks', () => {
  it('creates an external stack; the token and webhook secret are kept apart and never answered', async () => {
    const made = await api('POST', '/api/stacks', { name: 'shop', remote: { url: `${host.url('shop')}/`, token: TOKEN, webhookSecret: HOOK_SECRET } });
    assert.equal(made.status, 201, made.body);
    assert.deepEqual({ ...made.json, createdAt: 'x' }, {
      name: 'shop', repo: 'shop', template: 'template.yaml', createdAt: 'x', gitPath: '/git/shop.git',
      remote: { url: host.url('shop'), hasToken: true, hasWebhookSecret: true, webhookPath: '/api/webhooks/shop' },
    });
    assert.equal((await api('GET', '/api/stacks/shop')).json.name, 'shop');
    const stacksJson = await readFile(join(s.dataDir, 'stacks.json'), 'utf8');
    assert.deepEqual(JSON.parse(stacksJson).stacks[0].remote, { url: host.url('shop') });
    const secrets = join(s.dataDir, 'secrets.json');
    assert.equal((await stat(secrets)).mode & 0o777, 0o600);
    assert.deepEqual(JSON.parse(await readFile(secrets, 'utf8')), { version: 1, stacks: { shop: { token: TOKEN, webhookSecret: HOOK_SECRET } } });
    // no local repository
    await assert.rejects(stat(join(s.dataDir, 'repos', 'shop.git')));
  });

  it('refuses other transports, credentials in the URL and bad fields, with codes', async () => {
    const cases: Array<[unknown, string]> = [
      [{ url: 'ext::sh -c touch% /tmp/x' }, 'REMOTE_URL_INVALID'],
      [{ url: 'ext::git-remote-x' }, 'REMOTE_URL_INVALID'],
      [{ url: 'file:///etc/passwd' }, 'REMOTE_URL_INVALID'],
      [{ url: 'ssh://git@github.com/a/b.git' }, 'REMOTE_URL_INVALID'],
      [{ url: 'git@github.com:a/b.git' }, 'REMOTE_URL_INVALID'],
      [{ url: `http://x-access-token:${TOKEN}@127.0.0.1:${host.port}/shop.git` }, 'REMOTE_URL_CREDENTIALS'],
      [{ url: host.url('shop'), token: 'has space' }, 'REMOTE_INVALID'],
      [{ url: host.url('shop'), username: 'a:b', token: 'x' }, 'REMOTE_INVALID'],
      [{ url: host.url('shop'), password: 'x' }, 'REMOTE_INVALID'],
      ['https://github.com/a/b.git', 'REMOTE_INVALID'],
    ];
    for (const [remote, code] of cases) {
      const r = await api('POST', '/api/stacks', { name: 'bad', remote });
      assert.equal(r.status, 400, JSON.stringify(remote));
      assert.equal(r.json.code, code, JSON.stringify(remote));
    }
    assert.equal((await api('POST', '/api/stacks', { name: 'bad2', shareWith: 'shop' })).json.code, 'STACK_IS_EXTERNAL');
    assert.equal((await api('GET', '/api/stacks')).body.includes('bad'), false);
  });

  it('clones and pushes through /git/<stack>.git: the push lands on the remote and is announced', async () => {
    const w = await watch('shop');
    const dir = join(s.root, 'shop-clone');
    await ok(['clone', '--quiet', '--', s.gitUrl('shop'), dir], s.root);
    assert.equal(await readFile(join(dir, 'template.yaml'), 'utf8'), TEMPLATE);
    const oldOid = (await ok(['rev-parse', 'HEAD'], dir)).trim();
    await writeFile(join(dir, 'template.yaml'), `${TEMPLATE}# through Cairn\n`);
    await ok(['commit', '--quiet', '-am', 'Edit through the relay'], dir);
    const newOid = (await ok(['rev-parse', 'HEAD'], dir)).trim();
    await ok(['push', '--quiet', 'origin', 'main'], dir);
    assert.equal(await host.head('shop', 'main'), newOid);
    assert.deepEqual(await w.next(), { stack: 'shop', ref: 'refs/heads/main', oldOid, newOid, author: '', message: '', time: '', via: 'push' });
    // protocol v0 and v2 both pass through
    await ok(['-c', 'protocol.version=0', 'fetch', '--quiet', 'origin'], dir);
    await ok(['-c', 'protocol.version=2', 'ls-remote', 'origin'], dir);
    // a gzip-encoded upload-pack request (git sends those for fetches with many haves) passes as is
    const pkt = (t: string) => `${(t.length + 4).toString(16).padStart(4, '0')}${t}`;
    const want = gzipSync(`${pkt(`want ${newOid}\n`)}0000${pkt('done\n')}`);
    const packed = await s.send('POST', '/git/shop.git/git-upload-pack', { 'content-type': 'application/x-git-upload-pack-request', 'content-encoding': 'gzip', 'content-length': String(want.length) }, want);
    assert.equal(packed.status, 200);
    assert.equal(packed.headers['content-type'], 'application/x-git-upload-pack-result');
    assert.match(packed.body, /^0008NAK\nPACK/);
    // the relay sent the token; only what git needs came back
    assert.ok(host.requests.some((r) => r.authorization?.startsWith('Basic ')));
    const refs = await s.send('GET', '/git/shop.git/info/refs?service=git-upload-pack');
    assert.equal(refs.status, 200);
    assert.equal(refs.headers['content-type'], 'application/x-git-upload-pack-advertisement');
    assert.equal(refs.headers['set-cookie'], undefined);
    w.close();
  });

  it('announces a push made on the remote after a signed GitHub webhook; replays, bad signatures and pings are not processed', async () => {
    const w = await watch('shop');
    const before = await host.head('shop', 'main');
    const pushed = await host.pushDirect('shop', 'main', { 'README.md': 'direct\n' }, 'Pushed on GitHub');

    const body = JSON.stringify({ ref: 'refs/heads/main', after: pushed });
    const bad = await hook('shop', body, { 'x-github-event': 'push', 'x-github-delivery': 'd-1', 'x-hub-signature-256': sign('wrong secret', body) });
    assert.equal(bad.status, 401);
    assert.equal(JSON.parse(bad.body).code, 'WEBHOOK_UNAUTHORIZED');
    const unsigned = await hook('shop', body, { 'x-github-event': 'push', 'x-github-delivery': 'd-1' });
    assert.equal(unsigned.status, 401);
    const tampered = await hook('shop', body.replace('main', 'evil'), { 'x-github-event': 'push', 'x-github-delivery': 'd-1', 'x-hub-signature-256': sign(HOOK_SECRET, body) });
    assert.equal(tampered.status, 401);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(w.pending.length, 0, 'nothing processed without a valid signature');

    const good = await hook('shop', body, { 'x-github-event': 'push', 'x-github-delivery': 'd-1', 'x-hub-signature-256': sign(HOOK_SECRET, body) });
    assert.equal(good.status, 202, good.body);
    assert.deepEqual(await w.next(), { stack: 'shop', ref: 'refs/heads/main', oldOid: before, newOid: pushed, author: '', message: '', time: '', via: 'webhook' });

    // the same delivery again: acknowledged, ignored
    const another = await host.pushDirect('shop', 'main', { 'README.md': 'second\n' }, 'Another');
    const replay = await hook('shop', body, { 'x-github-event': 'push', 'x-github-delivery': 'd-1', 'x-hub-signature-256': sign(HOOK_SECRET, body) });
    assert.equal(replay.status, 200);
    assert.deepEqual(JSON.parse(replay.body), { ignored: 'replay' });
    const ping = await hook('shop', '{"zen":"x"}', { 'x-github-event': 'ping', 'x-github-delivery': 'p-1', 'x-hub-signature-256': sign(HOOK_SECRET, '{"zen":"x"}') });
    assert.equal(ping.status, 200);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(w.pending.length, 0, 'a replay and a ping list nothing');
    // a new delivery is processed
    const next = await hook('shop', body, { 'x-github-event': 'push', 'x-github-delivery': 'd-2', 'x-hub-signature-256': sign(HOOK_SECRET, body) });
    assert.equal(next.status, 202);
    const seen = await w.next();
    assert.deepEqual([seen.oldOid, seen.newOid], [pushed, another]);
    w.close();
  });

  it("GitHub's documented test vector is accepted by the route", async () => {
    assert.equal((await api('PATCH', '/api/stacks/shop', { webhookSecret: "It's a Secret to Everybody" })).status, 200);
    const r = await hook('shop', 'Hello, World!', {
      'x-github-event': 'ping', 'x-github-delivery': 'vector', 'x-hub-signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    });
    assert.equal(r.status, 200, r.body);
    assert.equal((await api('PATCH', '/api/stacks/shop', { webhookSecret: HOOK_SECRET })).status, 200);
  });

  it('announces after a GitLab webhook (X-Gitlab-Token), ignores its replays', async () => {
    const w = await watch('shop');
    const before = await host.head('shop', 'main');
    const pushed = await host.pushDirect('shop', 'main', { 'README.md': 'gitlab\n' }, 'Pushed on GitLab');
    const body = '{"object_kind":"push"}';
    assert.equal((await hook('shop', body, { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': 'nope' })).status, 401);
    const headers = { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': HOOK_SECRET, 'x-gitlab-event-uuid': 'gl-1', 'x-gitlab-webhook-uuid': 'same-for-all' };
    assert.equal((await hook('shop', body, headers)).status, 202);
    assert.deepEqual(await w.next(), { stack: 'shop', ref: 'refs/heads/main', oldOid: before, newOid: pushed, author: '', message: '', time: '', via: 'webhook' });
    assert.deepEqual(JSON.parse((await hook('shop', body, headers)).body), { ignored: 'replay' });
    // another event of the same webhook is not a replay
    assert.equal((await hook('shop', body, { ...headers, 'x-gitlab-event-uuid': 'gl-2' })).status, 202);
    w.close();
  });

  it('guards the webhook route: no secret, wrong host, foreign origin, big bodies, other methods', async () => {
    assert.equal((await api('POST', '/api/stacks', { name: 'nosecret', remote: { url: host.url('billing'), token: TOKEN } })).status, 201);
    const body = '{}';
    const signed = { 'x-github-delivery': 'g-1', 'x-hub-signature-256': sign(HOOK_SECRET, body) };
    for (const stack of ['nosecret', 'nothing', '..']) {
      const r = await hook(stack, body, signed);
      assert.equal(r.status, 404, stack);
      assert.equal(JSON.parse(r.body).code, 'WEBHOOK_NOT_CONFIGURED');
    }
    assert.equal((await hook('shop', body, { ...signed, host: 'evil.example' })).status, 403);
    const foreign = await hook('shop', body, { ...signed, origin: 'https://evil.example' });
    assert.equal(JSON.parse(foreign.body).code, 'ORIGIN_NOT_ALLOWED');
    const big = 'x'.repeat(1024 * 1024 + 1);
    assert.equal((await hook('shop', big, { 'x-hub-signature-256': sign(HOOK_SECRET, big) })).status, 413);
    assert.equal((await s.send('GET', '/api/webhooks/shop')).status, 405);
    // no CSRF token was needed above; the local stacks API still needs it
    assert.equal((await s.send('POST', '/api/stacks', { 'content-type': 'application/json' }, '{"name":"x"}')).status, 403);
  });

  it('answers REMOTE_AUTH_FAILED without a working token until one is set, REMOTE_UNREACHABLE for a dead remote', async () => {
    assert.equal((await api('POST', '/api/stacks', { name: 'billing', remote: { url: host.url('billing') } })).status, 201);
    const refused = await s.send('GET', '/git/billing.git/info/refs?service=git-upload-pack');
    assert.equal(refused.status, 403);
    assert.equal(JSON.parse(refused.body).code, 'REMOTE_AUTH_FAILED');
    assert.equal(refused.headers['www-authenticate'], undefined);
    const clone = await gitCli(['clone', '--quiet', '--', s.gitUrl('billing'), join(s.root, 'billing')], s.root);
    assert.notEqual(clone.code, 0);
    assert.equal((await api('PATCH', '/api/stacks/billing', { token: 'wrong-token' })).status, 200);
    assert.equal((await s.send('GET', '/git/billing.git/info/refs?service=git-receive-pack')).status, 403);
    const patched = await api('PATCH', '/api/stacks/billing', { token: TOKEN });
    assert.equal(patched.status, 200);
    assert.deepEqual(patched.json.remote, { url: host.url('billing'), hasToken: true, hasWebhookSecret: false, webhookPath: '/api/webhooks/billing' });
    await ok(['clone', '--quiet', '--', s.gitUrl('billing'), join(s.root, 'billing')], s.root);
    assert.equal((await api('PATCH', '/api/stacks/billing', { token: 'x y' })).json.code, 'REMOTE_INVALID');

    // a port nobody listens on
    const dead = `http://127.0.0.1:${open.port}/missing.git`;
    await open.close();
    assert.equal((await api('POST', '/api/stacks', { name: 'dead', remote: { url: dead } })).status, 201);
    const down = await s.send('GET', '/git/dead.git/info/refs?service=git-upload-pack');
    assert.equal(down.status, 502);
    assert.equal(JSON.parse(down.body).code, 'REMOTE_UNREACHABLE');
    const push = await s.send('POST', '/git/dead.git/git-receive-pack', { 'content-type': 'application/x-git-receive-pack-request' }, '0000');
    assert.equal(JSON.parse(push.body).code, 'REMOTE_UNREACHABLE');
    // the same body cap as the local route
    const tooBig = await s.send('POST', '/git/shop.git/git-upload-pack', { 'content-type': 'application/x-git-upload-pack-request', 'content-length': String(51 * 1024 * 1024) });
    assert.equal(tooBig.status, 413);
    // local stacks have no token
    assert.equal((await api('POST', '/api/stacks', { name: 'local' })).status, 201);
    assert.equal((await api('PATCH', '/api/stacks/local', { token: TOKEN })).json.code, 'STACK_NOT_EXTERNAL');
  });

  it('renames and deletes an external stack with its secrets', async () => {
    const renamed = await api('PATCH', '/api/stacks/billing', { name: 'invoices' });
    assert.equal(renamed.status, 200, renamed.body);
    assert.equal((renamed.json.remote as { hasToken: boolean }).hasToken, true);
    assert.equal((await s.send('GET', '/git/invoices.git/info/refs?service=git-upload-pack')).status, 200);
    assert.equal((await api('DELETE', '/api/stacks/invoices')).status, 204);
    const secrets = JSON.parse(await readFile(join(s.dataDir, 'secrets.json'), 'utf8')) as { stacks: Record<string, unknown> };
    assert.deepEqual(Object.keys(secrets.stacks).sort(), ['nosecret', 'shop']);
  });

  it('never lets the token or webhook secret out: logs, API answers, stacks.json, spawned processes', async () => {
    const everything = [
      ...s.logged,
      ...answers,
      await readFile(join(s.dataDir, 'stacks.json'), 'utf8'),
      ...spawned,
    ].join('\n');
    assert.ok(spawned.length > 5, 'the spy saw the git processes');
    assert.ok(spawned.some((a) => a.includes('http-backend')), 'the spy saw spawns made by server modules');
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    for (const secret of [TOKEN, HOOK_SECRET, basic, 'wrong-token']) assert.equal(everything.includes(secret), false, `leaked: ${secret.slice(0, 6)}...`);
  });
});

describe('polling', () => {
  let p: TestServer;
  let remote: ExternalHost;
  before(async () => {
    [p, remote] = await Promise.all([startTestServer({ pollIntervalMs: 150 }), startExternalHost({ token: TOKEN })]);
    await remote.createRepo('orders', { 'template.yaml': TEMPLATE });
  });
  after(() => Promise.all([p.close(), remote.close()]));

  it('announces a change on the remote without any webhook, once, a branch made and deleted there too; a failing remote is logged once', async () => {
    assert.equal((await p.api('POST', '/api/stacks', { name: 'orders', remote: { url: remote.url('orders'), token: TOKEN } })).status, 201);
    const events: RefChange[] = [];
    const stop = p.running.stacks.subscribe('orders', (c) => events.push(c));
    const before = await remote.head('orders', 'main');
    const pushed = await remote.pushDirect('orders', 'main', { 'template.yaml': `${TEMPLATE}# polled\n` }, 'Direct');
    for (let i = 0; i < 60 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    // several more rounds: announced once
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(events.length, 1, JSON.stringify(events));
    assert.deepEqual(events[0], { stack: 'orders', ref: 'refs/heads/main', oldOid: before, newOid: pushed, author: '', message: '', time: '', via: 'poll' });

    // a branch made and then deleted on the remote: announced both times, the deletion with newOid all zeros
    const updateRef = async (...args: string[]) => assert.equal((await gitCli(['--git-dir', remote.repoPath('orders'), 'update-ref', ...args], p.root)).code, 0);
    await updateRef('refs/heads/topic', pushed);
    for (let i = 0; i < 60 && events.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(events[1], { stack: 'orders', ref: 'refs/heads/topic', oldOid: '0'.repeat(40), newOid: pushed, author: '', message: '', time: '', via: 'poll' });
    await updateRef('-d', 'refs/heads/topic');
    for (let i = 0; i < 60 && events.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(events.length, 3, JSON.stringify(events));
    assert.deepEqual(events[2], { stack: 'orders', ref: 'refs/heads/topic', oldOid: pushed, newOid: '0'.repeat(40), author: '', message: '', time: '', via: 'poll' });

    assert.equal((await p.api('PATCH', '/api/stacks/orders', { token: 'revoked' })).status, 200);
    await new Promise((r) => setTimeout(r, 800));
    const failures = p.logged.filter((l) => l.includes("polling orders's remote failed"));
    assert.equal(failures.length, 1, p.logged.join('\n'));
    assert.match(failures[0]!, /REMOTE_AUTH_FAILED/);
    assert.equal(p.logged.join('\n').includes('revoked'), false);
    stop();
  });
});
