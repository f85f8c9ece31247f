import { useCallback } from 'react';
import type { GraphEdge } from '../model/graph/types.ts';
import { editsApplied } from '../store/document/slice.ts';
import { useAppDispatch, useAppSelector } from '../store/hooks.ts';
import { selectSelectedEdge } from '../store/selection/selectors.ts';
import { edgeSelected } from '../store/selection/slice.ts';

/** The canvas's wire selection and deletion, wired to the store (one undoable edit per deletion). */
export function useWireSelection() {
  const dispatch = useAppDispatch();
  const edge = useAppSelector(selectSelectedEdge);
  const onEdgeSelect = useCallback((e: GraphEdge | null) => dispatch(edgeSelected(e)), [dispatch]);
  const onWireDelete = useCallback(
    (e: GraphEdge) => {
      if (e.kind === 'trigger' || e.kind === 'access') dispatch(editsApplied([{ op: 'disconnect', source: e.source, target: e.target, kind: e.kind }]));
    },
    [dispatch],
  );
  return { selectedEdge: edge?.id ?? null, onEdgeSelect, onWireDelete, wireSelected: edge !== null };
}
