import type { GitResult } from './errors.ts';
import type { GitEngine } from './engine.ts';

/** What the git worker needs to start: its filesystem name and the remote. */
export interface GitWorkerInit {
  /** LightningFS name, one per tab: `cairn-<stack>-<tabId>`. */
  readonly fsName: string;
  /** Absolute URL of the stack's repository, e.g. `http://localhost:3000/git/orders.git`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type GitMethod = keyof GitEngine;

/** Messages from `client.ts` (main thread) to `git.worker.ts`: one engine call each. */
export type GitRequest =
  | { readonly id: number; readonly method: 'init'; readonly args: readonly [GitWorkerInit] }
  | { [M in GitMethod]: { readonly id: number; readonly method: M; readonly args: Parameters<GitEngine[M]> } }[GitMethod];

/** The worker's answer: always a result value (engine failures are values, never thrown). */
export interface GitResponse {
  readonly id: number;
  readonly result: GitResult<unknown>;
}

export const GIT_METHODS: readonly GitMethod[] = [
  'open',
  'readFile',
  'writeFile',
  'status',
  'commit',
  'push',
  'fetch',
  'pull',
  'log',
  'readCommit',
  'listBranches',
  'switchBranch',
  'createBranch',
  'moveToNewBranch',
  'refresh',
];
