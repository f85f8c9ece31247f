import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';
import { documentOpened } from '../document/slice.ts';

export interface NodePlace {
  readonly x: number;
  readonly y: number;
  readonly width?: number;
  readonly height?: number;
}

/** Where nodes sit on the canvas (never in the template; see docs/layout-sidecar.md). */
export interface LayoutState {
  readonly positions: Readonly<Record<string, NodePlace>>;
  /**
   * Where nodes were in the containers they left (`frameKey(id, container)`), to put them back
   * when they return (undo, redo). Kept for the session only, never saved.
   */
  readonly remembered?: Readonly<Record<string, NodePlace>>;
}

const layoutSlice = createSlice({
  name: 'layout',
  initialState: { positions: {} } as LayoutState,
  reducers: {
    /** The user moved nodes, or automatic layout placed new ones. */
    nodesPlaced(s, action: PayloadAction<Readonly<Record<string, NodePlace>>>) {
      return { ...s, positions: { ...s.positions, ...action.payload } };
    },
    /** Nodes changed container (reframe.ts): their places in the containers they left. */
    placesRemembered(s, action: PayloadAction<Readonly<Record<string, NodePlace>>>) {
      return { ...s, remembered: { ...s.remembered, ...action.payload } };
    },
    /** A node was renamed: its place follows it. */
    nodeRenamed(s, action: PayloadAction<{ from: string; to: string }>) {
      const { from, to } = action.payload;
      const place = s.positions[from];
      if (!place) return s;
      const { [from]: _gone, ...rest } = s.positions;
      return { ...s, positions: { ...rest, [to]: place } };
    },
  },
  extraReducers: (b) =>
    b.addCase(documentOpened, (_s, action) => ({ positions: { ...(action.payload.layout ?? {}) } })),
});

export const { nodesPlaced, nodeRenamed, placesRemembered } = layoutSlice.actions;
export const layoutReducer = layoutSlice.reducer;
