/**
 * Every failure the git engine reports, with a stable `code`. Callers match on `code`, never
 * on `message`; `data` is plain JSON so a failure crosses the worker boundary unchanged.
 * Library errors (isomorphic-git's `PushRejectedError`, `HttpError`, ...) never reach callers:
 * `fromLibraryError` turns them into one of these.
 */
export type GitErrorCode =
  | 'NOT_OPEN'
  | 'REPO_NOT_FOUND'
  | 'BRANCH_NOT_FOUND'
  | 'BRANCH_EXISTS'
  | 'BRANCH_NAME_INVALID'
  | 'PATH_INVALID'
  | 'FILE_NOT_FOUND'
  | 'COMMIT_NOT_FOUND'
  | 'NOTHING_TO_COMMIT'
  | 'SECRET_IN_CHANGES'
  | 'AUTHOR_REQUIRED'
  | 'PUSH_REJECTED'
  | 'NOT_FAST_FORWARD'
  | 'DIRTY_WORKTREE'
  | 'UNPUSHED_COMMITS'
  | 'EDITS_CONFLICT'
  | 'NETWORK'
  | 'GIT_UNAVAILABLE'
  /** (the editor's stack session) another operation is running */
  | 'BUSY'
  | 'GIT_FAILED';

export interface GitFailure {
  readonly ok: false;
  readonly code: GitErrorCode;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type GitResult<T> = { readonly ok: true; readonly value: T } | GitFailure;

export const ok = <T>(value: T): GitResult<T> => ({ ok: true, value });

export const fail = (code: GitErrorCode, message: string, data?: Record<string, unknown>): GitFailure =>
  data ? { ok: false, code, message, data } : { ok: false, code, message };

interface LibraryError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly data?: unknown;
}

/** What a library error looks like from outside: its own code and message, JSON-safe. */
export function describe(e: unknown): { libraryCode: string; message: string } {
  const err = (typeof e === 'object' && e ? e : {}) as LibraryError;
  const libraryCode = typeof err.code === 'string' ? err.code : e instanceof Error ? e.name : 'Unknown';
  const message = typeof err.message === 'string' ? err.message : String(e);
  return { libraryCode, message };
}

/**
 * Is this error a push lost to another writer? isomorphic-git has three shapes for it:
 * `PushRejectedError` (not-fast-forward, found before uploading), `GitPushError` (the server
 * refused the ref update: the race was lost between ref discovery and the POST) and, in
 * 1.41.7-1.41.9, a raw `NotFoundError` in the stale case (issue #2421). All three mean the
 * remote moved.
 */
export function isPushRejection(e: unknown): boolean {
  const { libraryCode } = describe(e);
  return libraryCode === 'PushRejectedError' || libraryCode === 'GitPushError' || libraryCode === 'NotFoundError';
}

/** Maps an error thrown by isomorphic-git or the fs to a failure; `context` says what was being done. */
export function fromLibraryError(e: unknown, context: string): GitFailure {
  const { libraryCode, message } = describe(e);
  const err = (typeof e === 'object' && e ? e : {}) as LibraryError;
  const data = (typeof err.data === 'object' && err.data ? err.data : {}) as Record<string, unknown>;
  if (libraryCode === 'HttpError') {
    const statusCode = typeof data.statusCode === 'number' ? data.statusCode : undefined;
    if (statusCode === 404) return fail('REPO_NOT_FOUND', `${context}: the repository was not found on the server.`, { libraryCode, statusCode });
    return fail('NETWORK', `${context}: the server answered ${statusCode ?? 'an error'}.`, { libraryCode, statusCode: statusCode ?? null });
  }
  if (libraryCode === 'UrlParseError' || libraryCode === 'SmartHttpError' || /fetch|ECONNREFUSED|ECONNRESET|network/i.test(message)) {
    return fail('NETWORK', `${context}: the git server could not be reached (${message}).`, { libraryCode });
  }
  if (libraryCode === 'MissingNameError') return fail('AUTHOR_REQUIRED', `${context}: an author name and email are needed.`, { libraryCode });
  return fail('GIT_FAILED', `${context}: ${message}`, { libraryCode });
}
