import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './App.tsx';
import { createStore } from '../store/store.ts';
import { indexedDbStore, localStore, withExitCopy } from '../store/persistence/kv.ts';
import { persistWork } from '../store/persistence/workInProgress.ts';
import type { StackWork } from './stacks/StackApp.tsx';
import { documentChanges } from '../store/persistence/documentChanges.ts';
import { runBeforeExit } from '../store/persistence/beforeExit.ts';
import './styles.css';

/** `/?stack=<name>` edits a stack the server hosts, through git (a lazy chunk); `/` a local document. */
const StackApp = lazy(() => import('./stacks/StackApp.tsx'));
const stack = new URLSearchParams(location.search).get('stack');

const kv = withExitCopy(indexedDbStore(), localStore());
/** Where a stack's work is kept, and the branch and commit it is edited on (StackApp keeps both current). */
const work: StackWork = { key: null, base: null };
const persistence = persistWork(kv, stack !== null ? { key: () => work.key, base: () => work.base } : {});
const changes = documentChanges();
persistence.onError((e) => console.warn('cairn: could not keep work in the browser', e));
const store = createStore({ extraMiddleware: [persistence.middleware, changes.middleware] });
// Write what is pending at once when the page is hidden or closed: a reload loses nothing.
// The YAML panel's debounced keystrokes are handed over first (beforeExit.ts).
const onExit = () => {
  runBeforeExit();
  void persistence.flushOnExit();
};
addEventListener('pagehide', onExit);
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && onExit());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Provider store={store}>
      {stack !== null ? (
        <Suspense fallback={<p className="status">Loading…</p>}>
          <StackApp stack={stack} kv={kv} work={work} changes={changes} />
        </Suspense>
      ) : (
        <App kv={kv} />
      )}
    </Provider>
  </StrictMode>,
);
