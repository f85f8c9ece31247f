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

/** What `claimWorkingCopy` needs of the Web Locks API (`navigator.locks`). */
export interface TabLocks {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<unknown> | unknown): Promise<unknown>;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** How many working copies of one stack this browser remembers (older ones are reused first). */
const REMEMBERED = 8;
const recentKey = (stack: string) => `cairn.workingCopies.${stack}`;
const sessionKey = (stack: string) => `cairn.workingCopy.${stack}`;

function recent(local: Store | undefined, stack: string): string[] {
  try {
    const v = JSON.parse(local?.getItem(recentKey(stack)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && /^[0-9a-f]{8}$/.test(x)) : [];
  } catch {
    return [];
  }
}

/**
 * Which working copy (IndexedDB filesystem `cairn-<stack>-<id>`) this tab uses, held for as
 * long as the page lives (a Web Lock named after it):
 * - a reload gets its own again (the id is in `sessionStorage`, and the lock is free again);
 * - a new tab takes the most recent copy no open tab holds, so the uncommitted edits of a
 *   closed tab are found where they were left;
 * - a duplicated tab (a copy of `sessionStorage`) finds that copy held and takes another;
 * - a new copy is made only when every remembered one is in use.
 * Without Web Locks, the tab's own id (one per tab, as before).
 */
export async function claimWorkingCopy(
  stack: string,
  session: Store | undefined = globalThis.sessionStorage,
  local: Store | undefined = globalThis.localStorage,
  locks: TabLocks | undefined = (globalThis.navigator as { locks?: TabLocks } | undefined)?.locks,
): Promise<string> {
  const own = session?.getItem(sessionKey(stack)) ?? null;
  if (!locks) {
    const id = own ?? tabId(session);
    session?.setItem(sessionKey(stack), id);
    return id;
  }
  const known = recent(local, stack);
  const candidates = [...new Set([...(own ? [own] : []), ...known])];
  const take = (id: string) =>
    new Promise<boolean>((resolve) => {
      void locks.request(`cairn-fs-${stack}-${id}`, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        // held until the page goes
        return lock === null ? undefined : new Promise(() => {});
      });
    });
  let chosen: string | null = null;
  for (const id of candidates) {
    if (await take(id)) {
      chosen = id;
      break;
    }
  }
  for (let attempt = 0; chosen === null && attempt < 5; attempt++) {
    const id = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 8);
    if (await take(id)) chosen = id;
  }
  const id = chosen ?? globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 8);
  session?.setItem(sessionKey(stack), id);
  try {
    local?.setItem(recentKey(stack), JSON.stringify([id, ...known.filter((k) => k !== id)].slice(0, REMEMBERED)));
  } catch {
    // storage full: this copy is simply not remembered
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
