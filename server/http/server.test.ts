import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CSRF_HEADER } from './guard.ts';
import { startServer } from './server.ts';
import type { RunningServer } from './server.ts';

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let root: string;
let running: RunningServer;
let host: string;
const replies: Reply[] = [];
const logged: string[] = [];

/** A raw HTTP request: the path goes on the wire exactly as given, headers as given. */
function send(method: string, path: string, headers: OutgoingHttpHeaders = {}, setHost = true): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: running.port, method, path, setHost: false, headers: setHost ? { host, ...headers } : headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          const reply = { status: res.statusCode ?? 0, headers: res.headers, body };
          replies.push(reply);
          resolve(reply);
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const get = (path: string, headers: OutgoingHttpHeaders = {}) => send('GET', path, headers);
const codeOf = (reply: Reply) => (JSON.parse(reply.body) as { code: string }).code;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-server-'));
  const dist = join(root, 'dist');
  const samples = join(root, 'samples');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await mkdir(samples);
  await writeFile(join(dist, 'index.html'), '<!doctype html><html><head><meta name="cairn-csrf" content="%CAIRN_CSRF%"><title>Cairn</title></head><body></body></html>');
  await writeFile(join(dist, 'main.0123abcd.js'), 'console.log(1);\n//# sourceMappingURL=main.0123abcd.js.map');
  await writeFile(join(dist, 'main.0123abcd.js.map'), '{"version":3}');
  await writeFile(join(dist, 'main.0123abcd.css'), 'body{}');
  await writeFile(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dist, '.cairn-build.json'), '{}');
  await writeFile(join(root, 'secret.txt'), 'secret');
  await symlink(join(root, 'secret.txt'), join(dist, 'escape.txt'));
  await writeFile(join(samples, 'orders-api.yaml'), 'Resources: {}\n');
  await writeFile(join(samples, 'manifest.json'), JSON.stringify({ samples: [{ file: 'orders-api.yaml', title: 'Orders API', description: 'Orders.' }] }));
  running = await startServer({
    host: '127.0.0.1',
    port: 0,
    team: false,
    allowedHosts: [],
    distDir: dist,
    samplesDir: samples,
    dataDir: join(root, 'data'),
    serveSourceMaps: false,
    dev: false,
    log: (line) => logged.push(line),
  });
  host = `localhost:${running.port}`;
});

after(async () => {
  await running.close();
  await rm(root, { recursive: true, force: true });
});

describe('server', () => {
  it('prints a localhost URL with the port it picked', () => {
    assert.ok(running.port > 0);
    assert.equal(running.url, `http://localhost:${running.port}/`);
  });

  it('serves index.html with a CSP, no caching, and this launch\'s CSRF token', async () => {
    const r = await get('/');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(String(r.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(r.headers['content-security-policy']), /script-src 'self'(;|$)/);
    assert.match(r.headers['cache-control'] ?? '', /no-cache/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin');
    assert.match(r.body, /<meta name="cairn-csrf" content="[0-9a-f]{64}">/);
  });

  it('answers HEAD without a body', async () => {
    const r = await send('HEAD', '/');
    assert.equal(r.status, 200);
    assert.equal(r.body, '');
  });

  it('serves hashed assets with a long cache and the right content type', async () => {
    const js = await get('/main.0123abcd.js');
    assert.equal(js.status, 200);
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
    const css = await get('/main.0123abcd.css');
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
    const svg = await get('/favicon.svg');
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.equal(svg.headers['cache-control'], 'no-cache');
  });

  it('does not serve source maps, dotfiles, or files reached through a symlink out of dist', async () => {
    for (const path of ['/main.0123abcd.js.map', '/.cairn-build.json', '/escape.txt', '/missing.js']) {
      const r = await get(path);
      assert.equal(r.status, 404, path);
      assert.equal(codeOf(r), 'NOT_FOUND');
    }
  });

  it('refuses path traversal', async () => {
    for (const path of ['/..%2f..%2fetc/passwd', '/../../etc/passwd', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/index.html%00']) {
      const r = await get(path);
      assert.ok(r.status === 400 || r.status === 404, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /secret|root:/);
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a missing Host', async () => {
    const evil = await get('/', { host: 'evil.example' });
    assert.equal(evil.status, 403);
    assert.equal(codeOf(evil), 'HOST_NOT_ALLOWED');
    const rebound = await get('/api/samples/orders-api.yaml', { host: `evil.example:${running.port}` });
    assert.equal(rebound.status, 403);
    const none = await send('GET', '/', {}, false);
    assert.equal(none.status, 403);
    assert.equal(codeOf(none), 'HOST_NOT_ALLOWED');
  });

  it('accepts every loopback spelling of our own host', async () => {
    for (const h of [`127.0.0.1:${running.port}`, `[::1]:${running.port}`, `localhost:${running.port}`]) {
      assert.equal((await get('/', { host: h })).status, 200, h);
    }
  });

  it('refuses foreign origins, including Origin: null', async () => {
    for (const origin of ['https://evil.example', 'null', `http://localhost:${running.port + 1}`]) {
      const r = await get('/api/samples/orders-api.yaml', { origin });
      assert.equal(r.status, 403, origin);
      assert.equal(codeOf(r), 'ORIGIN_NOT_ALLOWED');
    }
    assert.equal((await get('/', { origin: `http://${host}` })).status, 200);
  });

  it('requires the CSRF token for state-changing requests', async () => {
    const page = await get('/');
    const token = /content="([0-9a-f]{64})"/.exec(page.body)?.[1] ?? '';
    const without = await send('POST', '/api/samples/orders-api.yaml');
    assert.equal(without.status, 403);
    assert.equal(codeOf(without), 'CSRF_TOKEN_INVALID');
    const wrong = await send('POST', '/api/samples/orders-api.yaml', { [CSRF_HEADER]: '0'.repeat(64) });
    assert.equal(codeOf(wrong), 'CSRF_TOKEN_INVALID');
    const preflight = await send('OPTIONS', '/api/samples/orders-api.yaml', { origin: 'https://evil.example' });
    assert.equal(preflight.status, 403);
    const crossSite = await send('POST', '/api/samples/x.yaml', { [CSRF_HEADER]: token, 'sec-fetch-site': 'cross-site' });
    assert.equal(codeOf(crossSite), 'CROSS_SITE_REQUEST');
    // With the token the guard lets it through; samples are read-only.
    const withToken = await send('POST', '/api/samples/orders-api.yaml', { [CSRF_HEADER]: token, 'sec-fetch-site': 'same-origin' });
    assert.equal(withToken.status, 405);
    assert.equal(withToken.headers.allow, 'GET, HEAD');
  });

  it('serves samples by validated name', async () => {
    const r = await get('/api/samples/orders-api.yaml');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/yaml; charset=utf-8');
    assert.equal(r.body, 'Resources: {}\n');
    for (const name of ['..', '.hidden', '..%2f..%2fsecret.txt', 'a%2fb', '%00', 'x'.repeat(101), '%zz']) {
      const bad = await get(`/api/samples/${name}`);
      assert.equal(bad.status, 400, name);
      assert.equal(codeOf(bad), 'SAMPLE_NAME_INVALID');
    }
    const missing = await get('/api/samples/nope.yaml');
    assert.equal(missing.status, 404);
    assert.equal(codeOf(missing), 'NOT_FOUND');
  });

  it('lists the starter gallery', async () => {
    for (const path of ['/api/samples', '/api/samples/']) {
      const r = await get(path);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
      assert.deepEqual(JSON.parse(r.body), { samples: [{ file: 'orders-api.yaml', title: 'Orders API', description: 'Orders.' }] });
    }
    const foreign = await get('/api/samples', { origin: 'https://evil.example' });
    assert.equal(codeOf(foreign), 'ORIGIN_NOT_ALLOWED');
    const rebound = await get('/api/samples', { host: `evil.example:${running.port}` });
    assert.equal(codeOf(rebound), 'HOST_NOT_ALLOWED');
  });

  it('answers unknown API routes and odd request targets with coded JSON', async () => {
    const api = await get('/api/nothing');
    assert.equal(api.status, 404);
    assert.equal(api.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(codeOf(api), 'NOT_FOUND');
    const absolute = await get(`http://${host}/`);
    assert.equal(codeOf(absolute), 'BAD_REQUEST_TARGET');
  });

  it('never sends Access-Control-Allow-Origin, and sends security headers on every response', () => {
    assert.ok(replies.length > 20);
    for (const r of replies) {
      assert.equal(r.headers['access-control-allow-origin'], undefined);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.ok(r.headers['content-security-policy']);
    }
    assert.deepEqual(logged, []);
  });
});
