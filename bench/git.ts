/**
 * `npm run bench -- --git` (issue 5): the Cairn git engine (src/git/engine.ts) against the
 * native git command line, both talking to a real Cairn server (smart HTTP, pre-receive hook,
 * ref events) on a loopback port, over a stack repository of 1,000 commits.
 *
 *  - Open: engine `open()` (shallow single-branch clone) + `readFile(template)` vs
 *    `git clone --depth 1 --single-branch`; interleaved, medians, target <= 2x.
 *  - Commit + push one edit: engine `writeFile` + `commit` + `push` vs writing the file +
 *    `git commit -am` + `git push`, each on its own clone brought up to date (untimed) before
 *    its turn; interleaved, medians, target <= 2x.
 *  - Push -> SSE event at a Node client: from `git push` exiting to `event: ref` arriving on
 *    `/api/stacks/<name>/events`; p50/p95, target p95 <= 250 ms. The browser's banner is not
 *    part of this figure.
 *
 * The engine runs here in Node on node:fs with `isomorphic-git/http/node`, exactly as its tests
 * run it; in the browser it runs in a worker on LightningFS (IndexedDB), which is slower.
 */
import { spawn } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'isomorphic-git/http/node';
import type { PromiseFsClient } from 'isomorphic-git';
import { startServer } from '../server/http/server.ts';
import type { RunningServer } from '../server/http/server.ts';
import { refEvents } from '../server/stacks/testing.ts';
import { createGitEngine } from '../src/git/engine.ts';
import type { GitEngine } from '../src/git/engine.ts';
import type { GitResult } from '../src/git/errors.ts';
import { generateSamTemplate } from './generate.ts';
import { editTemplate, historyStream } from './gitHistory.ts';
import type { Row } from './report.ts';
import { fmtMs, median, percentile } from './stats.ts';

const SAMPLES = fileURLToPath(new URL('../public/samples/', import.meta.url));
const STACK = 'bench';
const TEMPLATE = 'template.yaml';
const COMMITS = 1000;
const RESOURCES = 50;
const AUTHOR = { name: 'Bench Author', email: 'bench@example.com' };

export interface GitBenchOptions {
  readonly quick: boolean;
  readonly rows: Row[];
  readonly log: (line: string) => void;
}

interface Cli {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The git command line as a user runs it, minus their configuration (argument arrays, no shell). */
function git(args: readonly string[], cwd: string, input?: Buffer): Promise<Cli> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: cwd,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_TERMINAL_PROMPT: '0',
        GIT_AUTHOR_NAME: AUTHOR.name,
        GIT_AUTHOR_EMAIL: AUTHOR.email,
        GIT_COMMITTER_NAME: AUTHOR.name,
        GIT_COMMITTER_EMAIL: AUTHOR.email,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function gitOk(args: readonly string[], cwd: string, input?: Buffer): Promise<string> {
  const r = await git(args, cwd, input);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}

function value<T>(r: GitResult<T>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.code}: ${r.message}`);
  return r.value;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

interface RefEvent {
  readonly newOid: string;
  readonly at: number;
}

/** `/api/stacks/<stack>/events` read as EventSource reads it, with the app's Host and Origin. */
function watchEvents(port: number, stack: string): Promise<{ wait(oid: string): Promise<RefEvent>; close(): void }> {
  const host = `localhost:${port}`;
  return new Promise((resolve, reject) => {
    const seen = new Map<string, RefEvent>();
    const waiting = new Map<string, (e: RefEvent) => void>();
    const req = request(
      {
        host: '127.0.0.1', port, path: `/api/stacks/${stack}/events`, agent: false, setHost: false,
        headers: { host, origin: `http://${host}`, accept: 'text/event-stream', 'sec-fetch-site': 'same-origin' },
      },
      (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          reject(new Error(`the event stream answered ${res.statusCode}`));
          res.destroy();
          return;
        }
        res.setEncoding('utf8');
        res.on(
          'data',
          refEvents((change) => {
            const e = { newOid: change.newOid, at: performance.now() };
            const w = waiting.get(e.newOid);
            if (w) {
              waiting.delete(e.newOid);
              w(e);
            } else seen.set(e.newOid, e);
          }),
        );
        resolve({
          wait: (oid) => {
            const e = seen.get(oid);
            if (e) return Promise.resolve(e);
            return new Promise<RefEvent>((r, j) => {
              const timer = setTimeout(() => j(new Error(`no ref event for ${oid} within 10 s`)), 10_000);
              waiting.set(oid, (x) => {
                clearTimeout(timer);
                r(x);
              });
            });
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export async function runGitBench(o: GitBenchOptions): Promise<void> {
  const runs = o.quick ? 5 : 15;
  const pushes = o.quick ? 20 : 40;
  const root = await mkdtemp(join(tmpdir(), 'cairn-bench-git-'));
  let running: RunningServer | null = null;
  const scratch = async () => mkdtemp(join(root, 'wc-'));
  try {
    const dist = join(root, 'dist');
    await mkdir(dist);
    await writeFile(join(dist, 'index.html'), '<!doctype html><meta name="cairn-csrf" content="%CAIRN_CSRF%">');
    const serverLog: string[] = [];
    running = await startServer({
      host: '127.0.0.1', port: 0, team: false, allowedHosts: [], distDir: dist, samplesDir: SAMPLES, dataDir: join(root, 'data'),
      serveSourceMaps: false, dev: false, log: (line) => serverLog.push(line),
    });
    const port = running.port;
    const url = `http://127.0.0.1:${port}/git/${STACK}.git`;
    const created = await running.stacks.create({ name: STACK });
    if (!created.ok) throw new Error(`creating the stack: ${`${created.problem.code}: ${created.problem.message}`}`);

    // the history: fast-import into a bare scratch repository, then one push to the server
    const history = join(root, 'history.git');
    await gitOk(['init', '--quiet', '--bare', '-b', 'main', history], root);
    const { stream, last } = historyStream({ template: generateSamTemplate(RESOURCES), path: TEMPLATE, commits: COMMITS });
    const built = await timed(() => gitOk(['fast-import', '--quiet', '--done'], history, stream));
    const pushed = await timed(() => gitOk(['push', '--quiet', url, 'main'], history));
    const count = (await gitOk(['rev-list', '--count', 'main'], history)).trim();
    if (count !== String(COMMITS)) throw new Error(`the history has ${count} commits`);
    o.log(`stack repository: ${COMMITS} commits of a ${RESOURCES}-resource SAM template (${(Buffer.byteLength(last) / 1024).toFixed(1)} KiB); built in ${fmtMs(built)} ms, pushed in ${fmtMs(pushed)} ms`);
    o.log(`engine: src/git/engine.ts in Node on node:fs with isomorphic-git/http/node (the browser runs it in a worker on LightningFS/IndexedDB, slower); native: git ${(await gitOk(['--version'], root)).trim().replace(/^git version /, '')}`);

    const newEngine = (dir: string): GitEngine => createGitEngine({ fs: nodeFs as unknown as PromiseFsClient, http, dir, url });

    // Open: a shallow clone and the template, on both sides; one warm-up pair, then `runs` pairs
    const openOurs: number[] = [];
    const openBase: number[] = [];
    for (let i = -1; i < runs; i++) {
      const ours = async () => {
        const dir = await scratch();
        const engine = newEngine(dir);
        let text = '';
        const ms = await timed(async () => {
          value(await engine.open(), 'open');
          text = value(await engine.readFile(TEMPLATE), 'readFile');
        });
        if (text !== last) throw new Error('the engine read a different template');
        await rm(dir, { recursive: true, force: true });
        if (i >= 0) openOurs.push(ms);
      };
      const base = async () => {
        const dir = await scratch();
        const wc = join(dir, 'wc');
        const ms = await timed(() => gitOk(['clone', '--quiet', '--depth', '1', '--single-branch', '--', url, wc], dir));
        if ((await readFile(join(wc, TEMPLATE), 'utf8')) !== last) throw new Error('git clone read a different template');
        await rm(dir, { recursive: true, force: true });
        if (i >= 0) openBase.push(ms);
      };
      if (i % 2) {
        await base();
        await ours();
      } else {
        await ours();
        await base();
      }
    }
    o.log(`open: engine median ${fmtMs(median(openOurs))} ms (${fmtMs(Math.min(...openOurs))}-${fmtMs(Math.max(...openOurs))}), git clone --depth 1 median ${fmtMs(median(openBase))} ms (${fmtMs(Math.min(...openBase))}-${fmtMs(Math.max(...openBase))}), ${runs} interleaved runs`);
    record(o.rows, 'open a stack (shallow clone + read the template) vs git clone --depth 1', openOurs, openBase, 2);

    // Commit + push: each side on its own clone, brought up to date (untimed) before its turn
    const engineDir = await scratch();
    const engine = newEngine(engineDir);
    value(await engine.open(), 'open');
    const nativeDir = join(await scratch(), 'wc');
    await gitOk(['clone', '--quiet', '--depth', '1', '--single-branch', '--', url, nativeDir], root);
    let edit = COMMITS;
    const pushOurs: number[] = [];
    const pushBase: number[] = [];
    for (let i = -1; i < runs; i++) {
      const ours = async () => {
        value(await engine.pull(), 'pull');
        const text = editTemplate(value(await engine.readFile(TEMPLATE), 'readFile'), edit++);
        const ms = await timed(async () => {
          value(await engine.writeFile(TEMPLATE, text), 'writeFile');
          value(await engine.commit({ message: `Edit ${edit}`, author: AUTHOR }), 'commit');
          value(await engine.push(), 'push');
        });
        if (i >= 0) pushOurs.push(ms);
      };
      const base = async () => {
        await gitOk(['pull', '--quiet', '--ff-only', 'origin', 'main'], nativeDir);
        const text = editTemplate(await readFile(join(nativeDir, TEMPLATE), 'utf8'), edit++);
        const ms = await timed(async () => {
          await writeFile(join(nativeDir, TEMPLATE), text);
          await gitOk(['commit', '--quiet', '-am', `Edit ${edit}`], nativeDir);
          await gitOk(['push', '--quiet', 'origin', 'main'], nativeDir);
        });
        if (i >= 0) pushBase.push(ms);
      };
      if (i % 2) {
        await base();
        await ours();
      } else {
        await ours();
        await base();
      }
    }
    const serverCount = (await gitOk(['--git-dir', join(root, 'data', 'repos', `${STACK}.git`), 'rev-list', '--count', 'main'], root)).trim();
    if (serverCount !== String(COMMITS + 2 * (runs + 1))) throw new Error(`the server has ${serverCount} commits on main, expected ${COMMITS + 2 * (runs + 1)}`);
    o.log(`commit + push: engine median ${fmtMs(median(pushOurs))} ms (${fmtMs(Math.min(...pushOurs))}-${fmtMs(Math.max(...pushOurs))}), git commit -am + git push median ${fmtMs(median(pushBase))} ms (${fmtMs(Math.min(...pushBase))}-${fmtMs(Math.max(...pushBase))}), ${runs} interleaved runs`);
    record(o.rows, 'commit + push one edit vs git commit -am + git push', pushOurs, pushBase, 2);

    // Push -> SSE event at a Node client, native pushes (2 warm-up)
    const events = await watchEvents(port, STACK);
    const gaps: number[] = [];
    try {
      await gitOk(['pull', '--quiet', '--ff-only', 'origin', 'main'], nativeDir);
      for (let i = -2; i < pushes; i++) {
        const text = editTemplate(await readFile(join(nativeDir, TEMPLATE), 'utf8'), edit++);
        await writeFile(join(nativeDir, TEMPLATE), text);
        await gitOk(['commit', '--quiet', '-am', `Edit ${edit}`], nativeDir);
        const oid = (await gitOk(['rev-parse', 'HEAD'], nativeDir)).trim();
        const arrived = events.wait(oid);
        await gitOk(['push', '--quiet', 'origin', 'main'], nativeDir);
        const exited = performance.now();
        const e = await arrived;
        // negative: the event arrived before the git client had exited
        if (i >= 0) gaps.push(e.at - exited);
      }
    } finally {
      events.close();
    }
    const p50 = percentile(gaps, 50);
    const p95 = percentile(gaps, 95);
    o.log(`push -> SSE event: ${pushes} pushes, p50 ${fmtMs(p50)} ms, p95 ${fmtMs(p95)} ms, min ${fmtMs(Math.min(...gaps))} ms, max ${fmtMs(Math.max(...gaps))} ms (negative: before git push exited)`);
    o.rows.push({
      what: 'push -> SSE ref event at a Node client (git push exit to event: ref), p50 / p95',
      input: `${pushes} pushes`,
      ours: `${fmtMs(p50)} / ${fmtMs(p95)} ms`,
      base: '-',
      ratio: null,
      target: 'p95 <= 250 ms',
      ok: p95 <= 250,
    });
  } finally {
    if (running) await running.close();
    await rm(root, { recursive: true, force: true });
  }
}

function record(rows: Row[], what: string, ours: readonly number[], base: readonly number[], target: number): void {
  const a = median(ours);
  const b = median(base);
  rows.push({
    what,
    input: `${COMMITS} commits, ${RESOURCES}-resource SAM template`,
    ours: `${fmtMs(a)} ms`,
    base: `${fmtMs(b)} ms`,
    ratio: a / b,
    target: `<= ${target}x`,
    ok: a / b <= target,
  });
}
