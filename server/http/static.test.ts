import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { injectCsrfToken, resolveStaticPath } from './static.ts';

describe('resolveStaticPath', () => {
  const ok: Array<[string, string[]]> = [
    ['/', ['index.html']],
    ['/main.0123abcd.js', ['main.0123abcd.js']],
    ['/assets/logo.svg', ['assets', 'logo.svg']],
    ['/with%20space.txt', ['with space.txt']],
  ];
  for (const [path, segments] of ok) {
    it(`${path} -> ${segments.join('/')}`, () => assert.deepEqual(resolveStaticPath(path), { ok: true, segments }));
  }

  const refused: Array<[string, string]> = [
    ['/../etc/passwd', 'BAD_PATH'],
    ['/..%2f..%2fetc/passwd', 'BAD_PATH'],
    ['/%2e%2e/etc/passwd', 'BAD_PATH'],
    ['/a/./b', 'BAD_PATH'],
    ['/a/..', 'BAD_PATH'],
    ['/..%5c..%5cetc%5cpasswd', 'BAD_PATH'],
    ['/a\\b', 'BAD_PATH'],
    ['/index.html%00.js', 'BAD_PATH'],
    ['/a%0ab', 'BAD_PATH'],
    ['/%e0%a4%a', 'BAD_PATH'],
    ['relative', 'BAD_PATH'],
    ['//evil.example/x', 'NOT_FOUND'],
    ['/dir/', 'NOT_FOUND'],
    ['/.cairn-build.json', 'NOT_FOUND'],
    ['/.git/config', 'NOT_FOUND'],
    ['/..foo', 'NOT_FOUND'],
  ];
  for (const [path, code] of refused) {
    it(`${path} -> ${code}`, () => {
      const r = resolveStaticPath(path);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.problem.code, code);
    });
  }
});

describe('injectCsrfToken', () => {
  it('fills the placeholder', () => {
    const html = '<head><meta name="cairn-csrf" content="%CAIRN_CSRF%"></head>';
    assert.equal(injectCsrfToken(html, 'abc'), '<head><meta name="cairn-csrf" content="abc"></head>');
  });
  it('adds the meta tag when the page has no placeholder', () => {
    assert.equal(injectCsrfToken('<head><title>x</title></head>', 'abc'), '<head><title>x</title><meta name="cairn-csrf" content="abc"></head>');
  });
});

test('index.html carries a fresh style nonce that its CSP allows', async () => {
  const { serveStatic } = await import('./static.ts');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'cairn-nonce-'));
  writeFileSync(join(dir, 'index.html'), '<html><head></head><body></body></html>');
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    const headers: Record<string, unknown> = {};
    let body = '';
    const res = {
      setHeader: (k: string, v: unknown) => (headers[k.toLowerCase()] = v),
      writeHead: (_s: number, h: Record<string, unknown>) => Object.entries(h).forEach(([k, v]) => (headers[k.toLowerCase()] = v)),
      end: (b?: string) => (body = b ?? ''),
    };
    await serveStatic(res as never, 'GET', '/', { distDir: dir, serveSourceMaps: false, csrfToken: 't' });
    const nonce = /name="cairn-style-nonce" content="([^"]+)"/.exec(body)?.[1];
    assert.ok(nonce, body);
    assert.ok(String(headers['content-security-policy']).includes(`style-src 'self' 'nonce-${nonce}'`));
    seen.push(nonce);
  }
  assert.notEqual(seen[0], seen[1]);
});
