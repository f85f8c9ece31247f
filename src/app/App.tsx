import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'react-redux';
import type { SampleInfo } from '../protocol/samples.ts';
import { selectGraph } from '../store/document/selectors.ts';
import { nodesPlaced } from '../store/layout/slice.ts';
import { useAppDispatch } from '../store/hooks.ts';
import type { KeyValueStore } from '../store/persistence/kv.ts';
import type { RootState } from '../store/store.ts';
import type { StageState } from '../store/document/stage.ts';
import { Editor } from './Editor.tsx';
import { DropZone } from './open/DropZone.tsx';
import { readFiles } from './open/readFiles.ts';
import { useSwitchDocument } from './open/useSwitchDocument.tsx';
import type { Incoming } from './open/useSwitchDocument.tsx';
import { fetchSample } from './sample.ts';
import { useOpening } from './useOpening.ts';
import './open/open.css';

/** The starter gallery: a lazy chunk, fetched when asked for. */
const Gallery = lazy(() => import('./open/Gallery.tsx').then((m) => ({ default: m.Gallery })));
/** The server's stacks (git repositories): a lazy chunk too. */
const StacksDialog = lazy(() => import('./stacks/StacksDialog.tsx').then((m) => ({ default: m.StacksDialog })));

const SAMPLE = 'orders-api.yaml';
/** What the file picker offers (a drop takes any file, and says what it is not). */
const ACCEPT = '.yaml,.yml,.json,.template,application/json,application/yaml,text/yaml';

interface Props {
  readonly kv: KeyValueStore;
}

interface Message {
  readonly tone: 'error' | 'notice';
  readonly text: string;
  readonly code?: string;
}

interface Next extends Incoming {
  /** Said once it is open (a YAML error, an ignored layout). */
  readonly message?: Message;
}

interface OpenDocument extends Incoming {
  /** A new key mounts a new editor: a fresh history for the new document. */
  readonly key: number;
  readonly saved: boolean;
  readonly restoredAt?: string;
  /** Restored work: the stage a serverless.yml was shown for. */
  readonly stage?: StageState;
  /** Restored work: new Timers on the canvas, not in the file yet. */
  readonly drafts?: readonly string[];
}

export function App({ kv }: Props) {
  const opening = useOpening(SAMPLE, kv);
  const [opened, setOpened] = useState<OpenDocument | null>(null);
  const doc: OpenDocument | null = opened ?? (opening.status === 'loaded' ? { key: 0, ...opening } : null);
  const [gallery, setGallery] = useState(false);
  const [stacks, setStacks] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const store = useStore<RootState>();
  const dispatch = useAppDispatch();

  const open = useCallback((next: Next) => {
    setOpened((d) => ({ key: (d?.key ?? 0) + 1, name: next.name, text: next.text, saved: true, ...(next.layout ? { layout: next.layout } : {}) }));
    setGallery(false);
    setMessage(next.message ?? null);
  }, []);
  const switcher = useSwitchDocument<Next>(open);

  const openSample = async (s: Pick<SampleInfo, 'file'>) => {
    const r = await fetchSample(s.file, (url, init) => fetch(url, init));
    if (!r.ok) return { code: r.code, message: `Could not open ${s.file}: ${r.message}` };
    switcher.request({ name: s.file, text: r.text });
    return null;
  };

  const openFiles = async (files: File[]) => {
    const r = await readFiles(files);
    if (!r.ok) return setMessage({ tone: 'error', text: `Nothing was opened: ${r.problem.message}`, code: r.problem.code });
    if (r.kind === 'layout') {
      // a layout alone places the nodes of the open document that it knows
      const ids = new Set(selectGraph(store.getState()).nodes.map((n) => n.id));
      const known = Object.fromEntries(Object.entries(r.layout).filter(([id]) => ids.has(id)));
      const name = store.getState().document.name;
      if (!Object.keys(known).length) return setMessage({ tone: 'error', text: `Nothing was opened: the layout ${r.name} places none of the nodes of ${name}.`, code: 'LAYOUT_NO_MATCH' });
      dispatch(nodesPlaced(known));
      return setMessage({ tone: 'notice', text: [`Placed ${Object.keys(known).length} nodes of ${name} from ${r.name}.`, ...r.notes].join(' ') });
    }
    const said = [...r.notes];
    if (r.error) {
      const where = r.error.range ? ` (line ${r.error.range.start.line})` : '';
      const why = /[.!?]$/.test(r.error.message) ? r.error.message : `${r.error.message}.`;
      said.unshift(`${r.name} is open, but its YAML does not parse${where}: ${why} Fix it in the YAML panel; the canvas draws the stack once it parses.`);
    }
    switcher.request({ name: r.name, text: r.text, ...(r.layout ? { layout: r.layout } : {}), ...(said.length ? { message: { tone: 'notice', text: said.join(' ') } } : {}) });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        fileInput.current?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Cairn</h1>
        <p className="app-tagline">A visual editor for AWS serverless stacks</p>
        {doc?.restoredAt && opened === null && (
          <p className="app-restored" role="status" data-testid="app.restored">
            Restored your unsaved work from {new Date(doc.restoredAt).toLocaleString()}.
            <button type="button" onClick={() => void openSample({ file: SAMPLE }).then((p) => p && setMessage({ tone: 'error', ...p, text: p.message }))}>
              Open the sample instead
            </button>
          </p>
        )}
        <div className="app-actions">
          <button type="button" data-testid="app.stacks" title="Stacks kept in git on this server: open, create, import" onClick={() => setStacks(true)}>
            Stacks…
          </button>
          <button type="button" data-testid="app.new" onClick={() => setGallery(true)}>
            New from starter…
          </button>
          <button type="button" data-testid="app.open" title="Open a template, with its .cairn.json layout (Ctrl+O)" onClick={() => fileInput.current?.click()}>
            Open file…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            multiple
            accept={ACCEPT}
            data-testid="app.open-input"
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              if (files.length) void openFiles(files);
            }}
          />
        </div>
      </header>
      {message && (
        <div className={`app-message app-message-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid={message.tone === 'error' ? 'app.error' : 'app.notice'}>
          <span>
            {message.text} {message.code && <code>{message.code}</code>}
          </span>
          <button type="button" aria-label="Dismiss" onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <main className="app-main">
        {opening.status === 'loading' && !doc && (
          <p className="status" role="status">
            Loading…
          </p>
        )}
        {opening.status === 'failed' && !doc && (
          <p className="status status-error" role="alert">
            Could not load {SAMPLE}: {opening.message} <code>{opening.code}</code>
          </p>
        )}
        {doc && <Editor key={doc.key} name={doc.name} text={doc.text} saved={doc.saved} {...(doc.layout ? { layout: doc.layout } : {})} {...(doc.stage ? { stage: doc.stage } : {})} {...(doc.drafts ? { drafts: doc.drafts } : {})} />}
      </main>
      <DropZone onFiles={(files) => void openFiles(files)} />
      {gallery && (
        <Suspense fallback={null}>
          <Gallery onPick={openSample} onClose={() => setGallery(false)} />
        </Suspense>
      )}
      {stacks && (
        <Suspense fallback={null}>
          <StacksDialog onClose={() => setStacks(false)} />
        </Suspense>
      )}
      {switcher.prompt}
    </div>
  );
}
