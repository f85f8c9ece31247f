import type { Graph } from '../model/graph/types.ts';
import { gridLayout } from './gridLayout.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';
import { LayoutError, type LayoutOptions, type Positions, type Size } from './types.ts';

/**
 * Automatic layout, main-thread side. ELK runs in a Web Worker (`elk.worker.ts`) created on
 * the first call, so neither ELK's code (a separate, lazily fetched chunk) nor its run time
 * touch the main thread. Requests are serialised (one layout at a time, in call order) and
 * time out after 10 s (`LAYOUT_TIMEOUT`; the stuck worker is terminated and a fresh one made
 * next time). Whenever ELK cannot answer (no Worker support, the worker fails to load, ELK
 * throws, timeout) `layoutGraph` falls back to `gridLayout`, so the canvas always has positions.
 */

export const LAYOUT_TIMEOUT_MS = 10_000;

/** What `layoutGraph` needs of a worker (a real `Worker`, or a fake in tests). */
export interface LayoutWorker {
  postMessage(message: LayoutRequest): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<LayoutResponse>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

export interface LayoutResult {
  readonly positions: Positions;
  /** `elk` when the worker answered, `grid` when the fallback was used. */
  readonly engine: 'elk' | 'grid';
  /** Why the fallback was used. */
  readonly error?: LayoutError;
}

export interface LayoutClientOptions {
  /** Makes the worker; returns undefined (or throws) when workers are unavailable. */
  readonly createWorker?: () => LayoutWorker | undefined;
  readonly timeoutMs?: number;
}

function defaultWorker(): LayoutWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // webpack 5 recognises this exact shape and emits the worker as its own chunk.
  return new Worker(/* webpackChunkName: "elk-layout" */ new URL('./elk.worker.ts', import.meta.url), { type: 'module' }) as LayoutWorker;
}

export interface LayoutClient {
  /** ELK in the worker; rejects with a `LayoutError` (LAYOUT_TIMEOUT, LAYOUT_FAILED, LAYOUT_UNAVAILABLE). */
  layoutWithElk(graph: Graph, sizes?: Readonly<Record<string, Size>>, options?: LayoutOptions): Promise<Positions>;
  /** ELK, or the grid fallback; never rejects. */
  layout(graph: Graph, sizes?: Readonly<Record<string, Size>>, options?: LayoutOptions): Promise<LayoutResult>;
  /** Ends the worker (if any); the next request starts a new one. */
  dispose(): void;
}

export function createLayoutClient(opts: LayoutClientOptions = {}): LayoutClient {
  const createWorker = opts.createWorker ?? defaultWorker;
  const timeoutMs = opts.timeoutMs ?? LAYOUT_TIMEOUT_MS;
  let worker: LayoutWorker | undefined;
  let unavailable = false;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const kill = () => {
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    worker = undefined;
  };

  const getWorker = (): LayoutWorker => {
    if (worker) return worker;
    if (unavailable) throw new LayoutError('LAYOUT_UNAVAILABLE', 'Web Workers are not available here.');
    let w: LayoutWorker | undefined;
    try {
      w = createWorker();
    } catch (e) {
      w = undefined;
      unavailable = true;
      throw new LayoutError('LAYOUT_UNAVAILABLE', `The layout worker could not start: ${(e as Error)?.message ?? String(e)}`);
    }
    if (!w) {
      unavailable = true;
      throw new LayoutError('LAYOUT_UNAVAILABLE', 'Web Workers are not available here.');
    }
    worker = w;
    return w;
  };

  const runOne = (request: Omit<LayoutRequest, 'id'>): Promise<Positions> =>
    new Promise<Positions>((resolve, reject) => {
      const w = getWorker();
      const id = nextId++;
      const timer = setTimeout(() => {
        kill();
        reject(new LayoutError('LAYOUT_TIMEOUT', `Automatic layout took longer than ${timeoutMs / 1000} s.`));
      }, timeoutMs);
      w.onmessage = (ev) => {
        const data = ev.data;
        if (!data || data.id !== id) return;
        clearTimeout(timer);
        if ('error' in data) reject(new LayoutError(data.error.code, data.error.message));
        else resolve(data.positions);
      };
      w.onerror = (ev) => {
        clearTimeout(timer);
        ev.preventDefault?.();
        kill();
        reject(new LayoutError('LAYOUT_FAILED', `The layout worker failed: ${ev.message || 'could not load'}`));
      };
      try {
        w.postMessage({ id, ...request });
      } catch (e) {
        clearTimeout(timer);
        reject(new LayoutError('LAYOUT_FAILED', `The graph could not be sent to the layout worker: ${(e as Error)?.message ?? String(e)}`));
      }
    });

  const layoutWithElk: LayoutClient['layoutWithElk'] = (graph, sizes, options) => {
    const request: Omit<LayoutRequest, 'id'> = { graph, ...(sizes ? { sizes } : {}), ...(options ? { options } : {}) };
    const result = queue.then(() => runOne(request));
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    layoutWithElk,
    async layout(graph, sizes, options) {
      try {
        return { positions: await layoutWithElk(graph, sizes, options), engine: 'elk' };
      } catch (e) {
        const error = e instanceof LayoutError ? e : new LayoutError('LAYOUT_FAILED', String(e));
        return { positions: gridLayout(graph, sizes, options), engine: 'grid', error };
      }
    },
    dispose: kill,
  };
}

let shared: LayoutClient | undefined;

/** Lays the graph out (ELK in a worker, else the grid fallback). Never rejects. */
export async function layoutGraph(graph: Graph, sizes?: Readonly<Record<string, Size>>, options?: LayoutOptions): Promise<Positions> {
  return (await layoutGraphDetailed(graph, sizes, options)).positions;
}

/** As `layoutGraph`, also telling which engine answered and why ELK did not. */
export function layoutGraphDetailed(graph: Graph, sizes?: Readonly<Record<string, Size>>, options?: LayoutOptions): Promise<LayoutResult> {
  shared ??= createLayoutClient();
  return shared.layout(graph, sizes, options);
}
