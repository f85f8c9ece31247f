import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import type { RefChange } from '../../protocol/stacks.ts';
import type { KeyValueStore } from '../../store/persistence/kv.ts';
import { loadWork, stackWorkKey, WORK_KEY } from '../../store/persistence/workInProgress.ts';
import type { SavedWork, WorkBase } from '../../store/persistence/workInProgress.ts';
import type { DocumentChanges } from '../../store/persistence/documentChanges.ts';
import { Editor } from '../Editor.tsx';
import { CSRF_HEADER, csrfToken, getStack } from './api.ts';
import { StackSession } from './session.ts';
import type { SessionState } from './session.ts';
import { GitBar } from './GitBar.tsx';
import { RemoteBanner } from './RemoteBanner.tsx';
import './stacks.css';

const StacksDialog = lazy(() => import('./StacksDialog.tsx').then((m) => ({ default: m.StacksDialog })));

/** What the work-in-progress record of this page needs: its key (once the working copy is known) and the branch and commit being edited. */
export interface StackWork {
  key: string | null;
  base: WorkBase | null;
}

/**
 * A stack renamed on the server while a tab had it open: the tab hands its work over to the
 * page it opens on the new name (this tab's sessionStorage), which restores it into its own
 * working copy. The work itself stays where it is kept (written on pagehide); only its key
 * travels.
 */
const handoverKey = (stack: string) => `cairn.renamedFrom.${stack}`;

function handOverWork(to: string, key: string | null): void {
  try {
    if (key) sessionStorage.setItem(handoverKey(to), key);
  } catch {
    // no session storage: the new page opens on the server's head; the old key keeps the work
  }
}

function takeHandedOverWork(stack: string): string | null {
  try {
    const key = sessionStorage.getItem(handoverKey(stack));
    sessionStorage.removeItem(handoverKey(stack));
    return key?.startsWith(`${WORK_KEY}:stack:`) ? key : null;
  } catch {
    return null;
  }
}

interface Props {
  readonly stack: string;
  readonly kv: KeyValueStore;
  readonly work: StackWork;
  readonly changes: DocumentChanges;
}

type Opening = { readonly session: StackSession; readonly template: string; readonly work: SavedWork | null } | { readonly failed: { code: string; message: string } } | null;

/**
 * The editor on a stack the server hosts (`/?stack=<name>`): the tab's git working copy (a
 * worker, loaded on demand), the git bar, the remote-change banner, and the editor on the
 * working copy's template.
 */
export default function StackApp({ stack, kv, work: record, changes }: Props) {
  const [opening, setOpening] = useState<Opening>(null);
  const [stacks, setStacks] = useState(false);

  useEffect(() => {
    let gone = false;
    let dispose = () => {};
    void (async () => {
      const info = await getStack(stack);
      if (gone) return;
      if (!info.ok) return setOpening({ failed: info });
      const { createGitClient, claimWorkingCopy } = await import('../../git/client.ts');
      const copy = await claimWorkingCopy(stack);
      if (gone) return;
      const client = createGitClient({ stack, tabId: copy, headers: { [CSRF_HEADER]: csrfToken() } });
      const key = stackWorkKey(stack, copy);
      const handedOver = takeHandedOverWork(stack);
      const work = (await loadWork(kv, key)) ?? (handedOver ? await loadWork(kv, handedOver) : null);
      record.key = key;
      const session = new StackSession(client, { template: info.value.template, restore: async () => work });
      dispose = () => {
        session.dispose();
        client.dispose();
      };
      if (gone) return dispose();
      setOpening({ session, template: info.value.template, work });
      await session.open();
      // handed-over work is in this working copy now (the session writes what it restores)
      if (handedOver && session.getState().phase === 'ready') await kv.delete(handedOver).catch(() => undefined);
    })();
    return () => {
      gone = true;
      dispose();
    };
  }, [stack, kv, record]);

  const session = opening && 'session' in opening ? opening.session : null;
  return (
    <div className="app stack-app">
      <header className="app-header stack-header">
        <h1 className="app-title">Cairn</h1>
        <p className="stack-name" data-testid="stack.name" title={opening && 'template' in opening ? `${stack}: ${opening.template}` : stack}>
          {stack}
          {opening && 'template' in opening && <span className="stack-template">{opening.template}</span>}
        </p>
        {session && <SessionBar session={session} />}
        <div className="app-actions">
          <button type="button" data-testid="app.stacks" onClick={() => setStacks(true)}>
            Stacks…
          </button>
        </div>
      </header>
      {opening && 'failed' in opening && (
        <p className="status status-error" role="alert" data-testid="stack.error">
          Could not open the stack {stack}: {opening.failed.message} <code>{opening.failed.code}</code>
        </p>
      )}
      {session && opening && 'session' in opening && <SessionEditor stack={stack} session={session} template={opening.template} work={opening.work} record={record} changes={changes} />}
      {stacks && (
        <Suspense fallback={null}>
          <StacksDialog current={stack} onClose={() => setStacks(false)} />
        </Suspense>
      )}
    </div>
  );
}

function useSession(session: StackSession): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

function SessionBar({ session }: { readonly session: StackSession }) {
  const state = useSession(session);
  return <GitBar session={session} state={state} />;
}

function SessionEditor({ stack, session, template, work, record, changes }: { stack: string; session: StackSession; template: string; work: SavedWork | null; record: StackWork; changes: DocumentChanges }) {
  const state = useSession(session);
  const [live, setLive] = useState<'connecting' | 'live' | 'lost' | 'gone'>('connecting');
  const [renamedTo, setRenamedTo] = useState<string | null>(null);
  const ready = state.phase === 'ready';
  const branch = state.status?.branch;
  const head = state.status?.head ?? null;
  record.base = branch ? { branch, head } : null;

  // the tab says which stack and branch, and whether anything is uncommitted
  const dirty = state.status?.dirty ?? false;
  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${stack}${branch ? ` (${branch})` : ''} · Cairn`;
  }, [dirty, stack, branch]);

  // every change in the editor goes to the working copy (batched by the session)
  useEffect(() => {
    if (!ready) return;
    return changes.listen((c) => session.edited(c.text, c.sidecar, c.placedByUser));
  }, [ready, session, changes]);

  // the server announces every ref change of this stack (server-sent events)
  useEffect(() => {
    if (!ready || typeof EventSource === 'undefined') return;
    const events = new EventSource(`/api/stacks/${encodeURIComponent(stack)}/events`);
    let opened = false;
    events.addEventListener('ref', (e) => {
      let change: RefChange;
      try {
        change = JSON.parse((e as MessageEvent<string>).data) as RefChange;
      } catch {
        return;
      }
      void session.onRefChange(change);
    });
    // the stack was renamed or removed on the server: its name no longer means this stack
    events.addEventListener('gone', (e) => {
      events.close();
      let to: unknown = null;
      try {
        to = (JSON.parse((e as MessageEvent<string>).data) as { renamedTo?: unknown }).renamedTo;
      } catch {
        // no new name to offer
      }
      setRenamedTo(typeof to === 'string' && to ? to : null);
      setLive('gone');
    });
    events.onopen = () => {
      // after a reconnect, announcements may have been missed: ask where the branch is
      if (opened) void session.checkRemote();
      opened = true;
      setLive('live');
    };
    events.onerror = () => setLive(events.readyState === EventSource.CLOSED ? 'lost' : 'connecting');
    return () => events.close();
  }, [ready, session, stack]);

  if (state.phase === 'opening') {
    return (
      <main className="app-main">
        <p className="status" role="status" data-testid="stack.opening">
          Opening {template} from git…
        </p>
      </main>
    );
  }
  if (state.phase === 'failed') {
    return (
      <main className="app-main">
        <p className="status status-error" role="alert" data-testid="stack.error">
          Could not open the working copy: {state.problem?.message} <code>{state.problem?.code}</code>
        </p>
      </main>
    );
  }
  const doc = state.doc;
  const first = doc?.key === 1;
  return (
    <>
      {state.remote && <RemoteBanner session={session} state={state} remote={state.remote} />}
      <main className="app-main" inert={state.replacing} aria-busy={state.replacing}>
        {doc && (
          <Editor
            key={doc.key}
            name={template}
            text={doc.text}
            saved
            {...(doc.layout ? { layout: doc.layout } : {})}
            {...(first && work?.stage ? { stage: work.stage } : {})}
            {...(first && work?.drafts && state.restored ? { drafts: work.drafts } : {})}
          />
        )}
      </main>
      <p className={`stack-live stack-live-${live}`} data-testid="git.live" data-state={live} title="Changes pushed to this stack from anywhere are shown as they happen">
        {live === 'live'
          ? 'Watching for changes'
          : live === 'connecting'
            ? 'Connecting…'
            : live === 'gone'
              ? renamedTo
                ? `Not watching: this stack was renamed to ${renamedTo} on the server`
                : 'Not watching: this stack was removed on the server'
              : 'Not watching: reload the page'}
        {live === 'gone' && renamedTo && (
          <button
            type="button"
            className="stack-live-open"
            data-testid="git.gone.open"
            onClick={() => {
              handOverWork(renamedTo, record.key);
              location.assign(`/?stack=${encodeURIComponent(renamedTo)}`);
            }}
          >
            Open {renamedTo}, with your edits
          </button>
        )}
      </p>
    </>
  );
}
