import * as git from 'isomorphic-git';
import type { HttpClient, PromiseFsClient } from 'isomorphic-git';
import { fail, fromLibraryError, isPushRejection, ok, type GitFailure, type GitResult } from './errors.ts';
import { branchNameProblem } from './refName.ts';
import { describeFindings, scanLine } from '../model/secrets/scan.ts';
import type { SecretFinding } from '../model/secrets/scan.ts';
import { collectEdits, conflictsWith, dropNewFiles, readParked, removeParked, writeEdits, writeParked, type WorkdirIo } from './edits.ts';

/**
 * The browser's working copy of one stack repository. I/O is injected: LightningFS and
 * `isomorphic-git/http/web` in the git worker, node:fs and `isomorphic-git/http/node` in tests.
 * Every method resolves to a `GitResult` (never throws) and runs alone: calls queue in order.
 */
export interface GitEngineDeps {
  readonly fs: PromiseFsClient;
  readonly http: HttpClient;
  /** The working tree; the repository is `<dir>/.git`. */
  readonly dir: string;
  /** The remote, e.g. `http://127.0.0.1:3000/git/orders.git`. */
  readonly url: string;
  /** Sent with every request (a CSRF token, for instance). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Persists pending writes (LightningFS's `fs.promises.flush`); called after every change. */
  readonly flush?: () => Promise<void>;
}

export interface Author {
  readonly name: string;
  readonly email: string;
}

/** Where the local branch stands against the remote-tracking one. */
export type Relation = 'same' | 'ahead' | 'behind' | 'diverged' | 'no-remote';

export interface GitStatus {
  readonly branch: string;
  /** null on a branch with no commit yet (a new, empty repository). */
  readonly head: string | null;
  readonly remoteHead: string | null;
  readonly relation: Relation;
  readonly dirty: boolean;
  /** Files whose working copy differs from the branch head. */
  readonly changed: readonly string[];
}

export interface CommitInfo {
  readonly oid: string;
  readonly message: string;
  readonly author: { readonly name: string; readonly email: string; readonly timestamp: number };
}

export interface BranchInfo {
  readonly name: string;
  readonly oid: string;
  readonly current: boolean;
}

export type EditsChoice = 'carry' | 'leave';

export interface SwitchResult {
  readonly branch: string;
  readonly head: string;
  /** Files of edits carried over from the previous branch. */
  readonly carried: readonly string[];
  /** Files of edits left on this branch earlier and now restored. */
  readonly restored: readonly string[];
}

export interface GitEngine {
  open(opts?: { branch?: string; depth?: number }): Promise<GitResult<GitStatus>>;
  readFile(path: string): Promise<GitResult<string>>;
  writeFile(path: string, text: string): Promise<GitResult<null>>;
  status(): Promise<GitResult<GitStatus>>;
  commit(opts: { message: string; author: Author }): Promise<GitResult<{ oid: string }>>;
  push(): Promise<GitResult<{ oid: string }>>;
  fetch(): Promise<GitResult<GitStatus>>;
  pull(): Promise<GitResult<GitStatus>>;
  log(opts?: { limit?: number }): Promise<GitResult<CommitInfo[]>>;
  /** One commit the clone has (a full oid, or a ref such as `refs/remotes/origin/main`); COMMIT_NOT_FOUND otherwise. */
  readCommit(ref: string): Promise<GitResult<CommitInfo>>;
  listBranches(): Promise<GitResult<BranchInfo[]>>;
  switchBranch(name: string, opts: { edits: EditsChoice }): Promise<GitResult<SwitchResult>>;
  createBranch(name: string): Promise<GitResult<GitStatus>>;
  moveToNewBranch(name: string): Promise<GitResult<GitStatus>>;
  refresh(opts?: { discard?: boolean }): Promise<GitResult<GitStatus>>;
}

const REMOTE = 'origin';
const ZERO = '0000000000000000000000000000000000000000';
/** The first branch of an empty repository, as the server creates repositories. */
const DEFAULT_BRANCH = 'main';
/** How far back `isAncestor` looks before giving up (the clones are shallow anyway). */
const ANCESTRY_LIMIT = 2000;

class Failed extends Error {
  constructor(readonly failure: GitFailure) {
    super(failure.message);
  }
}

export function createGitEngine(deps: GitEngineDeps): GitEngine {
  const { fs, http, dir, url } = deps;
  const headers = deps.headers ? { ...deps.headers } : undefined;
  const cache = {};
  const base = { fs, dir, cache };
  const io: WorkdirIo = { fs, dir, cache };
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `body` after every earlier call; a `Failed` or a library error becomes a failure value. */
  const run = <T>(context: string, body: () => Promise<T>): Promise<GitResult<T>> => {
    const next = queue.then(async (): Promise<GitResult<T>> => {
      try {
        const value = await body();
        return ok(value);
      } catch (e) {
        if (e instanceof Failed) return e.failure;
        return fromLibraryError(e, context);
      } finally {
        await deps.flush?.().catch(() => undefined);
      }
    });
    queue = next;
    return next;
  };

  /** The text of `path` at `commit` ('' when it is not there). */
  const readText = async (commit: string, path: string): Promise<string> => {
    try {
      return new TextDecoder().decode((await git.readBlob({ ...base, oid: commit, filepath: path })).blob);
    } catch {
      return '';
    }
  };

  const isOpen = async () => {
    try {
      await fs.promises.stat(`${dir}/.git/HEAD`);
      return true;
    } catch {
      return false;
    }
  };

  const currentBranch = async (): Promise<string> => {
    if (!(await isOpen())) throw new Failed(fail('NOT_OPEN', 'No working copy yet: open the stack first.'));
    const branch = await git.currentBranch({ fs, dir, fullname: false });
    if (!branch) throw new Failed(fail('GIT_FAILED', 'HEAD is detached.'));
    return branch;
  };

  const resolve = async (ref: string): Promise<string | null> => {
    try {
      return await git.resolveRef({ fs, dir, ref });
    } catch {
      return null;
    }
  };

  /** Breadth-first walk of `oid`'s ancestry (as far as the shallow clone has it) looking for `ancestor`. */
  const isAncestor = async (ancestor: string, oid: string): Promise<boolean> => {
    if (ancestor === oid) return true;
    const seen = new Set<string>([oid]);
    const todo = [oid];
    while (todo.length && seen.size < ANCESTRY_LIMIT) {
      const current = todo.shift() as string;
      let parents: string[];
      try {
        parents = (await git.readCommit({ ...base, oid: current })).commit.parent;
      } catch {
        continue;
      }
      for (const p of parents) {
        if (p === ancestor) return true;
        if (!seen.has(p)) {
          seen.add(p);
          todo.push(p);
        }
      }
    }
    return false;
  };

  const relationOf = async (head: string | null, remoteHead: string | null): Promise<Relation> => {
    if (!remoteHead) return 'no-remote';
    if (!head) return 'behind';
    if (head === remoteHead) return 'same';
    if (await isAncestor(remoteHead, head)) return 'ahead';
    if (await isAncestor(head, remoteHead)) return 'behind';
    return 'diverged';
  };

  const statusNow = async (): Promise<GitStatus> => {
    const branch = await currentBranch();
    const head = await resolve('HEAD');
    const remoteHead = await resolve(`refs/remotes/${REMOTE}/${branch}`);
    const changed = (await collectEdits(io, head ?? ZERO)).map((e) => e.path);
    return { branch, head, remoteHead, relation: await relationOf(head, remoteHead), dirty: changed.length > 0, changed };
  };

  /** Fetches one branch into `refs/remotes/origin/<branch>`; shallow only for a branch not yet here. */
  const fetchBranch = async (branch: string, shallow: boolean) => {
    await git.fetch({ ...base, http, url, remote: REMOTE, ref: branch, singleBranch: true, tags: false, headers, ...(shallow ? { depth: 1 } : {}) });
  };

  const remoteBranchOid = async (branch: string): Promise<string | null> => {
    const refs = await git.listServerRefs({ http, url, headers, prefix: `refs/heads/${branch}`, protocolVersion: 1 });
    return refs.find((r) => r.ref === `refs/heads/${branch}`)?.oid ?? null;
  };

  const checkName = (name: string) => {
    const problem = branchNameProblem(name);
    if (problem) throw new Failed(fail('BRANCH_NAME_INVALID', `"${name}" is not a valid branch name: it ${problem}.`, { name }));
  };

  const checkPath = (path: string) => {
    const parts = path.split('/');
    if (!path || path.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..') || parts[0] === '.git' || path.includes('\0')) {
      throw new Failed(fail('PATH_INVALID', `"${path}" is not a file path inside the repository.`, { path }));
    }
  };

  const track = async (branch: string) => {
    await git.setConfig({ fs, dir, path: `branch.${branch}.remote`, value: REMOTE });
    await git.setConfig({ fs, dir, path: `branch.${branch}.merge`, value: `refs/heads/${branch}` });
  };

  /** Points the current branch at `target` and makes the working tree match it (edits lost unless carried by the caller). */
  const moveHeadTo = async (branch: string, target: string) => {
    await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: target, force: true });
    await git.checkout({ ...base, ref: branch, force: true });
  };

  const pushBranch = async (branch: string): Promise<string> => {
    const head = (await resolve(`refs/heads/${branch}`)) ?? ZERO;
    try {
      const result = await git.push({ ...base, http, url, remote: REMOTE, ref: branch, remoteRef: branch, headers });
      const refResult = result.refs[`refs/heads/${branch}`];
      if (!result.ok || (refResult && !refResult.ok)) {
        throw new Failed(fail('PUSH_REJECTED', `The server refused the push to ${branch}: ${refResult?.error ?? result.error ?? 'unknown reason'}.`, { branch, head }));
      }
      return head;
    } catch (e) {
      if (e instanceof Failed) throw e;
      if (isPushRejection(e)) {
        const { code: libraryCode, data } = e as { code: string; data?: { reason?: string } };
        throw new Failed(
          fail('PUSH_REJECTED', `${branch} moved on the server since your last fetch: refresh, or move your changes to a new branch.`, {
            branch,
            head,
            libraryCode,
            reason: data?.reason ?? null,
          }),
        );
      }
      throw new Failed(fromLibraryError(e, `Pushing ${branch}`));
    }
  };

  const open: GitEngine['open'] = (opts = {}) =>
    run('Opening the repository', async () => {
      if (opts.branch !== undefined) checkName(opts.branch);
      if (await isOpen()) {
        const branch = await currentBranch();
        try {
          await fetchBranch(branch, false);
        } catch (e) {
          // A branch not pushed yet (a new repository, or a new branch whose push failed) has nothing to fetch.
          if ((e as { code?: string }).code !== 'NotFoundError' || (await remoteBranchOid(branch))) throw e;
        }
        return statusNow();
      }
      try {
        await git.clone({ ...base, http, url, remote: REMOTE, ref: opts.branch, singleBranch: true, depth: opts.depth ?? 1, noTags: true, headers });
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (opts.branch && code === 'NotFoundError') throw new Failed(fail('BRANCH_NOT_FOUND', `The server has no branch ${opts.branch}.`, { branch: opts.branch }));
        throw e;
      }
      if (!(await resolve('HEAD'))) {
        // An empty repository: start the branch the first commit will create (clone left HEAD at master).
        const branch = opts.branch ?? DEFAULT_BRANCH;
        await git.writeRef({ fs, dir, ref: 'HEAD', value: `refs/heads/${branch}`, symbolic: true, force: true });
        await track(branch);
      }
      return statusNow();
    });

  const readFile: GitEngine['readFile'] = (path) =>
    run(`Reading ${path}`, async () => {
      checkPath(path);
      await currentBranch();
      try {
        return (await fs.promises.readFile(`${dir}/${path}`, { encoding: 'utf8' })) as string;
      } catch {
        throw new Failed(fail('FILE_NOT_FOUND', `${path} is not in the working copy.`, { path }));
      }
    });

  const writeFile: GitEngine['writeFile'] = (path, text) =>
    run(`Writing ${path}`, async () => {
      checkPath(path);
      await currentBranch();
      await writeEdits(io, [{ path, content: new TextEncoder().encode(text), baseBlob: null }]);
      return null;
    });

  const status: GitEngine['status'] = () => run('Reading the status', statusNow);

  const commit: GitEngine['commit'] = ({ message, author }) =>
    run('Committing', async () => {
      if (!author?.name?.trim() || !author?.email?.trim()) throw new Failed(fail('AUTHOR_REQUIRED', 'An author name and email are needed to commit.'));
      await currentBranch();
      const head = await resolve('HEAD');
      const edits = await collectEdits(io, head ?? ZERO);
      if (!edits.length) throw new Failed(fail('NOTHING_TO_COMMIT', 'There are no changes to commit.'));
      // the same scan the server applies to pushes: a secret added by these changes blocks the
      // commit, naming file and line (lines the head already had are not this commit's doing)
      const findings: SecretFinding[] = [];
      for (const e of edits) {
        if (!e.content) continue;
        const before = new Set(e.baseBlob && head ? (await readText(head, e.path)).split(/\r?\n/) : []);
        new TextDecoder().decode(e.content).split(/\r?\n/).forEach((text, i) => {
          if (!before.has(text)) findings.push(...scanLine(e.path, i + 1, text));
        });
      }
      if (findings.length) {
        const where = describeFindings(findings);
        throw new Failed(fail('SECRET_IN_CHANGES', `Not committed: the changes add what looks like an AWS secret (${where.join('; ')}). Remove it, and keep secrets out of the repository.`, { findings: where }));
      }
      for (const e of edits) {
        if (e.content) await git.add({ ...base, filepath: e.path });
        else await git.remove({ ...base, filepath: e.path });
      }
      const oid = await git.commit({ ...base, message, author: { name: author.name, email: author.email } });
      return { oid };
    });

  const push: GitEngine['push'] = () =>
    run('Pushing', async () => {
      const branch = await currentBranch();
      return { oid: await pushBranch(branch) };
    });

  const fetch: GitEngine['fetch'] = () =>
    run('Fetching', async () => {
      await fetchBranch(await currentBranch(), false);
      return statusNow();
    });

  const pull: GitEngine['pull'] = () =>
    run('Pulling', async () => {
      const branch = await currentBranch();
      await fetchBranch(branch, false);
      const before = await statusNow();
      if (before.relation !== 'behind') {
        if (before.relation === 'diverged') {
          throw new Failed(fail('NOT_FAST_FORWARD', `${branch} has commits here and on the server: move your changes to a new branch, or refresh.`, { branch }));
        }
        return before;
      }
      const target = before.remoteHead as string;
      const edits = await collectEdits(io, before.head ?? ZERO);
      const conflicts = await conflictsWith(io, edits, target);
      if (conflicts.length) {
        throw new Failed(fail('EDITS_CONFLICT', `The server changed files you are editing: ${conflicts.join(', ')}.`, { paths: conflicts }));
      }
      await moveHeadTo(branch, target);
      await writeEdits(io, edits);
      return statusNow();
    });

  const log: GitEngine['log'] = (opts = {}) =>
    run('Reading the history', async () => {
      const branch = await currentBranch();
      const limit = Math.max(1, Math.min(opts.limit ?? 20, 500));
      const read = () => git.log({ ...base, ref: branch, depth: limit });
      let entries = await read();
      const last = entries[entries.length - 1];
      if (entries.length < limit && last && last.commit.parent.length > 0) {
        // The shallow clone ends here: deepen the remote branch, then read again.
        await git.fetch({ ...base, http, url, remote: REMOTE, ref: branch, singleBranch: true, tags: false, headers, depth: limit });
        entries = await read();
      }
      return entries.map((e) => ({
        oid: e.oid,
        message: e.commit.message,
        author: { name: e.commit.author.name, email: e.commit.author.email, timestamp: e.commit.author.timestamp },
      }));
    });

  const readCommit: GitEngine['readCommit'] = (ref) =>
    run('Reading a commit', async () => {
      await currentBranch();
      const oid = /^[0-9a-f]{40}$/.test(ref) ? ref : await resolve(ref);
      let commit: Awaited<ReturnType<typeof git.readCommit>> | null = null;
      if (oid) commit = await git.readCommit({ ...base, oid }).catch(() => null);
      if (!commit) throw new Failed(fail('COMMIT_NOT_FOUND', `This clone has no commit ${ref}.`, { ref }));
      const { author, message } = commit.commit;
      return { oid: commit.oid, message, author: { name: author.name, email: author.email, timestamp: author.timestamp } };
    });

  const listBranches: GitEngine['listBranches'] = () =>
    run('Listing branches', async () => {
      const branch = await currentBranch();
      const refs = await git.listServerRefs({ http, url, headers, prefix: 'refs/heads/', protocolVersion: 1 });
      return refs
        .map((r) => ({ name: r.ref.slice('refs/heads/'.length), oid: r.oid, current: r.ref === `refs/heads/${branch}` }))
        .sort((a, b) => a.name.localeCompare(b.name));
    });

  const switchBranch: GitEngine['switchBranch'] = (name, { edits: choice }) =>
    run(`Switching to ${name}`, async () => {
      checkName(name);
      const from = await currentBranch();
      const fromHead = (await resolve('HEAD')) ?? ZERO;
      if (from === name) return { branch: name, head: fromHead, carried: [], restored: [] };
      let target = await resolve(`refs/heads/${name}`);
      if (!target) {
        if (!(await remoteBranchOid(name))) throw new Failed(fail('BRANCH_NOT_FOUND', `The server has no branch ${name}.`, { branch: name }));
        await fetchBranch(name, true);
        target = await resolve(`refs/remotes/${REMOTE}/${name}`);
        if (!target) throw new Failed(fail('BRANCH_NOT_FOUND', `The server has no branch ${name}.`, { branch: name }));
        await git.branch({ fs, dir, ref: name, object: target });
        await track(name);
      }
      const edits = await collectEdits(io, fromHead);
      const parked = await readParked(io, name);
      if (choice === 'carry') {
        const conflicts = await conflictsWith(io, edits, target);
        if (conflicts.length) {
          throw new Failed(fail('EDITS_CONFLICT', `${name} changes files you are editing: ${conflicts.join(', ')}. Leave the edits on ${from} instead.`, { paths: conflicts }));
        }
      } else if (edits.length) {
        await writeParked(io, from, { head: fromHead, edits });
      }
      await git.checkout({ ...base, ref: name, force: true });
      if (choice === 'leave') await dropNewFiles(io, edits, target);
      let restored: string[] = [];
      if (choice === 'carry' && edits.length) {
        await writeEdits(io, edits);
      } else if (parked && !(await conflictsWith(io, parked.edits, target)).length) {
        // Edits left here earlier come back, unless the branch has since changed the same files.
        await writeEdits(io, parked.edits);
        await removeParked(io, name);
        restored = parked.edits.map((e) => e.path);
      }
      return { branch: name, head: target, carried: choice === 'carry' ? edits.map((e) => e.path) : [], restored };
    });

  /** `git checkout -b <name>` + push: the edits stay in the working tree, the local commits go with the new branch. */
  const createBranch: GitEngine['createBranch'] = (name) =>
    run(`Creating ${name}`, async () => {
      checkName(name);
      const from = await currentBranch();
      const head = await resolve('HEAD');
      if (!head) throw new Failed(fail('GIT_FAILED', 'The branch has no commit yet.'));
      if ((await resolve(`refs/heads/${name}`)) || (await remoteBranchOid(name))) {
        throw new Failed(fail('BRANCH_EXISTS', `A branch named ${name} already exists.`, { branch: name }));
      }
      await git.branch({ fs, dir, ref: name, object: head, checkout: true });
      await track(name);
      await pushBranch(name);
      // The commits are safe on the new remote branch; the old branch goes back to the server's head.
      const fromRemote = await resolve(`refs/remotes/${REMOTE}/${from}`);
      if (fromRemote) await git.writeRef({ fs, dir, ref: `refs/heads/${from}`, value: fromRemote, force: true });
      return statusNow();
    });

  const refresh: GitEngine['refresh'] = (opts = {}) =>
    run('Refreshing', async () => {
      const branch = await currentBranch();
      await fetchBranch(branch, false);
      const before = await statusNow();
      if (!before.remoteHead) throw new Failed(fail('BRANCH_NOT_FOUND', `The server has no branch ${branch}.`, { branch }));
      if (!opts.discard) {
        if (before.dirty) {
          throw new Failed(fail('DIRTY_WORKTREE', 'You have uncommitted edits: move them to a new branch first, or discard them.', { paths: before.changed }));
        }
        if (before.relation === 'ahead' || before.relation === 'diverged') {
          throw new Failed(fail('UNPUSHED_COMMITS', `${branch} has commits that are not on the server: move them to a new branch first, or discard them.`, { branch }));
        }
      }
      const edits = await collectEdits(io, before.head ?? ZERO);
      await moveHeadTo(branch, before.remoteHead);
      await dropNewFiles(io, edits, before.remoteHead);
      return statusNow();
    });

  return {
    open,
    readFile,
    writeFile,
    status,
    commit,
    push,
    fetch,
    pull,
    log,
    readCommit,
    listBranches,
    switchBranch,
    createBranch,
    moveToNewBranch: createBranch,
    refresh,
  };
}
