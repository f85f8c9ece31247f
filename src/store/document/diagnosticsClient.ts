import type { Diagnostic } from '../../model/diagnostics/types.ts';
import type { Template } from '../../model/template.ts';
import type { DiagnosticsRequest, DiagnosticsResponse } from './diagnosticsProtocol.ts';

/** The part of a Worker the client uses (a fake one in tests). */
export interface DiagnosticsWorker {
  postMessage(message: DiagnosticsRequest): void;
  onmessage: ((ev: { data: DiagnosticsResponse }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  terminate(): void;
}

export interface DiagnosticsClientOptions {
  /** Makes the worker; undefined (or a throw) when workers are unavailable: the rules then run in this thread. */
  readonly createWorker?: () => DiagnosticsWorker | undefined;
  /** The rules in this thread (a lazy chunk), for when there is no worker. */
  readonly inThread?: () => Promise<(req: Omit<DiagnosticsRequest, 'id'>) => readonly Diagnostic[]>;
}

export interface DiagnosticsClient {
  /**
   * The diagnostics of `t`. Checks run one at a time: a check asked for while another runs
   * waits, and is replaced by any later one (it then resolves null: superseded).
   */
  check(t: Template): Promise<readonly Diagnostic[] | null>;
  dispose(): void;
}

function defaultWorker(): DiagnosticsWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // webpack 5 recognises this exact shape and emits the worker as its own chunk.
  return new Worker(/* webpackChunkName: "diagnostics" */ new URL('./diagnostics.worker.ts', import.meta.url), { type: 'module' }) as unknown as DiagnosticsWorker;
}

const defaultInThread = () => import('./diagnosticsProtocol.ts').then((m) => m.diagnosticsFor);

type Job = { readonly req: Omit<DiagnosticsRequest, 'id'>; readonly resolve: (d: readonly Diagnostic[] | null) => void };

export function createDiagnosticsClient(opts: DiagnosticsClientOptions = {}): DiagnosticsClient {
  const createWorker = opts.createWorker ?? defaultWorker;
  const inThread = opts.inThread ?? defaultInThread;
  let worker: DiagnosticsWorker | undefined;
  let noWorker = false;
  let nextId = 1;
  let running = false;
  let pending: Job | null = null;

  const getWorker = (): DiagnosticsWorker | undefined => {
    if (worker || noWorker) return worker;
    try {
      worker = createWorker();
    } catch {
      worker = undefined;
    }
    if (!worker) noWorker = true;
    return worker;
  };

  const runInThread = async (req: Job['req']): Promise<readonly Diagnostic[]> => (await inThread())(req);

  const runInWorker = (w: DiagnosticsWorker, req: Job['req']): Promise<readonly Diagnostic[]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      w.onmessage = (ev) => {
        if (ev.data.id !== id) return;
        if ('diagnostics' in ev.data) resolve(ev.data.diagnostics);
        else reject(new Error(ev.data.error.message));
      };
      w.onerror = () => reject(new Error('the diagnostics worker failed'));
      w.postMessage({ id, ...req });
    });

  const pump = (): void => {
    if (running || !pending) return;
    const job = pending;
    pending = null;
    running = true;
    const w = getWorker();
    const done = (list: readonly Diagnostic[]) => {
      running = false;
      job.resolve(list);
      pump();
    };
    (w ? runInWorker(w, job.req) : runInThread(job.req))
      .catch(() => {
        // a worker that failed is not asked again: this and later checks run in this thread
        worker?.terminate();
        worker = undefined;
        noWorker = true;
        return runInThread(job.req);
      })
      .then(done, (e: unknown) =>
        done([{ code: 'DIAGNOSTICS_FAILED', severity: 'warning', message: `The rules could not run on this template: ${e instanceof Error ? e.message : String(e)}`, path: [], range: null }]),
      );
  };

  return {
    check(t) {
      return new Promise((resolve) => {
        pending?.resolve(null);
        pending = { req: { text: t.text, format: t.format, ...(t.variables ? { variables: t.variables } : {}) }, resolve };
        pump();
      });
    },
    dispose() {
      pending?.resolve(null);
      pending = null;
      worker?.terminate();
      worker = undefined;
    },
  };
}
