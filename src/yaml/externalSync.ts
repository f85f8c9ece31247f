// How an outside `text` prop is applied to the editor. Depends only on @codemirror/state, so it
// runs (and is tested) without a DOM. See the sync model at the top of YamlEditor.tsx.
import { ChangeSet, type EditorState } from '@codemirror/state';
import { detectLineSeparator, minimalChange, offsetMapper, type LineSeparator } from './minimalChange.ts';

export interface SyncPoint {
  /** The text both sides agree on: the last prop applied or the last text sent via onChange. */
  readonly base: string;
  /** The user's unsent edits since `base`, or null. */
  readonly pending: ChangeSet | null;
}

export type ExternalPlan =
  /** Nothing to apply. `cancelPending`: the editor already equals the prop, nothing to send. */
  | { readonly kind: 'none'; readonly next: SyncPoint; readonly cancelPending: boolean }
  /** Apply `changes` (in the current document) as an outside change. */
  | { readonly kind: 'change'; readonly changes: ChangeSet; readonly next: SyncPoint; readonly cancelPending: boolean }
  /** Line-break style changed: reconfigure the separator, then replace the whole document. */
  | { readonly kind: 'replace'; readonly separator: LineSeparator; readonly next: SyncPoint };

export function planExternal(state: EditorState, sync: SyncPoint, text: string): ExternalPlan {
  const current = state.sliceDoc();
  if (text === current) return { kind: 'none', next: { base: text, pending: null }, cancelPending: true };
  if (text === sync.base) return { kind: 'none', next: sync, cancelPending: false };

  const sep = detectLineSeparator(text);
  if (sep !== state.lineBreak) return { kind: 'replace', separator: sep, next: { base: text, pending: null } };

  if (sync.pending) {
    const toPos = offsetMapper(sync.base, sep);
    const baseLength = toPos(sync.base.length);
    if (sync.pending.length === baseLength && sync.pending.newLength === state.doc.length) {
      const change = minimalChange(sync.base, text);
      const ext = ChangeSet.of(
        change ? [{ from: toPos(change.from), to: toPos(change.to), insert: change.insert }] : [],
        baseLength,
        sep,
      );
      return {
        kind: 'change',
        changes: ext.map(sync.pending),
        next: { base: text, pending: sync.pending.map(ext, true) },
        cancelPending: false,
      };
    }
  }

  const change = minimalChange(current, text);
  const toPos = offsetMapper(current, sep);
  const changes = ChangeSet.of(
    change ? [{ from: toPos(change.from), to: toPos(change.to), insert: change.insert }] : [],
    state.doc.length,
    sep,
  );
  return { kind: 'change', changes, next: { base: text, pending: null }, cancelPending: true };
}

/** Maps a string offset into `sync.base` to a position in the current document, clamped. */
export function basePosToDoc(state: EditorState, sync: SyncPoint, offset: number, assoc: -1 | 1 = 1): number {
  let pos = offsetMapper(sync.base, state.lineBreak as LineSeparator)(offset);
  if (sync.pending && pos <= sync.pending.length) pos = sync.pending.mapPos(pos, assoc);
  return Math.max(0, Math.min(state.doc.length, pos));
}
