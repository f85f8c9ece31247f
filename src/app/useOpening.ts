import { useEffect, useState } from 'react';
import type { KeyValueStore } from '../store/persistence/kv.ts';
import { loadWork } from '../store/persistence/workInProgress.ts';
import type { SavedWork } from '../store/persistence/workInProgress.ts';
import { fetchSample } from './sample.ts';

export type OpeningState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly name: string; readonly text: string; readonly restoredAt?: string; readonly layout?: SavedWork['layout'] }
  | { readonly status: 'failed'; readonly code: string; readonly message: string };

/**
 * What the editor opens with: the work a previous page left in the browser (so a reload
 * loses nothing), or else the sample stack. `fresh` skips the saved work.
 */
export function useOpening(sample: string, kv: KeyValueStore, fresh: number): OpeningState {
  const [state, setState] = useState<OpeningState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void (async () => {
      const saved = fresh ? null : await loadWork(kv);
      if (controller.signal.aborted) return;
      if (saved) return setState({ status: 'loaded', name: saved.name, text: saved.text, restoredAt: saved.savedAt, ...(saved.layout ? { layout: saved.layout } : {}) });
      const result = await fetchSample(sample, (url, init) => fetch(url, init), controller.signal);
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'loaded', name: sample, text: result.text } : { status: 'failed', ...result });
    })();
    return () => controller.abort();
  }, [sample, kv, fresh]);
  return state;
}
