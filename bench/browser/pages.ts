/**
 * Browser and pages for the benchmarks: Debian's Chromium (never a Playwright download), one
 * fresh context (empty cache and storage) per page, the probe injected before any page script.
 * Cairn opens its stack the way a reload does: the work in progress is written to IndexedDB
 * from a first, throwaway page of the same origin, then the app is loaded and restores it
 * (template and positions). The baseline gets the same nodes as `window.__CAIRN_BENCH_FLOW__`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { IDB_NAME, IDB_STORE } from '../../src/store/persistence/kv.ts';
import { WORK_KEY } from '../../src/store/persistence/workInProgress.ts';
import type { SavedWork } from '../../src/store/persistence/workInProgress.ts';
import type { BenchFlow } from './flow.ts';
import type { Stack } from './stack.ts';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));
export const VIEWPORT = { width: 1280, height: 800 };
export const CAIRN_PATH = '/';
export const BASELINE_PATH = '/baseline/index.html';
/** A small same-origin file: the page the IndexedDB seed is written from. */
const SEED_PATH = '/favicon.svg';

/** Debian's Chromium (or CHROMIUM_PATH); throws a one-line fix when it is not there. */
export function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH); the browser benchmarks never download one`);
  }
  return executablePath;
}

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({
    executablePath,
    timeout: 30_000,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // two pages are open at once (interleaved runs): neither may be throttled as "in the background"
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

export interface LoadConfig {
  readonly path: string;
  readonly nodes: number;
  readonly edges: number;
  readonly yaml: boolean;
  readonly quietMs: number;
  readonly timeoutMs: number;
}

export interface LoadResult {
  readonly readyAt: number;
  readonly interactiveAt: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
}

export interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Waits for the probe's load figures (see probe.js). */
  loaded(): Promise<LoadResult>;
}

const QUIET_MS = 500;
const LOAD_TIMEOUT_MS = 60_000;

async function open(browser: Browser, origin: string, cfg: LoadConfig, init: readonly string[] = []): Promise<Opened> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(30_000);
  // init scripts run in the order added, before any page script, on every page of the context
  await context.addInitScript(`window.__CAIRN_BENCH_LOAD__ = ${JSON.stringify(cfg)};`);
  for (const script of init) await context.addInitScript(script);
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  await page.goto(origin + SEED_PATH);
  return {
    context,
    page,
    async loaded() {
      const handle = await page.waitForFunction(() => (window as { __cairnBenchLoad?: unknown }).__cairnBenchLoad, null, { timeout: LOAD_TIMEOUT_MS + 10_000, polling: 250 });
      const r = (await handle.jsonValue()) as LoadResult & { error?: string };
      if (r.error) throw new Error(`${cfg.path}: the page never became ready: ${JSON.stringify(r)}`);
      return r;
    },
  };
}

/** Opens Cairn on `stack` (restored from IndexedDB with its positions) and starts loading it. */
export async function openCairn(browser: Browser, origin: string, stack: Stack): Promise<Opened> {
  const cfg: LoadConfig = { path: CAIRN_PATH, nodes: stack.flow.nodes.length, edges: stack.flow.edges.length, yaml: true, quietMs: QUIET_MS, timeoutMs: LOAD_TIMEOUT_MS };
  const o = await open(browser, origin, cfg);
  const work: SavedWork = { version: 1, name: 'template.yaml', text: stack.text, savedAt: new Date().toISOString(), layout: stack.positions };
  await o.page.evaluate(
    ([db, store, key, value]) =>
      new Promise<void>((resolve, reject) => {
        // the YAML panel open, as a user who has shown it (at this viewport the editor would
        // otherwise start without it): the load is measured with CodeMirror mounted
        localStorage.setItem('cairn.yamlPanel', '1');
        const r = indexedDB.open(db, 1);
        r.onupgradeneeded = () => r.result.createObjectStore(store);
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const tx = r.result.transaction(store, 'readwrite');
          tx.objectStore(store).put(value, key);
          tx.oncomplete = () => (r.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [IDB_NAME, IDB_STORE, WORK_KEY, work] as const,
  );
  await o.page.goto(origin + CAIRN_PATH, { waitUntil: 'commit' });
  return o;
}

/** Opens the bare React Flow page on the same nodes and edges and starts loading it. */
export async function openBaseline(browser: Browser, origin: string, flow: BenchFlow): Promise<Opened> {
  const cfg: LoadConfig = { path: BASELINE_PATH, nodes: flow.nodes.length, edges: flow.edges.length, yaml: false, quietMs: QUIET_MS, timeoutMs: LOAD_TIMEOUT_MS };
  const o = await open(browser, origin, cfg, [`window.__CAIRN_BENCH_FLOW__ = ${JSON.stringify(flow)};`]);
  await o.page.goto(origin + BASELINE_PATH, { waitUntil: 'commit' });
  return o;
}
