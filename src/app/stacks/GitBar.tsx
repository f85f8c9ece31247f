import { useEffect, useState } from 'react';
import type { BranchInfo, CommitInfo } from '../../git/engine.ts';
import { Modal } from '../Modal.tsx';
import { authorProblem, readAuthor, writeAuthor } from './author.ts';
import { hasUnpushed, shortOid, suggestBranchName } from './session.ts';
import type { SessionState, StackSession } from './session.ts';
import { timeAgo } from './timeAgo.ts';

interface Props {
  readonly session: StackSession;
  readonly state: SessionState;
}

type Dialog = 'commit' | 'branches' | 'create' | 'history' | null;

const NOTICE_MS = 10_000;

/** The git bar: branch, what is uncommitted or unpushed, and the git actions. */
export function GitBar({ session, state }: Props) {
  const [dialog, setDialog] = useState<Dialog>(null);
  // a success fades after a while; an error stays until dismissed
  const notice = state.problem ? null : state.notice;
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => session.dismissNotice(), NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice, session]);
  const st = state.status;
  const busy = state.busy !== null;
  if (!st) return <div className="git-bar" data-testid="git.bar" aria-busy="true" />;
  const ahead = hasUnpushed(st);
  const close = () => setDialog(null);
  return (
    <div className="git-bar" data-testid="git.bar" role="group" aria-label="Git">
      <button type="button" className="git-branch" data-testid="git.branch" title="Branches: switch, or create one" onClick={() => setDialog('branches')}>
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" className="git-branch-icon">
          <path fill="currentColor" d="M5 3.25a.75.75 0 1 1-1.5 0 .75.75 0 0 1 1.5 0Zm0 2.12a2.25 2.25 0 1 0-1.5 0v5.26a2.25 2.25 0 1 0 1.5 0V9.2c.55.44 1.25.7 2 .7h2.5a1.5 1.5 0 0 0 1.5-1.5v-.37a2.25 2.25 0 1 0-1.5 0v.37H7a2 2 0 0 1-2-2V5.37ZM11.5 6.25a.75.75 0 1 1 0-1.5.75.75 0 0 1 0 1.5ZM4.25 13.5a.75.75 0 1 1 0-1.5.75.75 0 0 1 0 1.5Z" />
        </svg>{' '}
        {st.branch}
      </button>
      <span
        className={`git-state ${st.dirty ? 'git-state-dirty' : 'git-state-clean'}`}
        data-testid="git.dirty"
        data-dirty={st.dirty ? 'true' : 'false'}
        title={st.dirty ? `Uncommitted: ${st.changed.join(', ')}` : `Everything is committed${st.head ? ` (${shortOid(st.head)})` : ''}`}
      >
        {state.saving ? 'Saving…' : st.dirty ? `● ${st.changed.length === 1 ? '1 file' : `${st.changed.length} files`} changed` : '✓ Committed'}
      </span>
      {ahead && (
        <span className="git-ahead" data-testid="git.ahead" title="Commits here that the server does not have yet">
          ↑ not pushed
        </span>
      )}
      <button type="button" data-testid="git.commit" disabled={busy || !st.dirty} onClick={() => setDialog('commit')} title={st.dirty ? 'Commit your changes' : 'Nothing to commit'}>
        Commit…
      </button>
      <button type="button" data-testid="git.push" disabled={busy || !ahead} onClick={() => void session.push()} title={ahead ? `Push ${st.branch} to the server` : 'Nothing to push'}>
        Push
      </button>
      <button type="button" data-testid="git.pull" disabled={busy} onClick={() => void session.pull()} title={`Bring ${st.branch} up to the server's head`}>
        Pull
      </button>
      <button type="button" data-testid="git.history" disabled={busy} onClick={() => setDialog('history')}>
        History
      </button>
      {state.busy && (
        <span className="git-busy" role="status" data-testid="git.busy">
          {state.busy}
        </span>
      )}
      {!state.busy && state.problem && (
        <div className="app-message app-message-error git-toast" role="alert" data-testid="git.problem">
          <span>
            {state.problem.message} <code>{state.problem.code}</code>
          </span>
          <button type="button" aria-label="Dismiss" onClick={() => session.dismissNotice()}>
            ×
          </button>
        </div>
      )}
      {!state.busy && !state.problem && state.notice && (
        <div className="app-message git-toast" role="status" data-testid="git.notice">
          <span>{state.notice}</span>
          <button type="button" aria-label="Dismiss" onClick={() => session.dismissNotice()}>
            ×
          </button>
        </div>
      )}
      {dialog === 'commit' && <CommitDialog session={session} state={state} onClose={close} />}
      {dialog === 'branches' && <BranchesDialog session={session} state={state} onClose={close} onCreate={() => setDialog('create')} />}
      {dialog === 'create' && <CreateBranchDialog session={session} state={state} onClose={close} />}
      {dialog === 'history' && <HistoryDialog session={session} onClose={close} />}
    </div>
  );
}

function CommitDialog({ session, state, onClose }: Props & { onClose(): void }) {
  const saved = readAuthor();
  const [message, setMessage] = useState('');
  const [name, setName] = useState(saved?.name ?? '');
  const [email, setEmail] = useState(saved?.email ?? '');
  const [editAuthor, setEditAuthor] = useState(!saved);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (push: boolean) => {
    const author = { name: name.trim(), email: email.trim() };
    const why = !message.trim() ? 'Say what this commit changes.' : authorProblem(author);
    if (why) return setProblem(why);
    writeAuthor(author);
    const r = await session.commit(message.trim(), author, { push });
    // a refused push still made the commit: the banner takes it from here
    if (r.ok || r.code === 'PUSH_REJECTED') onClose();
    else setProblem(`${r.message} (${r.code})`);
  };
  const busy = state.busy !== null;
  return (
    <Modal label="Commit" testId="git.commit-dialog" className="git-dialog" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(true);
        }}
      >
        <h2>Commit to {state.status?.branch}</h2>
        <p className="git-dialog-files" data-testid="git.commit-files">
          {state.status?.changed.join(', ')}
        </p>
        <label>
          Message
          <textarea data-testid="git.commit-message" data-autofocus rows={3} value={message} onChange={(e) => setMessage(e.target.value)} placeholder="Add an orders queue" required />
        </label>
        {editAuthor ? (
          <fieldset className="git-author">
            <legend>Author (kept in this browser)</legend>
            <label>
              Name
              <input data-testid="git.author-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
            </label>
            <label>
              Email
              <input data-testid="git.author-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
            </label>
          </fieldset>
        ) : (
          <p className="git-author-line">
            As {name} &lt;{email}&gt;{' '}
            <button type="button" className="link" data-testid="git.author-change" onClick={() => setEditAuthor(true)}>
              change
            </button>
          </p>
        )}
        {problem && (
          <p className="git-dialog-problem" role="alert" data-testid="git.commit-problem">
            {problem}
          </p>
        )}
        <div className="git-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" data-testid="git.commit-submit" disabled={busy} onClick={() => void submit(false)}>
            Commit
          </button>
          <button type="submit" className="primary" data-testid="git.commit-push" disabled={busy}>
            Commit and push
          </button>
        </div>
      </form>
    </Modal>
  );
}

function useBranches(session: StackSession): { branches: BranchInfo[] | null; error: string | null } {
  const [branches, setBranches] = useState<BranchInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    void session.branches().then((r) => {
      if (gone) return;
      if (r.ok) setBranches(r.value);
      else setError(`${r.message} (${r.code})`);
    });
    return () => {
      gone = true;
    };
  }, [session]);
  return { branches, error };
}

function BranchesDialog({ session, state, onClose, onCreate }: Props & { onClose(): void; onCreate(): void }) {
  const { branches, error } = useBranches(session);
  const [target, setTarget] = useState<string | null>(null);
  const current = state.status?.branch;
  const dirty = state.status?.dirty ?? false;
  const pick = (name: string) => {
    if (name === current) return onClose();
    if (dirty) return setTarget(name);
    void session.switchBranch(name, 'carry').then(onClose);
  };
  return (
    <Modal label="Branches" testId="git.branches" className="git-dialog" onClose={onClose}>
      <h2>Branches</h2>
      {error && (
        <p className="git-dialog-problem" role="alert">
          {error}
        </p>
      )}
      {!branches && !error && <p role="status">Asking the server…</p>}
      {target ? (
        <div className="git-switch-choice" data-testid="git.switch-choice">
          <p>
            You have uncommitted edits on {current} ({state.status?.changed.join(', ')}). Switch to <strong>{target}</strong> and:
          </p>
          <div className="git-dialog-actions">
            <button type="button" onClick={() => setTarget(null)}>
              Cancel
            </button>
            <button type="button" data-testid="git.switch-leave" onClick={() => void session.switchBranch(target, 'leave').then(onClose)}>
              Leave them on {current}
            </button>
            <button type="button" className="primary" data-testid="git.switch-carry" onClick={() => void session.switchBranch(target, 'carry').then(onClose)}>
              Take them to {target}
            </button>
          </div>
        </div>
      ) : (
        <ul className="git-branch-list">
          {branches?.map((b) => (
            <li key={b.name}>
              <button type="button" data-testid="git.branch-item" data-branch={b.name} aria-current={b.name === current ? 'true' : undefined} onClick={() => pick(b.name)}>
                <span className="git-branch-name">{b.name}</span>
                <code>{shortOid(b.oid)}</code>
                {b.name === current && <span className="git-branch-current">current</span>}
              </button>
            </li>
          ))}
          {branches && !branches.some((b) => b.name === current) && current && (
            <li>
              <button type="button" aria-current="true" disabled>
                <span className="git-branch-name">{current}</span> <span className="git-branch-current">current, not on the server yet</span>
              </button>
            </li>
          )}
        </ul>
      )}
      {!target && (
        <div className="git-dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" data-testid="git.create-branch" onClick={onCreate}>
            Create branch…
          </button>
        </div>
      )}
    </Modal>
  );
}

function CreateBranchDialog({ session, state, onClose }: Props & { onClose(): void }) {
  const { branches } = useBranches(session);
  const current = state.status?.branch ?? 'main';
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const taken = new Set((branches ?? []).map((b) => b.name));
  const submit = async () => {
    const n = name.trim();
    if (!n) return setProblem('Name the branch.');
    const r = await session.createBranch(n);
    if (r.ok) onClose();
    else setProblem(`${r.message} (${r.code})`);
  };
  return (
    <Modal label="Create branch" testId="git.create-dialog" className="git-dialog" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>Create a branch from {current}</h2>
        <p>{state.status?.dirty ? `Your uncommitted edits (${state.status.changed.join(', ')}) move to the new branch; ${current} keeps its last commit.` : `The new branch starts at ${current}'s last commit.`} It is pushed to the server.</p>
        <label>
          Branch name
          <input data-testid="git.new-branch-name" data-autofocus value={name} placeholder={suggestBranchName(current, taken)} onChange={(e) => setName(e.target.value)} />
        </label>
        {problem && (
          <p className="git-dialog-problem" role="alert" data-testid="git.create-problem">
            {problem}
          </p>
        )}
        <div className="git-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="git.new-branch-submit" disabled={state.busy !== null}>
            Create and switch
          </button>
        </div>
      </form>
    </Modal>
  );
}

function HistoryDialog({ session, onClose }: { session: StackSession; onClose(): void }) {
  const [log, setLog] = useState<CommitInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    void session.log(30).then((r) => {
      if (gone) return;
      if (r.ok) setLog(r.value);
      else setError(r.code === 'GIT_FAILED' ? 'No commits yet.' : `${r.message} (${r.code})`);
    });
    return () => {
      gone = true;
    };
  }, [session]);
  const now = Date.now();
  return (
    <Modal label="History" testId="git.history-dialog" className="git-dialog" onClose={onClose}>
      <h2>History of {session.getState().status?.branch}</h2>
      {error && <p role="status">{error}</p>}
      {!log && !error && <p role="status">Reading…</p>}
      <ol className="git-history" data-testid="git.history-list">
        {log?.map((c) => (
          <li key={c.oid} data-testid="git.history-item">
            <span className="git-history-message">{c.message.split('\n')[0]}</span>
            <span className="git-history-meta">
              {c.author.name} · <time dateTime={new Date(c.author.timestamp * 1000).toISOString()}>{timeAgo(c.author.timestamp * 1000, now)}</time> · <code>{shortOid(c.oid)}</code>
            </span>
          </li>
        ))}
      </ol>
      <div className="git-dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
