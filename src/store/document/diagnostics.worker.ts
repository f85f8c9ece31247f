// The diagnostics worker: runs the rules over a template off the main thread, so that typing in
// the YAML panel or editing a 500-resource stack never waits for them. Loaded lazily by
// diagnosticsClient.ts through `new Worker(new URL('./diagnostics.worker.ts', import.meta.url))`:
// webpack emits it, with the model and the rules, as a file of its own.
import { answer } from './diagnosticsProtocol.ts';
import type { DiagnosticsRequest, DiagnosticsResponse } from './diagnosticsProtocol.ts';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<DiagnosticsRequest>) => void) | null;
  postMessage(message: DiagnosticsResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (ev) => scope.postMessage(answer(ev.data));
