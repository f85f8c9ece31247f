// The layout worker: runs ELK off the main thread. Loaded lazily by layout.ts through
// `new Worker(new URL('./elk.worker.ts', import.meta.url))`, so webpack puts it, and the whole
// of ELK (~450 KB gzip), in a separate file that is fetched on the first layout only.
import ELK from 'elkjs/lib/elk.bundled.js';
import { runElk } from './elkGraph.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
}

// elk.bundled.js runs ELK in-thread (its own fake worker). Importing it inside a real worker
// also installs ELK's own `self.onmessage` dispatcher; assigning ours below replaces it.
const scope = globalThis as unknown as WorkerScope;
const elk = new ELK();

scope.onmessage = (ev) => {
  const { id, graph, sizes, options } = ev.data;
  runElk(elk, graph, sizes, options).then(
    (positions) => scope.postMessage({ id, positions }),
    (err: unknown) => {
      const message = err instanceof Error ? err.message : typeof err === 'object' && err && 'message' in err ? String((err as { message: unknown }).message) : String(err);
      scope.postMessage({ id, error: { code: 'LAYOUT_FAILED', message } });
    },
  );
};
