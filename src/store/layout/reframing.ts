import { createListenerMiddleware } from '@reduxjs/toolkit';
import type { Middleware } from '@reduxjs/toolkit';
import { reframe } from '../../model/layout/reframe.ts';
import { documentOpened } from '../document/slice.ts';
import type { DocumentState } from '../document/slice.ts';
import { selectGraph } from '../document/selectors.ts';
import type { RootState } from '../store.ts';
import { nodesPlaced, placesRemembered } from './slice.ts';
import type { LayoutState } from './slice.ts';

/** The part of the state this listener reads (the store's RootState is built with it). */
interface Watched {
  readonly document: DocumentState;
  readonly layout: LayoutState;
}

/**
 * Keeps nodes where they are when their container changes without a drag (undo, redo, YAML
 * typed in the editor): positions are relative to the container (model/layout/reframe.ts).
 * Runs right after the change, before anything is drawn.
 */
export function reframing(): Middleware {
  const listener = createListenerMiddleware<Watched>();
  listener.startListening({
    // (a newly opened document brings its own layout)
    predicate: (action, current, previous) => current.document.lastGood !== previous.document.lastGood && !documentOpened.match(action),
    effect: (_action, api) => {
      const graphOf = (s: Watched) => selectGraph(s as RootState);
      const now = api.getState();
      const r = reframe(graphOf(api.getOriginalState()), graphOf(now), now.layout.positions, now.layout.remembered);
      if (Object.keys(r.remember).length) api.dispatch(placesRemembered(r.remember));
      if (Object.keys(r.places).length) api.dispatch(nodesPlaced(r.places));
    },
  });
  return listener.middleware;
}
