import { configureStore } from '@reduxjs/toolkit';
import { documentReducer } from './document/slice.ts';

export function createStore() {
  return configureStore({
    reducer: { document: documentReducer },
    middleware: (getDefault) =>
      getDefault({
        // the document's text can be 1 MB: skip the dev-only deep checks on it
        serializableCheck: { ignoredPaths: ['document.past', 'document.future', 'document.text'] },
        immutableCheck: { ignoredPaths: ['document.past', 'document.future', 'document.text'] },
      }),
  });
}

export type AppStore = ReturnType<typeof createStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
