import type { GitEngine } from './engine.ts';
import { fail, type GitResult } from './errors.ts';
import { GIT_METHODS, type GitRequest, type GitResponse, type GitWorkerInit } from './protocol.ts';

/**
 * The main thread's handle on the git worker: the engine's methods, each a message to
 * `git.worker.ts` answered with a `GitResult`. Nothing here imports isomorphic-git, and the
 * app should `import()` this module when it first needs git, so none of git is in the first
 * download. If the worker cannot start or dies, every pending and later call answers
 * `GIT_UNAVAILABLE` (the edits already written are in the tab's IndexedDB filesystem).
 */

/** What the client needs of a worker (a real `Worker`, or a fake in tests). */
export interface GitWorkerLike {
  postMessage(message: GitRequest): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<GitResponse>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

export interface GitClientOptions {
  /** The stack's name: the repository is `/git/<stack>.git` on `origin`. */
  readonly stack: string;
  /** This tab's id (see `tabId()`); the filesystem is `cairn-<stack>-<tabId>`. */
  readonly tabId: string;
  /** Defaults to `location.origin`. */
  readonly origin?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly createWorker?: () => GitWorkerLike | undefined;
}

export type GitClient = GitEngine & {
  /** Ends the worker; later calls answer GIT_UNAVAILABLE. */
  dispose(): void;
};

function defaultWorker(): GitWorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // webpack 5 recognises this exact shape and emits the worker as its own chunk.
  return new Worker(new URL('./git.worker.ts', import.meta.url), { type: 'module' }) as GitWorkerLike;
}

const TAB_ID_KEY = 'cairn.tabId';

/**
 * An id for this tab that survives a reload (sessionStorage), so a reload reopens the same
 * filesystem and finds its uncommitted edits; a new tab gets a new id and its own clone.
 */
export function tabId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.sessionStorage): string {
  const existing = storage?.getItem(TAB_ID_KEY);
  if (existing) return existing;
  const id = globalThis.crypto.randomUUID().slice(0, 8);
  storage?.setItem(TAB_ID_KEY, id);
  return id;
}

export const fsNameFor = (stack: string, tab: string): string => `cairn-${stack}-${tab}`;

/** What `claimTabId` needs of the Web Locks API (`navigator.locks`). */
export interface TabLocks {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<unknown> | unknown): Promise<unknown>;
}

/**
 * This tab's id, held for as long as the page lives (a Web Lock). A duplicated tab copies
 * `sessionStorage` and so the id: it finds the lock taken and takes a new id (its own clone),
 * so two live tabs never share one filesystem. A reload finds the lock free again.
 */
export async function claimTabId(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.sessionStorage,
  locks: TabLocks | undefined = (globalThis.navigator as { locks?: TabLocks } | undefined)?.locks,
): Promise<string> {
  let id = tabId(storage);
  if (!locks) return id;
  for (let attempt = 0; attempt < 5; attempt++) {
    const held = await new Promise<boolean>((resolve) => {
      void locks.request(`cairn-tab-${id}`, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        // held until the page goes
        return lock === null ? undefined : new Promise(() => {});
      });
    });
    if (held) return id;
    id = globalThis.crypto.randomUUID().slice(0, 8);
    storage?.setItem(TAB_ID_KEY, id);
  }
  return id;
}

export function createGitClient(opts: GitClientOptions): GitClient {
  const origin = opts.origin ?? globalThis.location?.origin ?? 'http://localhost';
  const init: GitWorkerInit = {
    fsName: fsNameFor(opts.stack, opts.tabId),
    url: new URL(`/git/${encodeURIComponent(opts.stack)}.git`, origin).href,
    ...(opts.headers ? { headers: opts.headers } : {}),
  };
  const pending = new Map<number, (result: GitResult<unknown>) => void>();
  let nextId = 1;
  let down: string | undefined;
  let worker: GitWorkerLike | undefined;

  const failAll = (why: string) => {
    down = why;
    for (const answer of pending.values()) answer(fail('GIT_UNAVAILABLE', why));
    pending.clear();
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      worker = undefined;
    }
  };

  const send = (request: GitRequest) => {
    try {
      worker?.postMessage(request);
    } catch (e) {
      pending.get(request.id)?.(fail('GIT_FAILED', `The request could not be sent to the git worker: ${(e as Error)?.message ?? String(e)}`));
      pending.delete(request.id);
    }
  };

  const call = (method: GitRequest['method'], args: readonly unknown[]): Promise<GitResult<unknown>> =>
    new Promise((resolve) => {
      if (down) return resolve(fail('GIT_UNAVAILABLE', down));
      const id = nextId++;
      pending.set(id, resolve);
      send({ id, method, args } as GitRequest);
    });

  try {
    worker = (opts.createWorker ?? defaultWorker)();
    if (!worker) down = 'Web Workers are not available here.';
  } catch (e) {
    down = `The git worker could not start: ${(e as Error)?.message ?? String(e)}`;
  }
  if (worker) {
    worker.onmessage = (ev) => {
      const answer = pending.get(ev.data?.id);
      if (!answer) return;
      pending.delete(ev.data.id);
      answer(ev.data.result);
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      failAll(`The git worker failed: ${ev.message || 'it could not load'}`);
    };
    // Requests are handled in order, so every call below waits for init.
    void call('init', [init]).then((r) => {
      if (!r.ok) failAll(r.message);
    });
  }

  const client = { dispose: () => failAll('The git client was closed.') } as Record<string, unknown>;
  for (const method of GIT_METHODS) client[method] = (...args: unknown[]) => call(method, args);
  return client as unknown as GitClient;
}
