import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fetchSample, fetchSampleList, sampleUrl } from './sample.ts';
import type { FetchText } from './sample.ts';

const answer = (res: Response): FetchText => async () => res;

describe('fetchSample', () => {
  it('asks the samples API for the encoded name', async () => {
    const urls: string[] = [];
    await fetchSample('a b.yaml', async (url) => (urls.push(url), new Response('x')));
    assert.deepEqual(urls, ['/api/samples/a%20b.yaml']);
    assert.equal(sampleUrl('orders-api.yaml'), '/api/samples/orders-api.yaml');
  });

  it('returns the text', async () => {
    assert.deepEqual(await fetchSample('s.yaml', answer(new Response('Resources: {}\n'))), { ok: true, text: 'Resources: {}\n' });
  });

  it('passes on the server error code', async () => {
    const body = JSON.stringify({ code: 'NOT_FOUND', message: 'Nothing here.' });
    const r = await fetchSample('s.yaml', answer(new Response(body, { status: 404 })));
    assert.deepEqual(r, { ok: false, code: 'NOT_FOUND', message: 'Nothing here.' });
  });

  it('names the status when the error body is not ours', async () => {
    const r = await fetchSample('s.yaml', answer(new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' })));
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.code, 'HTTP_502');
  });

  it('reports an unreachable server as NETWORK', async () => {
    const r = await fetchSample('s.yaml', async () => {
      throw new TypeError('fetch failed');
    });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.code, 'NETWORK');
  });
});

describe('fetchSampleList', () => {
  it('returns the checked list', async () => {
    const list = { samples: [{ file: 'a.yaml', title: 'A', description: 'The A stack.' }] };
    const urls: string[] = [];
    const r = await fetchSampleList(async (url) => (urls.push(url), new Response(JSON.stringify(list))));
    assert.deepEqual(r, { ok: true, samples: list.samples });
    assert.deepEqual(urls, ['/api/samples']);
  });

  it('refuses a list that is not one, and passes on server errors', async () => {
    const bad = await fetchSampleList(answer(new Response(JSON.stringify({ samples: [{ file: '../x' }] }))));
    assert.equal(bad.ok ? '' : bad.code, 'SAMPLES_INVALID');
    const failed = await fetchSampleList(answer(new Response(JSON.stringify({ code: 'SAMPLES_MANIFEST_INVALID', message: 'm' }), { status: 500 })));
    assert.equal(failed.ok ? '' : failed.code, 'SAMPLES_MANIFEST_INVALID');
  });
});
