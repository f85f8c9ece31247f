import { createListenerMiddleware, isAnyOf } from '@reduxjs/toolkit';
import { documentOpened, editsApplied, redone, textEdited, undone } from '../document/slice.ts';
import { selectGraph } from '../document/selectors.ts';
import { nodeRenamed, nodesPlaced } from '../layout/slice.ts';
import { pruneLayout, serializeLayout } from '../../model/layout/sidecar.ts';
import type { RootState } from '../store.ts';

export interface DocumentChange {
  readonly text: string;
  /** The layout file's text when positions changed, else null. */
  readonly sidecar: string | null;
  /** A person placed nodes (a drag, Tidy up, a drop), not automatic layout. */
  readonly placedByUser: boolean;
}

/** The layout file for the current positions: the file's nodes only (a draft Timer is not in the file). */
export function layoutFileText(state: RootState): string {
  const ids = new Set(selectGraph(state).nodes.map((n) => n.id));
  return serializeLayout({ version: 1, nodes: pruneLayout({ version: 1, nodes: state.layout.positions }, ids).nodes });
}

/**
 * Tells one listener (a stack's git session) of every change to the document's text or node
 * positions, as they happen; the listener batches its own writes.
 */
export function documentChanges() {
  const middleware = createListenerMiddleware<RootState>();
  let listener: ((change: DocumentChange) => void) | null = null;
  middleware.startListening({
    matcher: isAnyOf(documentOpened, editsApplied, textEdited, undone, redone, nodesPlaced, nodeRenamed),
    effect: (action, api) => {
      if (!listener) return;
      const state = api.getState();
      const moved = nodesPlaced.match(action) || nodeRenamed.match(action);
      listener({ text: state.document.text, sidecar: moved ? layoutFileText(state) : null, placedByUser: nodesPlaced.match(action) && !action.meta.auto });
    },
  });
  return {
    middleware: middleware.middleware,
    /** One listener at a time; returns its removal. */
    listen(f: (change: DocumentChange) => void): () => void {
      listener = f;
      return () => {
        if (listener === f) listener = null;
      };
    },
  };
}

export type DocumentChanges = ReturnType<typeof documentChanges>;
