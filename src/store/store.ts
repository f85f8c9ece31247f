import { configureStore } from '@reduxjs/toolkit';
import type { Middleware } from '@reduxjs/toolkit';
import { documentReducer } from './document/slice.ts';
import { stageReducer } from './document/stage.ts';
import { selectionReducer } from './selection/slice.ts';
import { layoutReducer } from './layout/slice.ts';
import { reframing } from './layout/reframing.ts';

export interface StoreOptions {
  /** Effects (persistence, ...) added after the defaults. */
  readonly extraMiddleware?: readonly Middleware[];
}

export function createStore(opts: StoreOptions = {}) {
  return configureStore({
    reducer: { document: documentReducer, stage: stageReducer, selection: selectionReducer, layout: layoutReducer },
    middleware: (getDefault) =>
      getDefault({
        // the document's text can be 1 MB: skip the dev-only deep checks on it
        serializableCheck: { ignoredPaths: ['document.past', 'document.future', 'document.text', 'document.lastGood', 'document.savedText'] },
        immutableCheck: { ignoredPaths: ['document.past', 'document.future', 'document.text', 'document.lastGood', 'document.savedText'] },
      }).concat(reframing(), ...(opts.extraMiddleware ?? [])),
  });
}

export type AppStore = ReturnType<typeof createStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
