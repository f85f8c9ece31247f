import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';
import { applyEdits } from '../../model/edit/apply.ts';
import type { Edit } from '../../model/edit/types.ts';
import type { Diagnostic } from '../../model/diagnostics/types.ts';
import { parseCached } from '../../model/yaml/cache.ts';
import type { StageState } from './stage.ts';

/** How many steps undo remembers. Texts share nothing, so this bounds memory too. */
export const HISTORY_LIMIT = 200;

/**
 * The document is its source text and a revision: the parsed template, graph, diagnostics and
 * React Flow elements are all derived by memoised selectors (STYLE.md, "Do this, not that" 1).
 */
export interface DocumentState {
  /** File name shown to the user and used when downloading (`template.yaml`). */
  readonly name: string;
  readonly text: string;
  /** Increments on every change of `text`. */
  readonly revision: number;
  readonly past: readonly string[];
  readonly future: readonly string[];
  /** Why the last edit was refused, if it was. Cleared by the next successful change. */
  readonly refused: readonly Diagnostic[] | null;
  /** The latest text that parsed: while the YAML is broken the canvas keeps drawing this. */
  readonly lastGood: string;
  /**
   * The text as it was last opened or downloaded: anything else is work the user would lose
   * by opening another document. Null when not known (restored work that was never saved).
   */
  readonly savedText: string | null;
}

const initialState: DocumentState = { name: 'template.yaml', text: '', revision: 0, past: [], future: [], refused: null, lastGood: '', savedText: '' };

/** The text to draw from: `text` when it parses, else the last that did. */
function good(text: string, previous: string): string {
  return parseCached(text).blocked ? previous : text;
}

function commit(state: DocumentState, text: string): DocumentState {
  if (text === state.text) return { ...state, refused: null };
  const past = [...state.past, state.text];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { ...state, text, revision: state.revision + 1, past, future: [], refused: null, lastGood: good(text, state.lastGood) };
}

const documentSlice = createSlice({
  name: 'document',
  initialState,
  reducers: {
    /**
     * A file was opened (gallery, picker, drop, restore): a fresh history. It counts as saved
     * unless `saved` is false (work restored from the browser that was never downloaded).
     */
    documentOpened(
      _state,
      action: PayloadAction<{
        name: string;
        text: string;
        layout?: Readonly<Record<string, { x: number; y: number; width?: number; height?: number }>>;
        saved?: boolean;
        /** The stage and values a serverless.yml's variables were shown with (stage.ts). */
        stage?: StageState;
        /** Restored work: new Timers on the canvas not in the file yet (layout slice). */
        drafts?: readonly string[];
      }>,
    ) {
      const { name, text, saved = true } = action.payload;
      return { ...initialState, name, text, revision: _state.revision + 1, lastGood: good(text, ''), savedText: saved ? text : null };
    },
    /** The template was downloaded as it is now. */
    documentSaved(state) {
      return { ...state, savedText: state.text };
    },
    /** Model edits from the canvas, palette or inspector, applied as one undo step. */
    editsApplied(state, action: PayloadAction<readonly Edit[]>) {
      const r = applyEdits(state.text, action.payload);
      if (!r.ok) return { ...state, refused: r.diagnostics };
      return commit(state, r.text);
    },
    /** The user typed in the YAML panel. */
    textEdited(state, action: PayloadAction<string>) {
      return commit(state, action.payload);
    },
    undone(state) {
      const prev = state.past[state.past.length - 1];
      if (prev === undefined) return state;
      return { ...state, text: prev, revision: state.revision + 1, past: state.past.slice(0, -1), future: [state.text, ...state.future], refused: null, lastGood: good(prev, state.lastGood) };
    },
    redone(state) {
      const next = state.future[0];
      if (next === undefined) return state;
      return { ...state, text: next, revision: state.revision + 1, past: [...state.past, state.text], future: state.future.slice(1), refused: null, lastGood: good(next, state.lastGood) };
    },
    refusalDismissed(state) {
      return { ...state, refused: null };
    },
  },
});

export const { documentOpened, documentSaved, editsApplied, textEdited, undone, redone, refusalDismissed } = documentSlice.actions;
export const documentReducer = documentSlice.reducer;
