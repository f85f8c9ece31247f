import { expect, test } from '@playwright/test';
import type { Response } from '@playwright/test';
import { startOtherOrigin } from './fixtures/otherOrigin.ts';
import { EditorPage, SAMPLE } from './pages/EditorPage.ts';

const SAMPLE_PATH = `/api/samples/${SAMPLE}`;

function expectSecurityHeaders(res: Response, what: string): void {
  const h = res.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${what}: CSP`).toContain("default-src 'self'");
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self'(;|$)/);
  expect(csp, `${what}: CSP`).toContain("object-src 'none'");
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('no-referrer');
  expect(h['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(h['cross-origin-resource-policy'], what).toBe('same-origin');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['access-control-allow-origin'], what).toBeUndefined();
}

test('the page, its scripts and the API carry the security headers', async ({ page }) => {
  const editor = new EditorPage(page);
  const script = page.waitForResponse((r) => r.request().resourceType() === 'script');
  const api = page.waitForResponse((r) => new URL(r.url()).pathname === SAMPLE_PATH);

  const doc = await page.goto('/');
  expect(doc?.status()).toBe(200);
  expectSecurityHeaders(doc!, 'document');
  expectSecurityHeaders(await script, 'script');
  const sample = await api;
  expect(sample.status()).toBe(200);
  expectSecurityHeaders(sample, 'API');
  await editor.waitForStack();
});

test('the browser enforces the policy: no inline or foreign script', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.goto();
  await editor.waitForStack();

  const violated = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__cairnInlineRan = true';
        document.head.append(s);
      }),
  );
  expect(violated).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as { __cairnInlineRan?: boolean }).__cairnInlineRan)).toBeUndefined();


  // A script from anywhere but our own origin: a data: URL stands in for an injected one.
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.blockedURI), { once: true });
        const s = document.createElement('script');
        s.src = 'data:text/javascript,window.__cairnDataRan=true';
        document.head.append(s);
      }),
  );
  expect(blocked).toBe('data');
  expect(await page.evaluate(() => (window as { __cairnDataRan?: boolean }).__cairnDataRan)).toBeUndefined();
});

// Another site open in the browser must not read from, or act on, the local server.
for (const host of ['127.0.0.1', 'localhost']) {
  test(`a page on another origin (${host}, another port) cannot use the Cairn API`, async ({ page, baseURL }) => {
    const other = await startOtherOrigin();
    try {
      await page.goto(`http://${host}:${other.port}/`);
      const target = new URL(SAMPLE_PATH, baseURL).href;
      // The browser itself: a plain read from another origin is blocked (no CORS headers).
      const read = await page.evaluate(async (url) => {
        try {
          const r = await fetch(url);
          return `read ${r.status}: ${(await r.text()).slice(0, 40)}`;
        } catch (e) {
          return `blocked (${(e as Error).name})`;
        }
      }, target);
      expect(read).toBe('blocked (TypeError)');

      // The server: the browser hides a refused answer from the page and from Playwright's
      // response events, so send the browser's own requests (its Origin, its Sec-Fetch-*)
      // on from a route and look at the answer. A `no-cors` POST is what a hostile page
      // would use to change something; only the server can refuse it.
      const answered: string[] = [];
      await page.route(target, async (route) => {
        const req = route.request();
        const res = await route.fetch({ maxRedirects: 0 });
        const body = (await res.json().catch(() => ({}))) as { code?: string };
        const acao = res.headers()['access-control-allow-origin'];
        answered.push(`${req.method()} from ${req.headers()['origin']}: ${res.status()} ${body.code ?? ''}${acao ? ` ACAO=${acao}` : ''}`);
        await route.abort();
      });
      await page.evaluate(async (url) => {
        await fetch(url).catch(() => undefined);
        await fetch(url, { method: 'POST', mode: 'no-cors', body: 'x', headers: { 'content-type': 'text/plain' } }).catch(() => undefined);
      }, target);
      const origin = `http://${host}:${other.port}`;
      expect(answered).toEqual([`GET from ${origin}: 403 ORIGIN_NOT_ALLOWED`, `POST from ${origin}: 403 ORIGIN_NOT_ALLOWED`]);
    } finally {
      await other.close();
    }
  });
}
