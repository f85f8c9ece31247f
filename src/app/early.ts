/**
 * What the page starts before the rest of its code runs (main.tsx imports this module first, and
 * it imports next to nothing itself).
 *
 * On `/` a reload opens the work a previous page left in the browser. Reading that record from
 * IndexedDB and parsing its template used to wait for React's first render and then hold the
 * page's thread (a few hundred milliseconds at 500 resources). Here the read starts at once, and
 * a worker (readAhead.ts) parses the text as soon as it is read, while React renders the page.
 * The editor takes that reading when it opens the same text (useOpening.ts).
 */
import { indexedDbStore, withExitCopy, WORK_KEY } from '../store/persistence/kv.ts';
import { readAhead } from '../store/document/readAhead.ts';

/** localStorage, when the browser lets the page have it. */
function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** `/?stack=<name>` edits a stack the server hosts, through git; `/` a local document. */
export const stack = new URLSearchParams(location.search).get('stack');

export const kv = withExitCopy(indexedDbStore(), localStore());

/** The stored record of the local document's work, being read (`/` only; validated by the editor). */
export const savedRecord: Promise<unknown> | undefined = stack === null ? kv.get(WORK_KEY).catch(() => undefined) : undefined;

if (savedRecord) {
  readAhead(savedRecord.then((r) => {
    const text = (r as { text?: unknown } | null | undefined)?.text;
    return typeof text === 'string' ? text : null;
  }));
}
