/**
 * Push -> banner (issue 5): a `git push` from a terminal clone, and the editor showing
 * `git.remote-changed` for that commit in another "window" (a Chromium page on the stack).
 * The figure is from the push process's exit (the moment a terminal shows the push done) to
 * the banner's insertion into the page's DOM (a MutationObserver, timestamped with the epoch
 * clock both sides share). After each sample the page clicks Refresh, so the next push finds
 * it in step with the server, as a person would.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { StackService } from '../../server/stacks/service.ts';
import type { Row } from '../report.ts';
import { fmtMs, median, percentile } from '../stats.ts';
import { VIEWPORT } from './pages.ts';

export const BANNER_TARGET_P95_MS = 250;

const AUTHOR = {
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

/** git with an argument array; resolves with stdout and the epoch time the process exited. */
function gitRun(args: readonly string[], cwd: string): Promise<{ stdout: string; exitedAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, ...AUTHOR, GIT_TERMINAL_PROMPT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const exitedAt = performance.timeOrigin + performance.now();
      if (code === 0) resolve({ stdout, exitedAt });
      else reject(new Error(`git ${args.join(' ')} failed (${code}): ${stderr.trim()}`));
    });
  });
}

export interface BannerBenchContext {
  readonly browser: Browser;
  readonly origin: string;
  readonly stacks: StackService;
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

/** Measures push -> banner over N pushes; returns the report row (and the samples, in ms). */
export async function pushToBannerRow(ctx: BannerBenchContext): Promise<{ row: Row; samples: number[] }> {
  const pushes = ctx.quick ? 12 : 40;
  const name = `bench-banner-${Date.now().toString(36)}`;
  const created = await ctx.stacks.create({ name, starter: 'orders-api.yaml' });
  if (!created.ok) throw new Error(`could not create the bench stack: ${created.problem.message}`);
  const clone = mkdtempSync(join(tmpdir(), 'cairn-bench-clone-'));
  const context = await ctx.browser.newContext({ viewport: VIEWPORT });
  try {
    await gitRun(['clone', '--quiet', '--', `${ctx.origin}/git/${name}.git`, clone], tmpdir());
    const page = await context.newPage();
    await page.goto(`${ctx.origin}/?stack=${name}`);
    await page.locator('.editor[data-laid-out="true"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="git.live"][data-state="live"]').waitFor({ timeout: 30_000 });
    // the moment each banner enters the DOM, by the oid it names
    // (a string: tsx would wrap a function's inner names in a helper the page does not have)
    await page.evaluate(`(() => {
      const seen = {};
      window.__bannerAt = seen;
      const note = () => {
        const b = document.querySelector('[data-testid="git.remote-changed"]');
        const oid = b && b.getAttribute('data-oid');
        if (oid && !(oid in seen)) seen[oid] = performance.timeOrigin + performance.now();
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-oid'] });
    })()`);
    ctx.log(`push -> banner: ${pushes} pushes from a terminal clone, the editor open on the stack...`);
    const samples: number[] = [];
    for (let i = 0; i < pushes; i++) {
      appendFileSync(join(clone, 'template.yaml'), `# bench push ${i}\n`);
      await gitRun(['commit', '--quiet', '-am', `Bench push ${i}`], clone);
      const oid = (await gitRun(['rev-parse', 'HEAD'], clone)).stdout.trim();
      const { exitedAt } = await gitRun(['push', '--quiet', 'origin', 'main'], clone);
      const banner = page.locator(`[data-testid="git.remote-changed"][data-oid="${oid}"]`);
      await banner.waitFor({ timeout: 10_000 });
      const shownAt: unknown = await page.evaluate(`window.__bannerAt[${JSON.stringify(oid)}]`);
      if (typeof shownAt !== 'number') throw new Error(`no timestamp for the banner of ${oid}`);
      samples.push(shownAt - exitedAt);
      await banner.getByTestId('git.remote-changed.refresh').click();
      await banner.waitFor({ state: 'detached', timeout: 10_000 });
    }
    const p95 = percentile(samples, 95);
    const row: Row = {
      what: `push -> banner in the editor (terminal git push exit to git.remote-changed in the DOM), p95 <= ${BANNER_TARGET_P95_MS} ms`,
      input: `${pushes} pushes, localhost`,
      ours: `p50 ${fmtMs(median(samples))} ms, p95 ${fmtMs(p95)} ms, max ${fmtMs(Math.max(...samples))} ms`,
      base: '-',
      ratio: null,
      target: `p95 <= ${BANNER_TARGET_P95_MS} ms`,
      ok: p95 <= BANNER_TARGET_P95_MS,
    };
    return { row, samples };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(clone, { recursive: true, force: true });
    await ctx.stacks.remove(name).catch(() => undefined);
  }
}

/**
 * `npm run bench -- --git` runs this part alone: the production build in `dist/` (what
 * `npm start` serves; built first when missing), Cairn's server in this process, Chromium.
 */
export async function runBannerBench(opts: { quick: boolean; log: (line: string) => void; rows: Row[]; distDir: string }): Promise<void> {
  const { launch } = await import('./pages.ts');
  const { serve } = await import('./serve.ts');
  const server = await serve(opts.distDir);
  const browser = await launch();
  try {
    opts.rows.push((await pushToBannerRow({ browser, origin: server.origin, stacks: server.stacks, quick: opts.quick, log: opts.log })).row);
  } finally {
    await browser.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}
