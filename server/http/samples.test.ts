import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CSRF_HEADER } from './guard.ts';
import { startServer } from './server.ts';

/** A real server over `samplesDir`; what it logs is collected. */
async function serve(samplesDir: string) {
  const logged: string[] = [];
  const running = await startServer({
    host: '127.0.0.1', port: 0, team: false, allowedHosts: [], distDir: join(root, 'dist'), samplesDir, dataDir: join(root, 'data'),
    serveSourceMaps: false, dev: false, log: (l) => logged.push(l),
  });
  const base = `http://127.0.0.1:${running.port}`;
  const ask = async (method = 'GET') => {
    try {
      // state-changing methods carry this launch's CSRF token, as the app's own requests would
      const page = await (await fetch(`${base}/`)).text();
      const token = /content="([0-9a-f]{64})"/.exec(page)?.[1] ?? '';
      const r = await fetch(`${base}/api/samples`, { method, headers: method === 'GET' ? {} : { [CSRF_HEADER]: token, 'sec-fetch-site': 'same-origin' } });
      return { status: r.status, allow: r.headers.get('allow'), body: (await r.json()) as { code?: string; samples?: unknown } };
    } finally {
      await running.close();
    }
  };
  return { ask, logged };
}

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-samples-'));
  await mkdir(join(root, 'dist'));
  await writeFile(join(root, 'dist', 'index.html'), '<meta name="cairn-csrf" content="%CAIRN_CSRF%">');
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function dir(name: string, files: Record<string, string>): Promise<string> {
  const d = join(root, name);
  await mkdir(d);
  for (const [f, text] of Object.entries(files)) await writeFile(join(d, f), text);
  return d;
}

const entry = (file: string) => ({ file, title: file, description: `The ${file} stack.` });

describe('listSamples', () => {
  it('lists the manifest\'s entries whose files are there, and logs the missing ones', async () => {
    const d = await dir('some-missing', { 'a.yaml': 'x', 'manifest.json': JSON.stringify({ samples: [entry('a.yaml'), entry('gone.yaml'), entry('manifest.json')] }) });
    const { ask, logged } = await serve(d);
    const r = await ask();
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { samples: [entry('a.yaml')] });
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /gone\.yaml/);
  });

  it('answers an empty list when there is no manifest', async () => {
    const d = await dir('no-manifest', { 'a.yaml': 'x' });
    const { ask, logged } = await serve(d);
    assert.deepEqual((await ask()).body, { samples: [] });
    assert.deepEqual(logged, []);
  });

  it('refuses a bad manifest with a code, and logs why', async () => {
    for (const [name, text] of [['not-json', '{'], ['bad-entry', JSON.stringify({ samples: [{ file: '../x', title: 't', description: 'd' }] })]]) {
      const d = await dir(name!, { 'manifest.json': text! });
      const { ask, logged } = await serve(d);
      const r = await ask();
      assert.equal(r.status, 500, name);
      assert.equal(r.body.code, 'SAMPLES_MANIFEST_INVALID');
      assert.equal(logged.length, 1);
    }
  });

  it('is read-only', async () => {
    const { ask } = await serve(root);
    const r = await ask('DELETE');
    assert.equal(r.status, 405);
    assert.equal(r.body.code, 'METHOD_NOT_ALLOWED');
    assert.equal(r.allow, 'GET, HEAD');
  });
});
