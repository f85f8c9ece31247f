import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';
import type { EdgeKind } from '../../model/graph/types.ts';
import { documentOpened } from '../document/slice.ts';

/** A wire, by what it joins (its id is derived from these, and they follow a rename). */
export interface EdgeRef {
  readonly source: string;
  readonly target: string;
  readonly kind: EdgeKind;
}

export interface SelectionState {
  readonly ids: readonly string[];
  /** The selected wire, if one is: nodes and a wire are never selected together. */
  readonly edge: EdgeRef | null;
}

const selectionSlice = createSlice({
  name: 'selection',
  initialState: { ids: [], edge: null } as SelectionState,
  reducers: {
    selectionChanged(s, action: PayloadAction<readonly string[]>) {
      // React Flow reports a node deselection after the wire click that caused it: keep the wire then
      return { ids: [...action.payload], edge: action.payload.length ? null : s.edge };
    },
    /** A node was renamed: it stays selected under its new name, and so does a wire to it. */
    selectionRenamed(s, action: PayloadAction<{ from: string; to: string }>) {
      const { from, to } = action.payload;
      const rename = (id: string) => (id === from ? to : id);
      return { ids: s.ids.map(rename), edge: s.edge && { ...s.edge, source: rename(s.edge.source), target: rename(s.edge.target) } };
    },
    /** A wire was clicked (or chosen with Enter); null: it was deselected. */
    edgeSelected(s, action: PayloadAction<EdgeRef | null>) {
      const e = action.payload;
      return e ? { ids: [], edge: { source: e.source, target: e.target, kind: e.kind } } : { ids: s.ids, edge: null };
    },
  },
  extraReducers: (b) => b.addCase(documentOpened, () => ({ ids: [], edge: null })),
});

export const { selectionChanged, selectionRenamed, edgeSelected } = selectionSlice.actions;
export const selectionReducer = selectionSlice.reducer;
