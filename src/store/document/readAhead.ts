/**
 * Reading a template ahead, in a worker, while the page starts.
 *
 * A reload opens the work the browser kept: the page reads it from IndexedDB, renders, and then
 * parses it in the `documentOpened` reducer, which for a 500-resource template is a few hundred
 * milliseconds of the page's thread before the canvas can draw. Instead, the page hands the text
 * to a worker as soon as it has read it (`readAhead`), renders its frame meanwhile, and before
 * opening the document takes the worker's reading (`takeReadAhead`): the value, diagnostics and
 * flags of the same `readText` the page would run. The parse cache then holds a parse made
 * `Parsed.fromRead`, whose tree is built from the text only when an edit or a panel first needs
 * it. Anything else (no worker, a failed worker, another text) leaves the page to parse as before.
 */
// Imports types only: the page starts this before the rest of its code has run (app/early.ts).
import type { ReadState } from '../../model/yaml/parse.ts';

export interface ReadAheadRequest {
  readonly text: string;
}
export type ReadAheadResponse = { readonly read: ReadState } | { readonly error: string };

/** The part of a Worker used here (a fake one in tests). */
export interface ReadAheadWorker {
  postMessage(message: ReadAheadRequest): void;
  onmessage: ((ev: { data: ReadAheadResponse }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  terminate(): void;
}

function defaultWorker(): ReadAheadWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // webpack 5 recognises this exact shape and emits the worker as its own chunk.
  return new Worker(/* webpackChunkName: "read-ahead" */ new URL('./readAhead.worker.ts', import.meta.url), { type: 'module' }) as unknown as ReadAheadWorker;
}

let ahead: { readonly text: Promise<string | null>; readonly read: Promise<ReadState | null> } | null = null;

/**
 * Reads `text` in a worker once it is there (the page is still reading it from IndexedDB; null:
 * there is nothing to read, and no worker is started). One reading at a time: a later call
 * replaces an earlier one.
 */
export function readAhead(text: Promise<string | null>, createWorker: () => ReadAheadWorker | undefined = defaultWorker): void {
  const read = text.then(
    (t) =>
      t === null
        ? null
        : new Promise<ReadState | null>((resolve) => {
            let w: ReadAheadWorker | undefined;
            try {
              w = createWorker();
            } catch {
              w = undefined;
            }
            if (!w) return resolve(null);
            const worker = w;
            const done = (r: ReadState | null) => {
              resolve(r);
              worker.terminate();
            };
            worker.onmessage = (ev) => done('read' in ev.data ? ev.data.read : null);
            worker.onerror = () => done(null);
            worker.postMessage({ text: t });
          }),
    () => null,
  );
  ahead = { text, read };
}

/**
 * The worker's reading of `text`, started by `readAhead`: null when there is none for this
 * text (nothing started, another text, or the worker failed), and the caller parses it itself.
 */
export async function takeReadAhead(text: string): Promise<ReadState | null> {
  const mine = ahead;
  if (!mine) return null;
  ahead = null;
  if ((await mine.text.catch(() => null)) !== text) return null;
  return mine.read;
}
