// The git worker: isomorphic-git on LightningFS (IndexedDB), off the main thread (packfile
// inflate and indexing block the thread they run on). Created by client.ts through
// `new Worker(new URL('./git.worker.ts', import.meta.url))`, so webpack emits it, isomorphic-git
// and LightningFS as a separate file fetched only when a stack's repository is opened.
import './bufferGlobal.ts';
import FS from '@isomorphic-git/lightning-fs';
import http from 'isomorphic-git/http/web';
import type { PromiseFsClient } from 'isomorphic-git';
import { createGitEngine, type GitEngine } from './engine.ts';
import { describe, fail, type GitResult } from './errors.ts';
import type { GitRequest, GitResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<GitRequest>) => void) | null;
  postMessage(message: GitResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
/** The repository's working tree inside the tab's filesystem. */
const DIR = '/repo';
let engine: GitEngine | undefined;

function init(fsName: string, url: string, headers?: Readonly<Record<string, string>>): GitResult<null> {
  // One LightningFS per tab and per worker: several instances of one name fight over its mutex.
  if (engine) return fail('GIT_FAILED', 'The git worker is already started.');
  const fs = new FS(fsName);
  engine = createGitEngine({
    fs: fs as unknown as PromiseFsClient,
    http,
    dir: DIR,
    url,
    ...(headers ? { headers } : {}),
    // LightningFS may apply writes out of order and persists with a debounce: flush after each change.
    flush: () => fs.promises.flush(),
  });
  return { ok: true, value: null };
}

async function handle(req: GitRequest): Promise<GitResult<unknown>> {
  if (req.method === 'init') return init(req.args[0].fsName, req.args[0].url, req.args[0].headers);
  if (!engine) return fail('NOT_OPEN', 'The git worker has not been started.');
  const method = engine[req.method] as (...args: unknown[]) => Promise<GitResult<unknown>>;
  return method(...req.args);
}

scope.onmessage = (ev) => {
  const { id } = ev.data;
  handle(ev.data).then(
    (result) => scope.postMessage({ id, result }),
    (e: unknown) => scope.postMessage({ id, result: fail('GIT_FAILED', describe(e).message, { libraryCode: describe(e).libraryCode }) }),
  );
};
