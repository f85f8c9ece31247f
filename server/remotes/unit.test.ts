import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorization, lsRemote } from './client.ts';
import { parseAdvertisement } from './pktline.ts';
import { checkRemoteUrl } from './url.ts';
import { DeliveryLog, verifyGitHubSignature, verifyGitLabToken } from './webhooks.ts';

const pkt = (s: string) => `${(Buffer.byteLength(s) + 4).toString(16).padStart(4, '0')}${s}`;
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('remote URLs', () => {
  it('takes http and https, normalised without a trailing slash', () => {
    assert.deepEqual(checkRemoteUrl('https://github.com/acme/shop.git'), { url: 'https://github.com/acme/shop.git' });
    assert.deepEqual(checkRemoteUrl('http://127.0.0.1:8080/x/'), { url: 'http://127.0.0.1:8080/x' });
  });

  it('refuses other transports, credentials, queries and junk with stable codes', () => {
    const code = (u: unknown) => ('problem' in checkRemoteUrl(u) ? (checkRemoteUrl(u) as { problem: { code: string } }).problem.code : 'ok');
    for (const u of ['ext::sh -c touch% /tmp/pwned', 'file:///etc', 'ssh://git@github.com/a/b.git', 'git://github.com/a/b.git', 'git@github.com:a/b.git', 'ftp://x/y', 'javascript:alert(1)', '', 42, null, 'https://x/a b', 'https://x/a?token=1', 'https://x/#f', `https://x/${'a'.repeat(3000)}`]) {
      assert.equal(code(u), 'REMOTE_URL_INVALID', String(u));
    }
    for (const u of ['https://user:pw@github.com/a/b.git', 'https://ghp_abc@github.com/a/b.git', 'http://:pw@host/x']) {
      assert.equal(code(u), 'REMOTE_URL_CREDENTIALS', u);
      assert.match((checkRemoteUrl(u) as { problem: { message: string } }).problem.message, /token/);
    }
  });

  it('sends the token as Basic auth, x-access-token by default', () => {
    assert.equal(authorization({}), null);
    assert.equal(authorization({ token: 't0k' }), `Basic ${Buffer.from('x-access-token:t0k').toString('base64')}`);
    assert.equal(authorization({ token: 't0k', username: 'oauth2' }), `Basic ${Buffer.from('oauth2:t0k').toString('base64')}`);
  });
});

describe('ref advertisements (pkt-line, v0/v1)', () => {
  it('reads the smart-HTTP answer: service header, capabilities after NUL, peeled tags and HEAD left out', () => {
    const body = [
      pkt('# service=git-upload-pack\n'), '0000',
      pkt(`${A} HEAD\0multi_ack side-band-64k symref=HEAD:refs/heads/main\n`),
      pkt(`${A} refs/heads/main\n`),
      pkt(`${B} refs/heads/feature\n`),
      pkt(`${C} refs/tags/v1\n`),
      pkt(`${A} refs/tags/v1^{}\n`),
      '0000',
    ].join('');
    assert.deepEqual(parseAdvertisement(Buffer.from(body)), { ok: true, refs: { 'refs/heads/main': A, 'refs/heads/feature': B, 'refs/tags/v1': C } });
  });

  it('reads v1, an answer without the service header, and an empty repository', () => {
    const v1 = [pkt('# service=git-upload-pack\n'), '0000', pkt('version 1\n'), pkt(`${A} refs/heads/main\0agent=x\n`), '0000'].join('');
    assert.deepEqual(parseAdvertisement(Buffer.from(v1)), { ok: true, refs: { 'refs/heads/main': A } });
    const bare = [pkt(`${B} refs/heads/main\0caps\n`), '0000'].join('');
    assert.deepEqual(parseAdvertisement(Buffer.from(bare)), { ok: true, refs: { 'refs/heads/main': B } });
    const empty = [pkt('# service=git-upload-pack\n'), '0000', pkt(`${'0'.repeat(40)} capabilities^{}\0report-status\n`), '0000'].join('');
    assert.deepEqual(parseAdvertisement(Buffer.from(empty)), { ok: true, refs: {} });
  });

  it('refuses garbage, bad lengths, bad ids and an unasked v2', () => {
    for (const body of ['<html>hello</html>', '00ffshort', pkt('zzzz refs/heads/main\n') + '0000', pkt('version 2\n') + '0000', '0003']) {
      assert.equal(parseAdvertisement(Buffer.from(body)).ok, false, body);
    }
  });
});

describe('webhook authentication', () => {
  it("verifies GitHub's documented test vector", () => {
    // docs.github.com "Validating webhook deliveries": secret, payload and signature as published
    const secret = "It's a Secret to Everybody";
    const body = Buffer.from('Hello, World!');
    const signature = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    assert.equal(verifyGitHubSignature(secret, body, signature), true);
    assert.equal(verifyGitHubSignature(secret, body, signature.toUpperCase().replace('SHA256=', 'sha256=')), true);
    assert.equal(verifyGitHubSignature(secret, Buffer.from('Hello, World?'), signature), false);
    assert.equal(verifyGitHubSignature('another secret', body, signature), false);
    assert.equal(verifyGitHubSignature(secret, body, signature.slice(0, -2)), false);
    assert.equal(verifyGitHubSignature(secret, body, `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`), false);
    assert.equal(verifyGitHubSignature(secret, body, ''), false);
  });

  it('compares a GitLab token exactly', () => {
    assert.equal(verifyGitLabToken('s3cret', 's3cret'), true);
    for (const t of ['s3cre', 's3cret ', 'S3cret', '']) assert.equal(verifyGitLabToken('s3cret', t), false, t);
  });

  it('remembers delivery ids per stack, boundedly', () => {
    const log = new DeliveryLog(3);
    assert.equal(log.offer('a', '1'), true);
    assert.equal(log.offer('a', '1'), false);
    assert.equal(log.offer('b', '1'), true);
    log.offer('a', '2');
    log.offer('a', '3');
    // the oldest ('a', '1') was forgotten
    assert.equal(log.offer('a', '1'), true);
    assert.equal(log.offer('a', '3'), false);
  });

  it('keeps delivery ids across a restart (written on flush, mode 0600), and survives a bad file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-deliveries-'));
    try {
      const file = join(dir, 'webhook-deliveries.json');
      const first = await DeliveryLog.open(file, () => {});
      assert.equal(first.offer('shop', 'd-1'), true);
      await first.flush();
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), { version: 1, deliveries: [['shop', 'd-1']] });
      const second = await DeliveryLog.open(file, () => {});
      assert.equal(second.offer('shop', 'd-1'), false);
      assert.equal(second.offer('other', 'd-1'), true);
      await writeFile(file, 'not json');
      const logged: string[] = [];
      const third = await DeliveryLog.open(file, (l) => logged.push(l));
      assert.equal(third.offer('shop', 'd-1'), true);
      assert.equal(logged.length, 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ls-remote in Node: redirects and answers', () => {
  const serve = async (handler: (path: string, headers: IncomingHttpHeaders) => [number, Record<string, string>, string]) => {
    const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
    const server: Server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      const [status, headers, body] = handler(req.url ?? '', req.headers);
      res.writeHead(status, headers).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    return { seen, port, close: () => new Promise<void>((r) => server.close(() => r())) };
  };
  const ad = [pkt('# service=git-upload-pack\n'), '0000', pkt(`${A} refs/heads/main\0caps\n`), '0000'].join('');
  const gitType = { 'Content-Type': 'application/x-git-upload-pack-advertisement' };

  it('follows a same-origin redirect with the token, never one to another host', async () => {
    const other = await serve(() => [200, gitType, ad]);
    const host = await serve((path) =>
      path.startsWith('/old.git') ? [301, { Location: '/new.git/info/refs?service=git-upload-pack' }, '']
        : path.startsWith('/away.git') ? [302, { Location: `http://127.0.0.1:${other.port}/x.git/info/refs?service=git-upload-pack` }, '']
          : [200, gitType, ad],
    );
    try {
      const moved = await lsRemote(`http://127.0.0.1:${host.port}/old.git`, { token: 'tok' });
      assert.deepEqual(moved, { ok: true, value: { 'refs/heads/main': A } });
      assert.equal(host.seen[1]!.path, '/new.git/info/refs?service=git-upload-pack');
      assert.equal(host.seen[1]!.headers.authorization, authorization({ token: 'tok' }));
      const away = await lsRemote(`http://127.0.0.1:${host.port}/away.git`, { token: 'tok' });
      assert.equal(away.ok ? 'ok' : away.problem.code, 'REMOTE_UNREACHABLE');
      assert.equal(other.seen.length, 0, 'the other host was never asked');
    } finally {
      await Promise.all([host.close(), other.close()]);
    }
  });

  it('tells a refusing remote, a web page and a dead port apart', async () => {
    const host = await serve((path) => (path.startsWith('/private') ? [401, { 'WWW-Authenticate': 'Basic' }, ''] : [200, { 'Content-Type': 'text/html' }, '<html>']));
    try {
      const code = async (url: string) => {
        const r = await lsRemote(url, {});
        return r.ok ? 'ok' : r.problem.code;
      };
      assert.equal(await code(`http://127.0.0.1:${host.port}/private.git`), 'REMOTE_AUTH_FAILED');
      assert.equal(await code(`http://127.0.0.1:${host.port}/page`), 'REMOTE_NOT_GIT');
    } finally {
      await host.close();
    }
    assert.equal((await lsRemote(`http://127.0.0.1:${host.port}/gone.git`, {})).ok, false);
  });
});
