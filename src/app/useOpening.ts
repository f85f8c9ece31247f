import { useEffect, useState } from 'react';
import type { KeyValueStore } from '../store/persistence/kv.ts';
import { loadWork } from '../store/persistence/workInProgress.ts';
import type { SavedWork } from '../store/persistence/workInProgress.ts';
import { fetchSample } from './sample.ts';

export type OpeningState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'loaded';
      readonly name: string;
      readonly text: string;
      /** False for restored work with changes that were never downloaded. */
      readonly saved: boolean;
      /** When restored work with such changes was kept: the page says so. */
      readonly restoredAt?: string;
      readonly layout?: SavedWork['layout'];
      readonly stage?: SavedWork['stage'];
      readonly drafts?: SavedWork['drafts'];
    }
  | { readonly status: 'failed'; readonly code: string; readonly message: string };

/**
 * What the editor opens with: the work a previous page left in the browser (so a reload
 * loses nothing), or else the sample stack.
 */
export function useOpening(sample: string, kv: KeyValueStore): OpeningState {
  const [state, setState] = useState<OpeningState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void (async () => {
      const saved = await loadWork(kv);
      if (controller.signal.aborted) return;
      if (saved) {
        const dirty = saved.dirty ?? true;
        return setState({
          status: 'loaded',
          name: saved.name,
          text: saved.text,
          saved: !dirty,
          ...(dirty ? { restoredAt: saved.savedAt } : {}),
          ...(saved.layout ? { layout: saved.layout } : {}),
          ...(saved.stage ? { stage: saved.stage } : {}),
          ...(saved.drafts ? { drafts: saved.drafts } : {}),
        });
      }
      const result = await fetchSample(sample, (url, init) => fetch(url, init), controller.signal);
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'loaded', name: sample, text: result.text, saved: true } : { status: 'failed', ...result });
    })();
    return () => controller.abort();
  }, [sample, kv]);
  return state;
}
