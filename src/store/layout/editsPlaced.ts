import type { ThunkAction, UnknownAction } from '@reduxjs/toolkit';
import type { Edit } from '../../model/edit/types.ts';
import { editsApplied } from '../document/slice.ts';
import { nodesPlaced } from './slice.ts';
import type { NodePlace } from './slice.ts';
import type { RootState } from '../store.ts';

type Places = Readonly<Record<string, NodePlace>>;

/**
 * Edits that change which container nodes are drawn in (into or out of a Virtual Network),
 * applied as one undo step, with the nodes' new places. A place in a new container's frame
 * (`ifApplied`) is kept only when the edits applied: a refused move leaves the node where it
 * was. `always` holds places that do not depend on the edits (nodes only moved).
 */
export function editsAppliedAndPlaced(edits: readonly Edit[], ifApplied: Places, always: Places = {}): ThunkAction<void, RootState, unknown, UnknownAction> {
  return (dispatch, getState) => {
    let applied = true;
    if (edits.length) {
      dispatch(editsApplied(edits));
      applied = getState().document.refused === null;
    }
    const places = applied ? { ...always, ...ifApplied } : always;
    if (Object.keys(places).length) dispatch(nodesPlaced(places));
  };
}
