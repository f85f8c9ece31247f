import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';
import { documentOpened } from '../document/slice.ts';

export interface SelectionState {
  readonly ids: readonly string[];
}

const selectionSlice = createSlice({
  name: 'selection',
  initialState: { ids: [] } as SelectionState,
  reducers: {
    selectionChanged(_s, action: PayloadAction<readonly string[]>) {
      return { ids: [...action.payload] };
    },
    /** A node was renamed: it stays selected under its new name. */
    selectionRenamed(s, action: PayloadAction<{ from: string; to: string }>) {
      return { ids: s.ids.map((id) => (id === action.payload.from ? action.payload.to : id)) };
    },
  },
  extraReducers: (b) => b.addCase(documentOpened, () => ({ ids: [] })),
});

export const { selectionChanged, selectionRenamed } = selectionSlice.actions;
export const selectionReducer = selectionSlice.reducer;
