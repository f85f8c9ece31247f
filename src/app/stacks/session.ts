import type { Author, BranchInfo, CommitInfo, EditsChoice, GitEngine, GitStatus } from '../../git/engine.ts';
import type { GitFailure, GitResult } from '../../git/errors.ts';
import { parseLayout, sidecarPath } from '../../model/layout/sidecar.ts';
import type { NodePosition } from '../../model/layout/sidecar.ts';
import type { RefChange } from '../../protocol/stacks.ts';
import type { SavedWork } from '../../store/persistence/workInProgress.ts';

/**
 * One stack open in the editor: the tab's git working copy (the git worker, through
 * `GitEngine`'s interface) and what the git bar shows. Framework-free so that it runs in Node
 * against a real engine and real git in tests; `StackApp.tsx` renders it.
 *
 * - Edits reach the working copy continuously: `edited()` queues the text (and the layout
 *   file's text), written after a short pause; every git operation writes what is queued first.
 * - Operations that replace the working tree (switch, pull, refresh) load the document again:
 *   `doc.key` changes and the editor remounts on the new text.
 * - A ref change announced by the server for our branch, or a push the server refused, shows
 *   the remote-change banner (`remote`); its actions are `refresh()` and `moveToNewBranch()`.
 */

export const WRITE_DELAY_MS = 300;
const ZERO = '0'.repeat(40);

export interface SessionDocument {
  /** Changes whenever the document is loaded again from the working copy. */
  readonly key: number;
  readonly text: string;
  readonly layout?: Readonly<Record<string, NodePosition>>;
}

export interface RemoteMove {
  /**
   * `moved`: announced by the server; `rejected`: our push lost the race; `deleted`: the
   * branch is gone from the remote (an external stack's remote; `oid` is '').
   */
  readonly kind: 'moved' | 'rejected' | 'deleted';
  readonly branch: string;
  readonly oid: string;
  /** `Name <email>`, when known (an external remote's announcement may not say). */
  readonly author: string | null;
  readonly message: string | null;
  /** ISO 8601 */
  readonly time: string | null;
}

export interface SessionProblem {
  readonly code: string;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface SessionState {
  readonly phase: 'opening' | 'ready' | 'failed';
  readonly status: GitStatus | null;
  /** What runs now ('Committing…'); null when idle. */
  readonly busy: string | null;
  /** True while the busy operation replaces the working tree: the editor takes no input. */
  readonly replacing: boolean;
  /** Edits queued or being written to the working copy. */
  readonly saving: boolean;
  readonly remote: RemoteMove | null;
  /** The last operation's failure (or why opening failed). */
  readonly problem: SessionProblem | null;
  readonly notice: string | null;
  readonly doc: SessionDocument | null;
  /** The document came back from the browser's copy: newer than the working copy. */
  readonly restored: boolean;
}

export interface SessionOptions {
  /** The template's path in the repository. */
  readonly template: string;
  readonly delayMs?: number;
  /** The work kept in the browser for this stack (its last keystrokes), if any. */
  readonly restore?: () => Promise<SavedWork | null>;
}

type Listener = () => void;

const INITIAL: SessionState = { phase: 'opening', status: null, busy: null, replacing: false, saving: false, remote: null, problem: null, notice: null, doc: null, restored: false };

export const shortOid = (oid: string): string => oid.slice(0, 7);

/** The branch has commits here that the server does not (a first commit not pushed yet included). */
export const hasUnpushed = (st: GitStatus): boolean => st.relation === 'ahead' || st.relation === 'diverged' || (st.relation === 'no-remote' && st.head !== null);

export class StackSession {
  private state: SessionState = INITIAL;
  private readonly listeners = new Set<Listener>();
  private pending: { text: string; sidecar: string | null } | null = null;
  private written: { text: string | null; sidecar: string | null } = { text: null, sidecar: null };
  /** The layout file is written once the stack has one, the user placed nodes, or the template changed. */
  private sidecarWanted = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private key = 0;
  private disposed = false;
  readonly template: string;
  readonly sidecar: string;

  constructor(
    private readonly git: GitEngine,
    private readonly options: SessionOptions,
  ) {
    this.template = options.template;
    this.sidecar = sidecarPath(options.template);
  }

  // ---- state for React (useSyncExternalStore) ----
  getState = (): SessionState => this.state;
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  // ---- opening ----

  /** Clones (or fetches into the tab's clone) and loads the template and its layout. */
  async open(): Promise<void> {
    const opened = await this.git.open();
    if (!opened.ok) return this.set({ phase: 'failed', problem: opened });
    let status = opened.value;
    // a clean working copy that is behind (the branch moved while the tab was away) catches up
    if (status.relation === 'behind' && !status.dirty) {
      const pulled = await this.git.pull();
      if (pulled.ok) status = pulled.value;
    }
    const work = await this.options.restore?.().catch(() => null);
    const loaded = await this.load(status, work ?? null);
    if (!loaded.ok) return this.set({ phase: 'failed', problem: loaded });
    this.set({ phase: 'ready', problem: null });
    if (status.relation === 'behind' || status.relation === 'diverged') {
      // we have work here and the server has moved on: say so at once
      await this.remoteMoved('moved', status.branch, null);
    }
  }

  /** Reads the document from the working copy (preferring the browser's newer copy of the same branch and commit). */
  private async load(status: GitStatus, work: SavedWork | null): Promise<GitResult<SessionDocument>> {
    const file = await this.git.readFile(this.template);
    if (!file.ok && file.code !== 'FILE_NOT_FOUND') return file;
    const fileText = file.ok ? file.value : '';
    const side = await this.git.readFile(this.sidecar);
    const sameBase = work?.base !== undefined && work.base.branch === status.branch && work.base.head === status.head;
    const restored = sameBase && work.text !== fileText;
    const text = restored ? work.text : fileText;
    const layout = sameBase && work.layout ? work.layout : side.ok ? parseLayout(side.value).layout.nodes : undefined;
    this.written = { text: file.ok ? fileText : null, sidecar: side.ok ? side.value : null };
    this.sidecarWanted = side.ok || status.changed.includes(this.template);
    this.pending = null;
    const doc: SessionDocument = { key: ++this.key, text, ...(layout ? { layout } : {}) };
    this.set({ doc, status, restored });
    if (restored) {
      // the last keystrokes never reached the working copy: write them now
      this.pending = { text, sidecar: null };
      await this.flush();
    }
    return { ok: true, value: doc };
  }

  private async reload(): Promise<void> {
    const st = await this.git.status();
    if (!st.ok) return this.set({ problem: st });
    const r = await this.load(st.value, null);
    if (!r.ok) this.set({ problem: r });
  }

  // ---- edits ----

  /**
   * The document changed in the editor. `sidecar` is the layout file's text for the current
   * positions, or null when the positions did not change; `placedByUser` says a person moved
   * nodes (not automatic layout).
   */
  edited(text: string, sidecar: string | null, placedByUser = false): void {
    if (this.state.phase !== 'ready' || this.disposed) return;
    if (placedByUser) this.sidecarWanted = true;
    const side = sidecar ?? this.pending?.sidecar ?? null;
    if (text === (this.pending?.text ?? this.written.text) && (side === null || side === (this.pending?.sidecar ?? this.written.sidecar))) return;
    this.pending = { text, sidecar: side };
    if (!this.state.saving) this.set({ saving: true });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? WRITE_DELAY_MS);
  }

  /** Writes what is queued to the working copy now, then refreshes the status. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const p = this.pending;
    this.pending = null;
    if (!p) return this.writing;
    this.writing = this.writing.then(async () => {
      let failed: SessionProblem | null = null;
      if (p.text !== this.written.text) {
        const w = await this.git.writeFile(this.template, p.text);
        if (w.ok) {
          this.written = { ...this.written, text: p.text };
          this.sidecarWanted = true;
        } else failed = w;
      }
      if (!failed && p.sidecar !== null && p.sidecar !== this.written.sidecar && this.sidecarWanted) {
        const w = await this.git.writeFile(this.sidecar, p.sidecar);
        if (w.ok) this.written = { ...this.written, sidecar: p.sidecar };
        else failed = w;
      }
      if (failed) {
        // keep it queued (a later flush tries again); the browser's copy has it meanwhile
        this.pending ??= p;
        return this.set({ saving: false, problem: { ...failed, message: `Your edits could not be written to the working copy: ${failed.message}` } });
      }
      const st = await this.git.status();
      this.set({ saving: this.pending !== null, ...(st.ok ? { status: st.value } : {}) });
    });
    return this.writing;
  }

  // ---- operations ----

  /** Runs one operation at a time, after the queued edits are written; failures are kept in `problem`. */
  private async op<T>(label: string, replacing: boolean, body: () => Promise<GitResult<T>>): Promise<GitResult<T>> {
    if (this.state.busy) return { ok: false, code: 'BUSY', message: `Wait for "${this.state.busy}" to finish.` } satisfies GitFailure;
    this.set({ busy: label, replacing, problem: null, notice: null });
    try {
      await this.flush();
      const r = await body();
      // a refused push is the banner's to tell
      if (!r.ok && r.code !== 'PUSH_REJECTED') this.set({ problem: r });
      return r;
    } finally {
      this.set({ busy: null, replacing: false });
    }
  }

  private async refreshStatus(): Promise<GitStatus | null> {
    const st = await this.git.status();
    if (st.ok) this.set({ status: st.value });
    return st.ok ? st.value : null;
  }

  commit(message: string, author: Author, opts: { push?: boolean } = {}): Promise<GitResult<{ oid: string; pushed: boolean }>> {
    return this.op<{ oid: string; pushed: boolean }>(opts.push ? 'Committing and pushing…' : 'Committing…', false, async () => {
      const c = await this.git.commit({ message, author });
      if (!c.ok) return c;
      await this.refreshStatus();
      if (!opts.push) {
        this.set({ notice: `Committed ${shortOid(c.value.oid)}.` });
        return { ok: true, value: { oid: c.value.oid, pushed: false } };
      }
      const p = await this.pushNow();
      if (!p.ok) return p;
      return { ok: true, value: { oid: c.value.oid, pushed: true } };
    });
  }

  push(): Promise<GitResult<{ oid: string }>> {
    return this.op('Pushing…', false, () => this.pushNow());
  }

  private async pushNow(): Promise<GitResult<{ oid: string }>> {
    const branch = this.state.status?.branch ?? 'main';
    const r = await this.git.push();
    if (r.ok) {
      const st = await this.refreshStatus();
      this.set({ notice: `Pushed ${shortOid(r.value.oid)} to ${st?.branch ?? branch}.`, ...(this.state.remote?.kind === 'rejected' || this.state.remote?.kind === 'deleted' ? { remote: null } : {}) });
      return r;
    }
    if (r.code === 'PUSH_REJECTED') await this.remoteMoved('rejected', branch, null);
    return r;
  }

  /** Fast-forwards to the server's head, carrying uncommitted edits; the document is loaded again. */
  pull(): Promise<GitResult<GitStatus>> {
    return this.op('Pulling…', true, async () => {
      const before = this.state.status?.head;
      const r = await this.git.pull();
      if (!r.ok) return r;
      if (r.value.head !== before) await this.reload();
      this.set({ remote: null, notice: r.value.head === before ? 'Already up to date.' : `Pulled ${r.value.branch} to ${shortOid(r.value.head ?? '')}.` });
      return r;
    });
  }

  /** Resets the branch to the server's head (refused with DIRTY_WORKTREE / UNPUSHED_COMMITS unless `discard`). */
  refresh(opts: { discard?: boolean } = {}): Promise<GitResult<GitStatus>> {
    return this.op('Refreshing…', true, async () => {
      const r = await this.git.refresh(opts);
      if (!r.ok) return r;
      await this.reload();
      this.set({ remote: null, notice: `${r.value.branch} is at the server's head, ${shortOid(r.value.head ?? '')}.` });
      return r;
    });
  }

  /**
   * Moves the local commits and uncommitted edits onto a new branch, pushed to the server; the
   * branch they came from goes back to the server's head. The document stays as it is.
   */
  moveToNewBranch(name: string): Promise<GitResult<GitStatus>> {
    return this.op(`Moving your changes to ${name}…`, false, async () => {
      const from = this.state.status?.branch;
      const r = await this.git.moveToNewBranch(name);
      if (!r.ok) return r;
      this.set({ status: r.value, remote: null, notice: `Your changes are on ${name}, pushed to the server${r.value.dirty ? ' (your uncommitted edits came along: commit them there)' : ''}.${from ? ` ${from} is at the server's head.` : ''}` });
      return r;
    });
  }

  /** Creates a branch from here, carrying the uncommitted edits onto it, and pushes it. */
  createBranch(name: string): Promise<GitResult<GitStatus>> {
    return this.op(`Creating ${name}…`, false, async () => {
      const r = await this.git.createBranch(name);
      if (!r.ok) return r;
      this.set({ status: r.value, remote: null, notice: `On ${name} now, pushed to the server${r.value.dirty ? '; your uncommitted edits came along' : ''}.` });
      return r;
    });
  }

  switchBranch(name: string, edits: EditsChoice): Promise<GitResult<GitStatus>> {
    return this.op(`Switching to ${name}…`, true, async () => {
      const r = await this.git.switchBranch(name, { edits });
      if (!r.ok) return r;
      await this.reload();
      const { carried, restored } = r.value;
      const said = carried.length ? ` Your edits came along (${carried.join(', ')}).` : restored.length ? ` The edits you left here are back (${restored.join(', ')}).` : '';
      this.set({ remote: null, notice: `On ${name}.${said}` });
      const st = this.state.status;
      return st ? { ok: true, value: st } : { ok: false, code: 'GIT_FAILED', message: 'No status after switching.' };
    });
  }

  log(limit = 20): Promise<GitResult<CommitInfo[]>> {
    return this.git.log({ limit });
  }

  branches(): Promise<GitResult<BranchInfo[]>> {
    return this.git.listBranches();
  }

  dismissNotice(): void {
    this.set({ notice: null, problem: null });
  }

  /** Puts away the remote's banner (a deleted branch: the user has read it). */
  dismissRemote(): void {
    this.set({ remote: null });
  }

  // ---- the remote moved ----

  /** A ref change the server announced (SSE). */
  async onRefChange(change: RefChange): Promise<void> {
    const st = this.state.status;
    if (this.state.phase !== 'ready' || !st) return;
    if (change.ref !== `refs/heads/${st.branch}`) return;
    if (change.newOid === ZERO) {
      // nothing to fetch: the working copy keeps its edits and commits, and a push makes the branch again
      this.set({ remote: { kind: 'deleted', branch: st.branch, oid: '', author: null, message: null, time: null } });
      return;
    }
    if (change.newOid === st.head || change.newOid === st.remoteHead) {
      // our own push coming back, or one we already know of
      if (change.newOid !== st.remoteHead) await this.refreshStatus();
      return;
    }
    await this.remoteMoved('moved', st.branch, change);
  }

  /** After a reconnect (events may have been missed): asks the server where the branch is. */
  async checkRemote(): Promise<void> {
    if (this.state.phase !== 'ready' || this.state.busy) return;
    const before = this.state.status?.remoteHead ?? null;
    const f = await this.git.fetch();
    if (!f.ok) return;
    this.set({ status: f.value });
    if (f.value.remoteHead !== before && (f.value.relation === 'behind' || f.value.relation === 'diverged')) await this.remoteMoved('moved', f.value.branch, null);
  }

  /** Shows the banner at once with what is known, then fetches and fills in the rest. */
  private async remoteMoved(kind: RemoteMove['kind'], branch: string, change: RefChange | null): Promise<void> {
    if (change) {
      this.set({ remote: { kind, branch, oid: change.newOid, author: change.author || null, message: change.message || null, time: change.time || null } });
    }
    const f = await this.git.fetch();
    if (!f.ok) {
      if (!change) this.set({ remote: { kind, branch, oid: '', author: null, message: null, time: null } });
      return;
    }
    const st = f.value;
    this.set({ status: st });
    if (kind === 'moved' && (st.relation === 'same' || st.relation === 'ahead' || st.relation === 'no-remote')) {
      // nothing new for us after all (our own push, or a branch deleted)
      if (this.state.remote?.kind === 'moved') this.set({ remote: null });
      return;
    }
    const oid = st.remoteHead ?? change?.newOid ?? '';
    if (change && change.newOid === oid && change.author) return;
    const c = oid ? await this.git.readCommit(oid) : null;
    const info = c?.ok ? c.value : null;
    this.set({
      remote: {
        kind,
        branch,
        oid,
        author: info ? `${info.author.name} <${info.author.email}>` : (change?.author ?? null),
        message: info ? (info.message.split('\n')[0] ?? '') : (change?.message ?? null),
        time: info ? new Date(info.author.timestamp * 1000).toISOString() : (change?.time ?? null),
      },
    });
  }
}

/** A branch name for moving work aside that the server does not have yet: `main-edits`, `main-edits-2`, ... */
export function suggestBranchName(from: string, taken: ReadonlySet<string>): string {
  const base = `${from.replace(/-edits(-\d+)?$/, '')}-edits`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
