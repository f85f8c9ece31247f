// The read-ahead worker: reads one template text (readText) while the page is still starting, so
// the page's own thread does not spend the parse of a large template before its first paint. Loaded
// by readAhead.ts through `new Worker(new URL('./readAhead.worker.ts', import.meta.url))`: webpack
// emits it, with the parser, as a file of its own.
import { answerRead } from '../../model/yaml/parse.ts';
import type { ReadAheadRequest, ReadAheadResponse } from './readAhead.ts';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<ReadAheadRequest>) => void) | null;
  postMessage(message: ReadAheadResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (ev) => scope.postMessage(answerRead(ev.data));
