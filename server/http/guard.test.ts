import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, it } from 'node:test';
import { checkRequest, CSRF_HEADER, LOOPBACK_HOSTNAMES } from './guard.ts';
import type { GuardPolicy } from './guard.ts';

const policy: GuardPolicy = { port: 5757, hostnames: LOOPBACK_HOSTNAMES, csrfToken: 'a'.repeat(64) };
const host = 'localhost:5757';
const token = { [CSRF_HEADER]: policy.csrfToken };

const cases: Array<[string, string, IncomingHttpHeaders, string | null]> = [
  ['GET with a loopback Host', 'GET', { host }, null],
  ['127.0.0.1 Host', 'GET', { host: '127.0.0.1:5757' }, null],
  ['[::1] Host', 'GET', { host: '[::1]:5757' }, null],
  ['Host in capitals', 'GET', { host: 'LOCALHOST:5757' }, null],
  ['no Host', 'GET', {}, 'HOST_NOT_ALLOWED'],
  ['foreign Host (DNS rebinding)', 'GET', { host: 'evil.example:5757' }, 'HOST_NOT_ALLOWED'],
  ['loopback Host, other port', 'GET', { host: 'localhost:80' }, 'HOST_NOT_ALLOWED'],
  ['loopback Host without port', 'GET', { host: 'localhost' }, 'HOST_NOT_ALLOWED'],
  ['Host with trailing dot', 'GET', { host: 'localhost.:5757' }, 'HOST_NOT_ALLOWED'],
  ['Host with a suffix', 'GET', { host: 'localhost:5757.evil.example' }, 'HOST_NOT_ALLOWED'],
  ['own Origin', 'GET', { host, origin: 'http://localhost:5757' }, null],
  ['foreign Origin', 'GET', { host, origin: 'https://evil.example' }, 'ORIGIN_NOT_ALLOWED'],
  ['Origin: null', 'GET', { host, origin: 'null' }, 'ORIGIN_NOT_ALLOWED'],
  ['Origin of another loopback name', 'GET', { host, origin: 'http://127.0.0.1:5757' }, 'ORIGIN_NOT_ALLOWED'],
  ['Origin on another local port', 'GET', { host, origin: 'http://localhost:3000' }, 'ORIGIN_NOT_ALLOWED'],
  ['https Origin on our port', 'GET', { host, origin: 'https://localhost:5757' }, 'ORIGIN_NOT_ALLOWED'],
  ['POST without a token', 'POST', { host }, 'CSRF_TOKEN_INVALID'],
  ['POST with a wrong token', 'POST', { host, [CSRF_HEADER]: 'b'.repeat(64) }, 'CSRF_TOKEN_INVALID'],
  ['POST with a short token', 'POST', { host, [CSRF_HEADER]: 'a' }, 'CSRF_TOKEN_INVALID'],
  ['POST with two tokens', 'POST', { host, [CSRF_HEADER]: [policy.csrfToken, policy.csrfToken] }, 'CSRF_TOKEN_INVALID'],
  ['POST with the token', 'POST', { host, ...token }, null],
  ['OPTIONS preflight', 'OPTIONS', { host, origin: 'http://localhost:5757' }, 'CSRF_TOKEN_INVALID'],
  ['DELETE with the token, same-origin', 'DELETE', { host, ...token, 'sec-fetch-site': 'same-origin' }, null],
  ['POST with the token, cross-site', 'POST', { host, ...token, 'sec-fetch-site': 'cross-site' }, 'CROSS_SITE_REQUEST'],
  ['POST with the token, same-site', 'POST', { host, ...token, 'sec-fetch-site': 'same-site' }, 'CROSS_SITE_REQUEST'],
  ['POST with the token, user-initiated', 'POST', { host, ...token, 'sec-fetch-site': 'none' }, 'CROSS_SITE_REQUEST'],
  ['typed-in URL', 'GET', { host, 'sec-fetch-site': 'none' }, null],
  ['link from another site', 'GET', { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }, null],
  ['cross-site iframe', 'GET', { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' }, 'CROSS_SITE_REQUEST'],
  ['cross-site script include', 'GET', { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }, 'CROSS_SITE_REQUEST'],
  ['same-site fetch (another local port)', 'GET', { host, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' }, 'CROSS_SITE_REQUEST'],
];

describe('checkRequest', () => {
  for (const [name, method, headers, code] of cases) {
    it(`${name}: ${code ?? 'allowed'}`, () => {
      const result = checkRequest(method, headers, policy);
      assert.equal(result?.code ?? null, code);
      if (result) assert.equal(result.status, 403);
    });
  }

  it('accepts extra host names given for team mode', () => {
    const team = { ...policy, hostnames: [...LOOPBACK_HOSTNAMES, 'cairn.internal'] };
    assert.equal(checkRequest('GET', { host: 'cairn.internal:5757' }, team), null);
    assert.equal(checkRequest('GET', { host: 'cairn.internal:5757' }, policy)?.code, 'HOST_NOT_ALLOWED');
  });

  it('lets git requests through without the token, but not with a foreign Origin or from another site', () => {
    assert.equal(checkRequest('POST', { host }, policy, true), null);
    assert.equal(checkRequest('POST', { host, origin: 'http://localhost:5757' }, policy, true), null);
    assert.equal(checkRequest('POST', { host, origin: 'https://evil.example' }, policy, true)?.code, 'ORIGIN_NOT_ALLOWED');
    assert.equal(checkRequest('POST', { host, origin: 'null' }, policy, true)?.code, 'ORIGIN_NOT_ALLOWED');
    assert.equal(checkRequest('POST', { host, 'sec-fetch-site': 'cross-site' }, policy, true)?.code, 'CROSS_SITE_REQUEST');
    assert.equal(checkRequest('GET', { host: 'evil.example:5757' }, policy, true)?.code, 'HOST_NOT_ALLOWED');
  });

  it('never accepts an empty token, even if the policy had one', () => {
    const empty = { ...policy, csrfToken: '' };
    assert.equal(checkRequest('POST', { host, [CSRF_HEADER]: '' }, empty)?.code, 'CSRF_TOKEN_INVALID');
  });
});
