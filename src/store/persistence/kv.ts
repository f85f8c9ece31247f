/** localStorage, when the browser lets the page have it (a sandboxed or private page may not). */
export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The storage the editor keeps work in progress in: IndexedDB in the browser, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export class StorageError extends Error {
  constructor(
    readonly code: 'STORAGE_UNAVAILABLE' | 'STORAGE_FAILED',
    message: string,
  ) {
    super(message);
  }
}

/** The database and object store the work is kept in (exported for the browser benchmarks, which seed them). */
export const IDB_NAME = 'cairn';
export const IDB_STORE = 'work';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(new StorageError('STORAGE_FAILED', r.error?.message ?? 'IndexedDB request failed'));
  });
}

/** A key-value store on IndexedDB (one database, one object store), opened on first use. */
export function indexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB): KeyValueStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    if (!factory) return Promise.reject(new StorageError('STORAGE_UNAVAILABLE', 'This browser has no IndexedDB.'));
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(IDB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(IDB_STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new StorageError('STORAGE_FAILED', r.error?.message ?? 'could not open IndexedDB'));
    });
    return db;
  };
  const tx = async (mode: IDBTransactionMode) => (await open()).transaction(IDB_STORE, mode).objectStore(IDB_STORE);
  return {
    get: async (key) => request((await tx('readonly')).get(key)),
    set: async (key, value) => void (await request((await tx('readwrite')).put(value, key))),
    delete: async (key) => void (await request((await tx('readwrite')).delete(key))),
  };
}

export function memoryStore(): KeyValueStore & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k) => data.get(k),
    set: async (k, v) => void data.set(k, structuredClone(v)),
    delete: async (k) => void data.delete(k),
  };
}

/** A store that can also write at once, synchronously: for the last moment of a page. */
export interface ExitStore extends KeyValueStore {
  setNow(key: string, value: unknown): void;
}

const EXIT_PREFIX = 'cairn.exit.';

const savedAtOf = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && typeof (v as { savedAt?: unknown }).savedAt === 'string' ? (v as { savedAt: string }).savedAt : undefined;

/** The newer of two records by their `savedAt` (ISO times compare as strings); either when only one has one. */
function newer(a: unknown, b: unknown): unknown {
  if (a === undefined || a === null) return b ?? undefined;
  if (b === undefined || b === null) return a;
  const [x, y] = [savedAtOf(a), savedAtOf(b)];
  return x !== undefined && y !== undefined && y > x ? b : a;
}

/**
 * `kv` with a synchronous copy for the moment a page goes away: an IndexedDB write started in
 * `pagehide` may never commit (the page is torn down first; seen on a quick reload), but a
 * `localStorage` write is done when it returns. `get` answers the newer of the two, and a copy
 * is dropped once `kv` holds something at least as new. Without `storage` (or when it refuses,
 * e.g. over quota) this is `kv` alone.
 */
export function withExitCopy(kv: KeyValueStore, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined): ExitStore {
  const read = (key: string): unknown => {
    try {
      const s = storage?.getItem(EXIT_PREFIX + key);
      return s ? (JSON.parse(s) as unknown) : undefined;
    } catch {
      return undefined;
    }
  };
  const drop = (key: string) => {
    try {
      storage?.removeItem(EXIT_PREFIX + key);
    } catch {
      // nothing to drop
    }
  };
  return {
    get: async (key) => {
      // the copy first: a write of the previous page's that lands during the read below drops it
      const copy = read(key);
      return newer(await kv.get(key), copy);
    },
    set: async (key, value) => {
      await kv.set(key, value);
      const copy = read(key);
      if (copy !== undefined && newer(value, copy) === value) drop(key);
    },
    delete: async (key) => {
      drop(key);
      await kv.delete(key);
    },
    setNow: (key, value) => {
      try {
        storage?.setItem(EXIT_PREFIX + key, JSON.stringify(value));
      } catch {
        // over quota or refused: the IndexedDB write started with it is all there is
      }
    },
  };
}
