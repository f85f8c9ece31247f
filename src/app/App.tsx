import { useState } from 'react';
import type { KeyValueStore } from '../store/persistence/kv.ts';
import { Editor } from './Editor.tsx';
import { useOpening } from './useOpening.ts';

const SAMPLE = 'orders-api.yaml';

interface Props {
  readonly kv: KeyValueStore;
}

export function App({ kv }: Props) {
  const [fresh, setFresh] = useState(0);
  const opening = useOpening(SAMPLE, kv, fresh);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Cairn</h1>
        <p className="app-tagline">A visual editor for AWS serverless stacks</p>
        {opening.status === 'loaded' && opening.restoredAt && (
          <p className="app-restored" role="status" data-testid="app.restored">
            Restored your unsaved work from {new Date(opening.restoredAt).toLocaleString()}.
            <button type="button" onClick={() => setFresh((n) => n + 1)}>
              Open the sample instead
            </button>
          </p>
        )}
      </header>
      <main className="app-main">
        {opening.status === 'loading' && (
          <p className="status" role="status">
            Loading…
          </p>
        )}
        {opening.status === 'failed' && (
          <p className="status status-error" role="alert">
            Could not load {SAMPLE}: {opening.message} <code>{opening.code}</code>
          </p>
        )}
        {opening.status === 'loaded' && <Editor key={`${fresh}`} name={opening.name} text={opening.text} {...(opening.layout ? { layout: opening.layout } : {})} />}
      </main>
    </div>
  );
}
