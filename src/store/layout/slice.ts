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
  /**
   * New Timers on the canvas the file does not have yet (app/drafts.ts): they have no text until
   * their first wire, so they are kept here, and with the work in progress, to survive a reload.
   */
  readonly drafts?: readonly string[];
}

const layoutSlice = createSlice({
  name: 'layout',
  initialState: { positions: {} } as LayoutState,
  reducers: {
    /**
     * The user moved nodes, or automatic layout placed new ones (`{ auto: true }`: a stack opened
     * from git does not write its layout file for those alone).
     */
    nodesPlaced: {
      reducer(s, action: PayloadAction<Readonly<Record<string, NodePlace>>, string, { readonly auto: boolean }>) {
        return { ...s, positions: { ...s.positions, ...action.payload } };
      },
      prepare(payload: Readonly<Record<string, NodePlace>>, opts?: { readonly auto?: boolean }) {
        return { payload, meta: { auto: opts?.auto ?? false } };
      },
    },
    /** Nodes changed container (reframe.ts): their places in the containers they left. */
    placesRemembered(s, action: PayloadAction<Readonly<Record<string, NodePlace>>>) {
      return { ...s, remembered: { ...s.remembered, ...action.payload } };
    },
    /** A new Timer was put on the canvas (placed by `nodesPlaced`). */
    draftAdded(s, action: PayloadAction<string>) {
      return (s.drafts ?? []).includes(action.payload) ? s : { ...s, drafts: [...(s.drafts ?? []), action.payload] };
    },
    /** Drafts deleted, or written to the file by their first wire. */
    draftsRemoved(s, action: PayloadAction<readonly string[]>) {
      const gone = new Set(action.payload);
      return s.drafts?.some((d) => gone.has(d)) ? { ...s, drafts: s.drafts.filter((d) => !gone.has(d)) } : s;
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
    b.addCase(documentOpened, (_s, action) => ({ positions: { ...(action.payload.layout ?? {}) }, ...(action.payload.drafts?.length ? { drafts: [...action.payload.drafts] } : {}) })),
});

export const { nodesPlaced, nodeRenamed, placesRemembered, draftAdded, draftsRemoved } = layoutSlice.actions;
export const layoutReducer = layoutSlice.reducer;
