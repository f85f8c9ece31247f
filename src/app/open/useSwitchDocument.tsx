import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'react-redux';
import { documentSaved } from '../../store/document/slice.ts';
import { selectIsDirty } from '../../store/document/selectors.ts';
import { useAppDispatch } from '../../store/hooks.ts';
import type { RootState } from '../../store/store.ts';
import { downloadText } from '../download.ts';
import { UnsavedPrompt } from './UnsavedPrompt.tsx';

/** A document about to replace the open one. */
export interface Incoming {
  readonly name: string;
  readonly text: string;
  readonly layout?: Readonly<Record<string, { x: number; y: number; width?: number; height?: number }>>;
}

/**
 * Replacing the open document goes through here: when it has changes that were never
 * downloaded, the user is asked first (download it, discard it, or cancel).
 */
export function useSwitchDocument<T extends Incoming>(open: (next: T) => void): { request(next: T): void; prompt: ReactNode } {
  const store = useStore<RootState>();
  const dispatch = useAppDispatch();
  const [pending, setPending] = useState<T | null>(null);
  const request = useCallback(
    (next: T) => {
      if (selectIsDirty(store.getState())) setPending(next);
      else open(next);
    },
    [store, open],
  );
  const prompt = pending && (
    <UnsavedPrompt
      current={store.getState().document.name}
      next={pending.name}
      onDownload={() => {
        const d = store.getState().document;
        downloadText(d.name, 'application/yaml', d.text);
        dispatch(documentSaved());
        setPending(null);
        open(pending);
      }}
      onDiscard={() => {
        setPending(null);
        open(pending);
      }}
      onCancel={() => setPending(null)}
    />
  );
  return { request, prompt };
}
