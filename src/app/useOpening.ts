import { useEffect, useRef, useState } from 'react';
import type { KeyValueStore } from '../store/persistence/kv.ts';
import { loadWork } from '../store/persistence/workInProgress.ts';
import type { SavedWork } from '../store/persistence/workInProgress.ts';
import { fetchSample } from './sample.ts';
import { takeReadAhead } from '../store/document/readAhead.ts';
import { primeParse } from '../model/yaml/cache.ts';

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
 * loses nothing), or else the sample stack. `restoring` is that work already being read (the
 * page starts reading it, and parsing it in a worker, before React renders: main.tsx); it is
 * used once, by the first opening.
 */
export function useOpening(sample: string, kv: KeyValueStore, restoring?: Promise<SavedWork | null>): OpeningState {
  const [state, setState] = useState<OpeningState>({ status: 'loading' });
  const early = useRef(restoring);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    const reading = early.current ?? loadWork(kv);
    early.current = undefined;
    void (async () => {
      const saved = await reading;
      // the worker's reading of the text, when there is one, spares this thread the parse
      const read = saved && (await takeReadAhead(saved.text));
      if (saved && read) primeParse(saved.text, read);
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
