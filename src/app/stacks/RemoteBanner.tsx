import { useEffect, useState } from 'react';
import { hasUnpushed, shortOid, suggestBranchName } from './session.ts';
import type { RemoteMove, SessionState, StackSession } from './session.ts';
import { timeAgo } from './timeAgo.ts';

interface Props {
  readonly session: StackSession;
  readonly state: SessionState;
  readonly remote: RemoteMove;
}

type Step = 'ask' | 'confirm-refresh' | 'name-branch';

/** "Name <email>" → "Name". */
const personOf = (author: string): string => author.replace(/\s*<[^>]*>\s*$/, '') || author;

/**
 * The branch moved on the server (a teammate, a terminal, another window), or our push lost
 * the race: who moved it and with what, and the two ways on. Or it was deleted there (an
 * external stack's remote): nothing is lost here, and a push makes it again. Refreshing never drops work
 * silently: with uncommitted edits or unpushed commits it asks first.
 */
export function RemoteBanner({ session, state, remote }: Props) {
  const [step, setStep] = useState<Step>('ask');
  const [name, setName] = useState('');
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const st = state.status;
  const busy = state.busy !== null;
  const dirty = st?.dirty ?? false;
  const unpushed = st ? hasUnpushed(st) : false;
  useEffect(() => setStep('ask'), [remote.oid, remote.kind]);
  useEffect(() => {
    if (step !== 'name-branch') return;
    let gone = false;
    void session.branches().then((r) => {
      if (gone || !r.ok) return;
      const names = new Set(r.value.map((b) => b.name));
      setTaken(names);
      setName((n) => n || suggestBranchName(remote.branch, names));
    });
    return () => {
      gone = true;
    };
  }, [step, session, remote.branch]);

  const refresh = () => {
    if (dirty || unpushed) return setStep('confirm-refresh');
    void session.refresh();
  };
  const move = async () => {
    const n = name.trim() || suggestBranchName(remote.branch, taken);
    const r = await session.moveToNewBranch(n);
    if (r.ok) setStep('ask');
  };
  if (remote.kind === 'deleted') {
    return (
      <div className="remote-banner remote-banner-deleted" role="alert" data-testid="git.remote-changed" data-kind="deleted" data-oid="">
        <p className="remote-banner-text">
          <strong>{remote.branch} was deleted on the server. </strong>
          <span data-testid="git.remote-changed.head">Your edits and commits here are kept; a push makes the branch again.</span>
        </p>
        <div className="remote-banner-actions">
          <button type="button" data-testid="git.remote-changed.dismiss" onClick={() => session.dismissRemote()}>
            Dismiss
          </button>
        </div>
      </div>
    );
  }
  const yours = [dirty ? `uncommitted edits (${st?.changed.join(', ')})` : null, unpushed ? 'commits the server does not have' : null].filter(Boolean).join(' and ');
  const when = remote.time ? timeAgo(Date.parse(remote.time)) : null;

  return (
    <div className={`remote-banner remote-banner-${remote.kind}`} role="alert" data-testid="git.remote-changed" data-kind={remote.kind} data-oid={remote.oid}>
      <p className="remote-banner-text">
        {remote.kind === 'rejected' ? <strong>Your push was refused: {remote.branch} moved on the server. </strong> : <strong>{remote.branch} moved on the server. </strong>}
        {remote.message !== null ? (
          <span data-testid="git.remote-changed.head">
            Now at “{remote.message}”{remote.author ? ` by ${personOf(remote.author)}` : ''}
            {when ? `, ${when}` : ''}
            {remote.oid ? <> (<code>{shortOid(remote.oid)}</code>)</> : null}.
          </span>
        ) : (
          <span data-testid="git.remote-changed.head">{remote.oid ? <>Now at <code>{shortOid(remote.oid)}</code>.</> : 'Reading the new head…'}</span>
        )}
      </p>
      {step === 'ask' && (
        <div className="remote-banner-actions">
          <button type="button" data-testid="git.remote-changed.refresh" disabled={busy} onClick={refresh} title={`Reset to the server's ${remote.branch}`}>
            Refresh
          </button>
          <button type="button" data-testid="git.remote-changed.move" disabled={busy} onClick={() => setStep('name-branch')} title="Keep your edits and commits on a branch of their own">
            Move my changes to a new branch
          </button>
        </div>
      )}
      {step === 'confirm-refresh' && (
        <div className="remote-banner-actions" data-testid="git.remote-changed.confirm">
          <span>You have {yours}: refreshing would drop them.</span>
          <button type="button" className="primary" data-testid="git.remote-changed.move-first" disabled={busy} onClick={() => setStep('name-branch')}>
            Move them to a new branch first
          </button>
          <button
            type="button"
            className="danger"
            data-testid="git.remote-changed.discard"
            disabled={busy}
            onClick={() => void session.refresh({ discard: true })}
          >
            Discard them and refresh
          </button>
          <button type="button" disabled={busy} onClick={() => setStep('ask')}>
            Cancel
          </button>
        </div>
      )}
      {step === 'name-branch' && (
        <form
          className="remote-banner-actions"
          onSubmit={(e) => {
            e.preventDefault();
            void move();
          }}
        >
          <label>
            New branch
            <input data-testid="git.move-branch-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder={suggestBranchName(remote.branch, taken)} />
          </label>
          <button type="submit" className="primary" data-testid="git.move-branch-submit" disabled={busy}>
            Move my changes there
          </button>
          <button type="button" disabled={busy} onClick={() => setStep('ask')}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
