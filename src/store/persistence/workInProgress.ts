import { createListenerMiddleware, isAnyOf } from '@reduxjs/toolkit';
import { documentOpened, documentSaved, editsApplied, redone, textEdited, undone } from '../document/slice.ts';
import { draftAdded, draftsRemoved, nodeRenamed, nodesPlaced } from '../layout/slice.ts';
import type { RootState } from '../store.ts';
import type { ExitStore, KeyValueStore } from './kv.ts';
import { parseLayout } from '../../model/layout/sidecar.ts';
import { envValueRemoved, envValueSet, parseStage, regionChosen, stageChosen } from '../document/stage.ts';
import type { StageState } from '../document/stage.ts';

export const WORK_KEY = 'work-in-progress';
/** A draft Timer's id (`Timer1`): a logical id. */
const DRAFT_ID = /^[A-Za-z][A-Za-z0-9]{0,254}$/;
/** Saves are batched: one write per pause in editing, never one per keystroke. */
export const SAVE_DELAY_MS = 250;

export interface SavedWork {
  readonly version: 1;
  readonly name: string;
  readonly text: string;
  readonly savedAt: string;
  /** True when the text has changes that were never downloaded (absent in older records: assume so). */
  readonly dirty?: boolean;
  /** Node positions: where the user put them. */
  readonly layout?: Readonly<Record<string, { x: number; y: number; width?: number; height?: number }>>;
  /** serverless.yml: the stage, region and env values its variables are shown with (never in the file). */
  readonly stage?: StageState;
  /** New Timers on the canvas, not in the file until their first wire (their places are in `layout`). */
  readonly drafts?: readonly string[];
  /**
   * A stack opened from git: the branch and commit the text was edited on. The working copy
   * holds the same text once its write lands; this copy covers the last keystrokes of a page
   * closed before that (app/stacks).
   */
  readonly base?: WorkBase;
}

export interface WorkBase {
  readonly branch: string;
  readonly head: string | null;
}

/** Where the work on one working copy of a stack is kept (the default key is the local document's). */
export const stackWorkKey = (stack: string, copy: string): string => `${WORK_KEY}:stack:${stack}:${copy}`;

export function isSavedWork(v: unknown): v is SavedWork {
  const w = v as SavedWork | null;
  return typeof w === 'object' && w !== null && w.version === 1 && typeof w.name === 'string' && typeof w.text === 'string';
}

/** Reads the work a previous page left, if any (a corrupt record is ignored, never thrown). */
export async function loadWork(store: KeyValueStore, key: string = WORK_KEY): Promise<SavedWork | null> {
  try {
    const v = await store.get(key);
    if (!isSavedWork(v)) return null;
    // positions are checked like a sidecar: a bad entry is dropped, never trusted
    const layout = v.layout ? parseLayout(JSON.stringify({ version: 1, nodes: v.layout })).layout.nodes : undefined;
    // so is the stage: its values are the user's, but a malformed record is not
    const stage = v.stage === undefined ? undefined : parseStage(v.stage);
    // and the drafts: ids as the editor makes them, nothing else
    const drafts = Array.isArray(v.drafts) ? v.drafts.filter((d): d is string => typeof d === 'string' && DRAFT_ID.test(d)) : [];
    const base = isBase(v.base) ? { branch: v.base.branch, head: v.base.head } : undefined;
    const { drafts: _raw, base: _base, ...rest } = v;
    return { ...rest, ...(layout ? { layout } : {}), ...(stage ? { stage } : {}), ...(drafts.length ? { drafts } : {}), ...(base ? { base } : {}) };
  } catch {
    return null;
  }
}

/**
 * Keeps the open document in `store` so a reload loses nothing: every change is written after
 * a short pause, and `flush()` writes at once (the page calls it when it is hidden or closed).
 */
function isBase(v: unknown): v is WorkBase {
  const b = v as WorkBase | null | undefined;
  return typeof b === 'object' && b !== null && typeof b.branch === 'string' && (b.head === null || (typeof b.head === 'string' && /^[0-9a-f]{40}$/.test(b.head)));
}

export interface PersistOptions {
  /**
   * The record's key: WORK_KEY for the local document, `stackWorkKey(stack, copy)` for a stack
   * (known once the tab has claimed its working copy: nothing is kept while it is null).
   */
  readonly key?: string | (() => string | null);
  /** The branch and commit the document is edited on (a stack), recorded with the text. */
  readonly base?: () => WorkBase | null;
  readonly now?: () => Date;
}

export function persistWork(store: KeyValueStore, options: PersistOptions = {}) {
  const keyOf = (): string | null => (typeof options.key === 'function' ? options.key() : (options.key ?? WORK_KEY));
  const now = options.now ?? (() => new Date());
  const listener = createListenerMiddleware<RootState>();
  let pending: SavedWork | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  const onError: Array<(e: unknown) => void> = [];

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const w = pending;
    pending = null;
    const key = keyOf();
    if (w && key) writing = writing.then(() => store.set(key, w)).catch((e) => onError.forEach((f) => f(e)));
    return writing;
  };

  listener.startListening({
    matcher: isAnyOf(documentOpened, documentSaved, editsApplied, textEdited, undone, redone, nodesPlaced, nodeRenamed, stageChosen, regionChosen, envValueSet, envValueRemoved, draftAdded, draftsRemoved),
    effect: (_action, api) => {
      const { document: d, layout, stage } = api.getState();
      const chosen = stage.stage !== null || stage.region !== null || Object.keys(stage.env).length > 0;
      const base = options.base?.();
      pending = { version: 1, name: d.name, text: d.text, savedAt: now().toISOString(), dirty: d.text !== d.savedText, layout: layout.positions, ...(chosen ? { stage } : {}), ...(layout.drafts?.length ? { drafts: layout.drafts } : {}), ...(base ? { base } : {}) };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
  });
  /**
   * For `pagehide`: what is pending is also written at once where the store can (a synchronous
   * copy, `withExitCopy`), since the IndexedDB write `flush` starts may never finish.
   */
  const flushOnExit = (): Promise<void> => {
    const key = keyOf();
    if (pending && key && 'setNow' in store) (store as ExitStore).setNow(key, pending);
    return flush();
  };
  return { middleware: listener.middleware, flush, flushOnExit, onError: (f: (e: unknown) => void) => onError.push(f) };
}
