import { Editor } from './Editor.tsx';
import { useSample } from './useSample.ts';

const SAMPLE = 'orders-api.yaml';

export function App() {
  const sample = useSample(SAMPLE);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Cairn</h1>
        <p className="app-tagline">A visual editor for AWS serverless stacks</p>
      </header>
      <main className="app-main">
        {sample.status === 'loading' && (
          <p className="status" role="status">
            Loading {SAMPLE}…
          </p>
        )}
        {sample.status === 'failed' && (
          <p className="status status-error" role="alert">
            Could not load {SAMPLE}: {sample.message} <code>{sample.code}</code>
          </p>
        )}
        {sample.status === 'loaded' && <Editor name={SAMPLE} text={sample.text} />}
      </main>
    </div>
  );
}
