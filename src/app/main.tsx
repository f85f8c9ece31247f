import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './App.tsx';
import { createStore } from '../store/store.ts';
import { indexedDbStore, withExitCopy } from '../store/persistence/kv.ts';
import { persistWork } from '../store/persistence/workInProgress.ts';
import './styles.css';

/** localStorage, when the browser lets the page have it. */
function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const kv = withExitCopy(indexedDbStore(), localStore());
const persistence = persistWork(kv);
persistence.onError((e) => console.warn('cairn: could not keep work in the browser', e));
const store = createStore({ extraMiddleware: [persistence.middleware] });
// Write what is pending at once when the page is hidden or closed: a reload loses nothing.
addEventListener('pagehide', () => void persistence.flushOnExit());
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void persistence.flushOnExit());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Provider store={store}>
      <App kv={kv} />
    </Provider>
  </StrictMode>,
);
