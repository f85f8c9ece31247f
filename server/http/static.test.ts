import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
