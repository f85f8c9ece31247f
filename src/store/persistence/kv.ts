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
