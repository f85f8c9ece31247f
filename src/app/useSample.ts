import { useEffect, useState } from 'react';
import { fetchSample } from './sample.ts';

export type SampleState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly text: string }
  | { readonly status: 'failed'; readonly code: string; readonly message: string };

export function useSample(name: string): SampleState {
  const [state, setState] = useState<SampleState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void fetchSample(name, (url, init) => fetch(url, init), controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'loaded', text: result.text } : { status: 'failed', ...result });
    });
    return () => controller.abort();
  }, [name]);
  return state;
}
