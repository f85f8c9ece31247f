import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';

const CAIRN = fileURLToPath(new URL('./cairn.js', import.meta.url));

it('cairn serve --port 0 --data DIR starts, creates DIR (hooks/, repos/), lists no stacks, and stops on SIGTERM', async () => {
  const root = await mkdtemp(join(tmpdir(), 'cairn-serve-'));
  const data = join(root, 'data');
  const child = spawn(process.execPath, [CAIRN, 'serve', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (s: string) => {
        out += s;
        const m = /Cairn is running at (http:\/\/localhost:\d+\/) \(stacks in (.*)\)/.exec(out);
        if (m) {
          assert.equal(m[2], data);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    assert.deepEqual((await readdir(data)).sort(), ['hooks', 'repos']);
    const r = await fetch(`${url}api/stacks`);
    assert.deepEqual(await r.json(), { stacks: [] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    child.kill('SIGKILL');
    await rm(root, { recursive: true, force: true });
  }
});
