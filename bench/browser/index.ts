/**
 * The browser part of `npm run bench` (issue 3), against a bare React Flow page measured in
 * the same run: production builds (time, initial JS), load to interactive, one inspector edit
 * until the YAML panel and the canvas show it, and drag frame times. Method and figures:
 * docs/benchmarks.md, "Editor in the browser". The browser and the server are always closed,
 * and the scratch build removed, whatever happens; the whole part has a deadline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { Row } from '../report.ts';
import { fmtMs, median, percentile } from '../stats.ts';
import { buildApp, buildBaseline } from './build.ts';
import type { BenchFlow } from './flow.ts';
import { interleave, middleNode, timeDrag, timeEdit } from './measure.ts';
import { chromiumPath, launch, openBaseline, openCairn } from './pages.ts';
import type { LoadResult, Opened } from './pages.ts';
import { serve } from './serve.ts';
import { pushToBannerRow } from './banner.ts';
import { makeStack } from './stack.ts';
import type { Stack } from './stack.ts';

export interface BrowserBenchOptions {
  readonly quick: boolean;
  readonly log: (line: string) => void;
  /** Filled as figures come in, so that a failure or the deadline keeps what was measured. */
  readonly rows: Row[];
}

/** Targets of issue 3. */
export const TARGETS = {
  loadRatio: 1.2,
  editP95Ms: 16,
  dragP95Ms: { 500: 20, 1000: 34 } as Record<number, number>,
  initialJsGzip: 250 * 1024,
  buildMs: 30_000,
};

/** A bound on the whole part (about 3 minutes on a quiet machine; a busy one takes longer). */
const DEADLINE_MS = Number(process.env.CAIRN_BENCH_DEADLINE_MIN ?? 9) * 60_000;
const BUILD_TIMEOUT_MS = 4 * 60_000;

export async function runBrowserBench(opts: BrowserBenchOptions): Promise<void> {
  chromiumPath(); // before minutes of building
  const scratch = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the browser benchmarks took longer than ${DEADLINE_MS / 60_000} minutes; stopped`)), DEADLINE_MS);
  });
  try {
    await Promise.race([
      deadline,
      (async () => {
        const { rows } = opts;
        const dist = join(scratch, 'app');
        opts.log('building the app (webpack --mode production, no cache)...');
        const app = await buildApp(dist, BUILD_TIMEOUT_MS);
        opts.log('building the bare React Flow baseline...');
        const base = await buildBaseline(join(dist, 'baseline'));
        rows.push(buildRow(app.ms, base.ms));
        rows.push(jsRow(app.initialJsGzip, base.initialJsGzip));

        opts.log('laying out the stacks (ELK, in Node)...');
        const s500 = await makeStack(500);
        const s1000 = await makeStack(1000);
        server = await serve(dist);
        browser = await launch();
        opts.log(`serving on ${server.origin}; Chromium ${browser.version()}`);
        const ctx: Ctx = { browser, origin: server.origin, quick: opts.quick, log: opts.log };

        const canvas = await canvasSize(ctx, s500);
        rows.push(...(await loadRows(ctx, s500, canvas)));
        rows.push(...(await editRows(ctx, s500, canvas)));
        rows.push(await dragRow(ctx, s500, canvas));
        rows.push(await dragRow(ctx, s1000, canvas));
        // issue 5: a terminal push until the open editor shows it
        rows.push((await pushToBannerRow({ browser, origin: server.origin, stacks: server.stacks, quick: opts.quick, log: opts.log })).row);
      })(),
    ]);
  } finally {
    clearTimeout(timer);
    await (browser as Browser | null)?.close().catch(() => undefined);
    await (server as { close(): Promise<void> } | null)?.close().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface Ctx {
  readonly browser: Browser;
  readonly origin: string;
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (v: number) => `${fmtMs(v)} ms`;
const nodesOf = (stack: Stack) => `${stack.resources} resources (${stack.flow.nodes.length} nodes, ${stack.flow.edges.length} edges)`;

function buildRow(ours: number, base: number): Row {
  return { what: 'production build, cold (webpack --mode production --no-cache)', input: 'app vs bare React Flow app', ours: s(ours), base: s(base), ratio: ours / base, target: `<= ${TARGETS.buildMs / 1000} s`, ok: ours <= TARGETS.buildMs };
}

function jsRow(ours: number, base: number): Row {
  return { what: 'initial JS, gzip (scripts the page loads)', input: 'app vs bare React Flow app', ours: kib(ours), base: kib(base), ratio: ours / base, target: `<= ${TARGETS.initialJsGzip / 1024} KiB`, ok: ours <= TARGETS.initialJsGzip };
}

function flowFor(stack: Stack, canvas: BenchFlow['canvas']): BenchFlow {
  return { ...stack.flow, canvas, editNode: editTarget(stack) };
}

/** The function in the middle of the template: the edit benchmarks' target on both sides. */
function editTarget(stack: Stack): string {
  return stack.functions[stack.functions.length >> 1]!;
}

async function closeAll(...pages: Array<Opened | null>): Promise<void> {
  for (const p of pages) await p?.context.close().catch(() => undefined);
}

/** Cairn's canvas in this viewport: the baseline draws on one of the same size. A warm-up load, too. */
async function canvasSize(ctx: Ctx, stack: Stack): Promise<BenchFlow['canvas']> {
  const c = await openCairn(ctx.browser, ctx.origin, stack);
  try {
    await c.loaded();
    const box = await c.page.locator('.react-flow').boundingBox();
    if (!box) throw new Error('Cairn drew no canvas');
    return { width: Math.round(box.width), height: Math.round(box.height) };
  } finally {
    await closeAll(c);
  }
}

async function loadRows(ctx: Ctx, stack: Stack, canvas: BenchFlow['canvas']): Promise<Row[]> {
  const runs = ctx.quick ? 3 : 7;
  ctx.log(`load: ${runs} runs a side, interleaved, each in a fresh context...`);
  const flow = flowFor(stack, canvas);
  const ours: LoadResult[] = [];
  const base: LoadResult[] = [];
  const once = async (side: 'cairn' | 'base', into: LoadResult[] | null) => {
    const o = side === 'cairn' ? await openCairn(ctx.browser, ctx.origin, stack) : await openBaseline(ctx.browser, ctx.origin, flow);
    try {
      const r = await o.loaded();
      into?.push(r);
    } finally {
      await closeAll(o);
    }
  };
  await once('base', null); // warm-up: the server's and the OS's file caches
  await interleave(runs, () => once('cairn', ours), () => once('base', base));
  const oi = median(ours.map((r) => r.interactiveAt));
  const bi = median(base.map((r) => r.interactiveAt));
  const or = median(ours.map((r) => r.readyAt));
  const br = median(base.map((r) => r.readyAt));
  const input = nodesOf(stack);
  return [
    { what: 'load to interactive vs bare React Flow (median)', input, ours: ms(oi), base: ms(bi), ratio: oi / bi, target: `<= ${TARGETS.loadRatio}x`, ok: oi / bi <= TARGETS.loadRatio },
    { what: 'load to nodes drawn (median; part of the above)', input, ours: ms(or), base: ms(br), ratio: or / br, target: null, ok: null },
    {
      what: 'long tasks before interactive (median total)',
      input,
      ours: ms(median(ours.map((r) => r.longTaskMs))),
      base: ms(median(base.map((r) => r.longTaskMs))),
      ratio: null,
      target: null,
      ok: null,
    },
  ];
}

async function editRows(ctx: Ctx, stack: Stack, canvas: BenchFlow['canvas']): Promise<Row[]> {
  const samples = ctx.quick ? 15 : 40;
  const warm = 3;
  const renames = ctx.quick ? 5 : 12;
  ctx.log(`edit: ${samples} samples a side (+${warm} warm-up), then ${renames} renames...`);
  const id = editTarget(stack);
  let c: Opened | null = null;
  let b: Opened | null = null;
  try {
    c = await openCairn(ctx.browser, ctx.origin, stack);
    b = await openBaseline(ctx.browser, ctx.origin, flowFor(stack, canvas));
    await Promise.all([c.loaded(), b.loaded()]);
    const cp = c.page;
    // select the node as a user would: Ctrl+K, its name, Enter
    await cp.keyboard.press('Control+k');
    await cp.getByRole('combobox', { name: 'Node name' }).fill(id);
    await cp.keyboard.press('Enter');
    await cp.locator('#inspector-MemorySize').waitFor({ state: 'visible' });
    await cp.waitForTimeout(500);
    const ours: number[] = [];
    const base: number[] = [];
    await interleave(
      samples + warm,
      async (i) => {
        const v = String(1024 + i);
        const t = await timeEdit(cp, '#inspector-MemorySize', v, { yamlHas: `MemorySize: ${v}\n` });
        if (i >= warm) ours.push(t);
      },
      async (i) => {
        const v = `Label ${i}`;
        const t = await timeEdit(b!.page, '[data-testid="baseline.input"]', v, { nodeText: [id, v] });
        if (i >= warm) base.push(t);
      },
    );
    const renamed: number[] = [];
    for (let i = 0; i < renames; i++) {
      const to = `Renamed${i}`;
      renamed.push(await timeEdit(cp, '#inspector-name', to, { yamlHas: `\n  ${to}:\n`, nodeDrawn: to }));
    }
    const input = nodesOf(stack);
    const p95 = percentile(ours, 95);
    return [
      {
        what: 'inspector edit (MemorySize) until the YAML panel shows it, p50 / p95',
        input,
        ours: `${fmtMs(percentile(ours, 50))} / ${ms(p95)}`,
        base: `${fmtMs(percentile(base, 50))} / ${ms(percentile(base, 95))}`,
        ratio: p95 / percentile(base, 95),
        target: `p95 <= ${TARGETS.editP95Ms} ms`,
        ok: p95 <= TARGETS.editP95Ms,
      },
      {
        what: 'inspector rename until the YAML panel and the node show it, p50 / p95',
        input,
        ours: `${fmtMs(percentile(renamed, 50))} / ${ms(percentile(renamed, 95))}`,
        base: `${fmtMs(percentile(base, 50))} / ${ms(percentile(base, 95))}`,
        ratio: percentile(renamed, 95) / percentile(base, 95),
        target: null,
        ok: null,
      },
    ];
  } finally {
    await closeAll(c, b);
  }
}

async function dragRow(ctx: Ctx, stack: Stack, canvas: BenchFlow['canvas']): Promise<Row> {
  const drags = ctx.quick ? 2 : 4;
  ctx.log(`drag at ${stack.resources} resources: ${drags} drags a side (+1 warm-up), interleaved...`);
  let c: Opened | null = null;
  let b: Opened | null = null;
  try {
    c = await openCairn(ctx.browser, ctx.origin, stack);
    b = await openBaseline(ctx.browser, ctx.origin, flowFor(stack, canvas));
    await Promise.all([c.loaded(), b.loaded()]);
    const id = await middleNode(c.page);
    // one drag a side first, not counted: the first drag after a load runs cold code
    await timeDrag(c.page, id, 1);
    await timeDrag(b.page, id, 1);
    const ours: number[] = [];
    const base: number[] = [];
    await interleave(
      drags,
      async (i) => void ours.push(...(await timeDrag(c!.page, id, i % 2 ? 1 : -1))),
      async (i) => void base.push(...(await timeDrag(b!.page, id, i % 2 ? 1 : -1))),
    );
    const target = TARGETS.dragP95Ms[stack.resources]!;
    const p95 = percentile(ours, 95);
    return {
      what: 'drag frame time (rAF to rAF while dragging one node), p50 / p95',
      input: nodesOf(stack),
      ours: `${fmtMs(percentile(ours, 50))} / ${ms(p95)}`,
      base: `${fmtMs(percentile(base, 50))} / ${ms(percentile(base, 95))}`,
      ratio: p95 / percentile(base, 95),
      target: `p95 <= ${target} ms`,
      ok: p95 <= target,
    };
  } finally {
    await closeAll(c, b);
  }
}
