import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';
import { documentOpened } from './slice.ts';

/**
 * What a serverless.yml's variables are shown resolved with: the stage and region the user
 * chose (null: the file's own `provider.stage` / `provider.region`, as the framework does) and
 * values for `${env:NAME}`. Never written into the template: it is kept with the work in
 * progress in the browser (persistence/workInProgress.ts), for this document only.
 */
export interface StageState {
  readonly stage: string | null;
  readonly region: string | null;
  /** Values for `${env:NAME}`, in the order the user added them. */
  readonly env: Readonly<Record<string, string>>;
}

export const NO_STAGE: StageState = { stage: null, region: null, env: {} };

/** A stage, region or env name as given: trimmed; empty means "not given". */
const given = (s: string | null): string | null => (s === null || s.trim() === '' ? null : s.trim());

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** True when `name` can be the NAME of `${env:NAME}`. */
export const isEnvName = (name: string): boolean => ENV_NAME.test(name);

/** Reads a stored value back: anything malformed is dropped, never trusted. */
export function parseStage(v: unknown): StageState {
  if (typeof v !== 'object' || v === null) return NO_STAGE;
  const o = v as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' ? given(x) : null);
  const env: Record<string, string> = {};
  if (typeof o['env'] === 'object' && o['env'] !== null && !Array.isArray(o['env'])) {
    for (const [k, x] of Object.entries(o['env'] as Record<string, unknown>)) if (isEnvName(k) && typeof x === 'string') env[k] = x;
  }
  return { stage: text(o['stage']), region: text(o['region']), env };
}

const stageSlice = createSlice({
  name: 'stage',
  initialState: NO_STAGE,
  reducers: {
    /** The user chose a stage (null or empty: the file's default again). */
    stageChosen(s, action: PayloadAction<string | null>) {
      return { ...s, stage: given(action.payload) };
    },
    regionChosen(s, action: PayloadAction<string | null>) {
      return { ...s, region: given(action.payload) };
    },
    /** A value for `${env:name}` was set (a name that cannot be one is ignored). */
    envValueSet(s, action: PayloadAction<{ name: string; value: string }>) {
      const name = action.payload.name.trim();
      if (!isEnvName(name)) return s;
      return { ...s, env: { ...s.env, [name]: action.payload.value } };
    },
    envValueRemoved(s, action: PayloadAction<string>) {
      if (!Object.hasOwn(s.env, action.payload)) return s;
      const env = { ...s.env };
      delete env[action.payload];
      return { ...s, env };
    },
  },
  // a document opens with what was kept for it (restored work), else the file's defaults
  extraReducers: (b) => b.addCase(documentOpened, (_s, action) => (action.payload.stage ? parseStage(action.payload.stage) : NO_STAGE)),
});

export const { stageChosen, regionChosen, envValueSet, envValueRemoved } = stageSlice.actions;
export const stageReducer = stageSlice.reducer;
