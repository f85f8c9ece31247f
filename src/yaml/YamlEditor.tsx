// The YAML panel: a CodeMirror 6 editor that never fights the canvas. Lazily loaded:
//   const YamlEditor = lazy(() => import('../yaml/YamlEditor.tsx'));
//
// Sync model. `base` is the text both sides agree on (the last `text` prop applied, or the last
// text sent through onChange); `pending` is the user's edits since `base` that have not been
// sent yet (debounced). An outside change to `text` is diffed against `base` and applied as a
// minimal change, rebased over `pending`, so the user's cursor, selection, scroll and unsent
// keystrokes all survive. A `text` prop equal to the editor's text, or to `base` (an echo of
// what we already sent while the user kept typing), is not applied.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { onBeforeExit } from '../store/persistence/beforeExit.ts';
import { cairnHighlightStyle } from './highlight.ts';
import {
  Annotation,
  type ChangeSet,
  Compartment,
  EditorState,
  StateEffect,
  StateField,
  Transaction,
  type Extension,
} from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import type { Diagnostic } from '../model/diagnostics/types.ts';
import { detectLineSeparator, type LineSeparator } from './minimalChange.ts';
import { basePosToDoc, planExternal } from './externalSync.ts';
import { toCmDiagnostics } from './lintMapping.ts';
import './yamlEditor.css';
import { capParseSlices } from './parseSlices.ts';

capParseSlices();

export interface YamlEditorProps {
  /** The template text. Changes from outside are applied as minimal edits. */
  readonly text: string;
  /**
   * Diagnostics for `text`; ranges are 0-based string offsets into `text`. A new text may come
   * with the previous diagnostics (the same array): they are then left to CodeMirror to map
   * until the text's own arrive.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** The user's edits: debounced (150 ms) and flushed at once on blur and on unmount. */
  readonly onChange: (text: string) => void;
  readonly readOnly?: boolean;
  /** Scroll to and put the cursor at `offset` (string offset into `text`) whenever `nonce` changes. */
  readonly reveal?: { readonly offset: number; readonly nonce: number };
  /** Accessible name of the editing area. */
  readonly ariaLabel?: string;
}

export const ONCHANGE_DEBOUNCE_MS = 150;

/** Marks transactions that apply outside changes (never reported back through onChange). */
const external = Annotation.define<boolean>();

/** The nonce the server put in this page's CSP for style elements (empty when there is none). */
function styleNonce(): string {
  return document.querySelector('meta[name="cairn-style-nonce"]')?.getAttribute('content') ?? '';
}

// A short-lived highlight on the revealed line, so a reveal is visible while the editor is not
// focused (an unfocused editor hides its cursor). Cleared by the next user action.
const setRevealLine = StateEffect.define<number | null>();
const revealLineMark = Decoration.line({ class: 'cairn-yaml-revealed' });
const revealLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    if (tr.annotation(Transaction.userEvent) !== undefined) next = Decoration.none;
    for (const e of tr.effects) {
      if (!e.is(setRevealLine)) continue;
      next =
        e.value === null
          ? Decoration.none
          : Decoration.set([revealLineMark.range(tr.state.doc.lineAt(e.value).from)]);
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Colours from the page's CSS variables (app/styles.css): the panel follows light and dark mode.
const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', color: 'var(--text)', backgroundColor: 'var(--surface)' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
    lineHeight: '1.5',
  },
  '.cm-content': { caretColor: 'var(--text)', padding: '6px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--cm-selection)',
  },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--faint)', borderRight: '1px solid var(--border-soft)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--surface-3)', color: 'var(--muted)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--info-bg-strong)', outline: '1px solid var(--info-border)' },
  '.cm-nonmatchingBracket': { backgroundColor: 'var(--error-bg)' },
  '.cm-searchMatch': { backgroundColor: 'var(--warning-bg)', outline: '1px solid var(--warning-border)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--reveal-bg)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--cm-selection-match)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--surface-3)', border: '1px solid var(--border)', color: 'var(--muted)' },
  '.cm-panels': { backgroundColor: 'var(--surface-2)', color: 'var(--text)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border-soft)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border-soft)' },
  '.cm-tooltip': { border: '1px solid var(--border)', backgroundColor: 'var(--surface)', borderRadius: '4px' },
});

interface SyncState {
  base: string;
  pending: ChangeSet | null;
  timer: ReturnType<typeof setTimeout> | null;
}

const externalAnnotations = [external.of(true), Transaction.addToHistory.of(false)];

export default function YamlEditor({
  text,
  diagnostics,
  onChange,
  readOnly = false,
  reveal,
  ariaLabel = 'Template YAML',
}: YamlEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const sync = useRef<SyncState>({ base: text, pending: null, timer: null });
  const latest = useRef({ text, onChange, readOnly, ariaLabel });
  const compartments = useRef({ readOnly: new Compartment(), lineSep: new Compartment(), label: new Compartment() });

  useLayoutEffect(() => {
    latest.current = { text, onChange, readOnly, ariaLabel };
  });

  // Create the view once; destroy it (after flushing unsent edits) on unmount.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const s = sync.current;
    const c = compartments.current;
    const initial = latest.current;

    const flush = (): void => {
      if (s.timer !== null) clearTimeout(s.timer);
      s.timer = null;
      const view = viewRef.current;
      if (!view || !s.pending) return;
      const value = view.state.sliceDoc();
      s.base = value;
      s.pending = null;
      latest.current.onChange(value);
    };

    const extensions: Extension[] = [
      // CodeMirror writes its styles into <style> elements: they carry the page's CSP nonce
      EditorView.cspNonce.of(styleNonce()),
      c.lineSep.of(EditorState.lineSeparator.of(detectLineSeparator(initial.text))),
      c.readOnly.of(readOnlyExt(initial.readOnly)),
      c.label.of(labelExt(initial.ariaLabel)),
      lineNumbers(),
      foldGutter(),
      lintGutter(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      yaml(),
      syntaxHighlighting(cairnHighlightStyle),
      theme,
      revealLine,
      keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap, indentWithTab]),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        let user = false;
        for (const tr of update.transactions) {
          if (!tr.docChanged || tr.annotation(external)) continue;
          s.pending = s.pending ? s.pending.compose(tr.changes) : tr.changes;
          user = true;
        }
        if (!user) return;
        if (s.timer !== null) clearTimeout(s.timer);
        s.timer = setTimeout(flush, ONCHANGE_DEBOUNCE_MS);
      }),
      EditorView.domEventHandlers({
        blur: () => {
          flush();
          return false;
        },
      }),
    ];

    s.base = initial.text;
    s.pending = null;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({ doc: initial.text, extensions }),
    });
    viewRef.current = view;
    // a reload or a closed tab does not wait for the debounce: hand the edits over first
    const offExit = onBeforeExit(flush);
    return () => {
      offExit();
      flush();
      viewRef.current = null;
      view.destroy();
    };
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const c = compartments.current;
    view.dispatch({
      effects: [c.readOnly.reconfigure(readOnlyExt(readOnly)), c.label.reconfigure(labelExt(ariaLabel))],
    });
  }, [readOnly, ariaLabel]);

  // Outside text. Its diagnostics may come later (they are worked out after the frame that
  // shows the edit): until then CodeMirror keeps the marks it has, mapped through the change.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    applyExternalText(view, sync.current, text, compartments.current.lineSep);
  }, [text]);

  // The diagnostics of the latest text (effects run in order: the text above is applied first).
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const s = sync.current;
    const sep = view.state.lineBreak as LineSeparator;
    // Diagnostics are offsets into `text` (== s.base here); carry them over unsent user edits.
    const pending = s.pending;
    const length = view.state.doc.length;
    const mapped = toCmDiagnostics(diagnostics, s.base, sep).map((d) => {
      let { from, to } = d;
      if (pending && to <= pending.length) {
        from = pending.mapPos(from, 1);
        to = pending.mapPos(to, -1);
      }
      from = Math.min(from, length);
      return { ...d, from, to: Math.max(from, Math.min(to, length)) };
    });
    view.dispatch(setDiagnostics(view.state, mapped));
  }, [diagnostics]);

  const revealNonce = reveal?.nonce;
  const revealOffset = reveal?.offset;
  useEffect(() => {
    const view = viewRef.current;
    if (!view || revealNonce === undefined || revealOffset === undefined) return;
    const pos = basePosToDoc(view.state, sync.current, revealOffset);
    view.dispatch({
      selection: { anchor: pos },
      effects: [EditorView.scrollIntoView(pos, { y: 'center' }), setRevealLine.of(pos)],
    });
  }, [revealNonce, revealOffset]);

  return <div ref={hostRef} className="cairn-yaml-editor" data-testid="yaml.editor" />;
}

function readOnlyExt(readOnly: boolean): Extension {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of(readOnly ? { 'aria-readonly': 'true' } : {}),
  ];
}

function labelExt(label: string): Extension {
  return EditorView.contentAttributes.of({ 'aria-label': label });
}

/** Applies an outside `text` to the editor as a minimal change; see the sync model above. */
function applyExternalText(view: EditorView, s: SyncState, next: string, lineSep: Compartment): void {
  const plan = planExternal(view.state, s, next);
  const cancel = plan.kind === 'replace' || plan.cancelPending;
  if (cancel && s.timer !== null) {
    clearTimeout(s.timer);
    s.timer = null;
  }
  s.base = plan.next.base;
  s.pending = plan.next.pending;
  if (plan.kind === 'none') return;
  if (plan.kind === 'change') {
    view.dispatch({ changes: plan.changes, annotations: externalAnnotations });
    if (s.pending === null && view.state.sliceDoc() !== next) replaceAll(view, next, lineSep);
    return;
  }
  replaceAll(view, next, lineSep);
}

/** Last resort: re-split the document under the text's own line separator and replace it all. */
function replaceAll(view: EditorView, next: string, lineSep: Compartment): void {
  const sep = detectLineSeparator(next);
  if (sep !== view.state.lineBreak) {
    view.dispatch({ effects: lineSep.reconfigure(EditorState.lineSeparator.of(sep)) });
  }
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: next },
    annotations: externalAnnotations,
  });
}
