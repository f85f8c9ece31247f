import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'react-redux';
import { Canvas } from '../canvas/Canvas.tsx';
import { CONTAINER_HEIGHT, CONTAINER_WIDTH, NODE_HEIGHT, NODE_WIDTH, drawnGraph } from '../canvas/geometry.ts';
import type { Position } from '../canvas/toFlow.ts';
import type { GraphNode, NodeKind } from '../model/graph/types.ts';
import type { WireKind } from '../model/catalog/wires.ts';
import { Palette } from '../sidebar/Palette.tsx';
import { SplitHandle } from './SplitHandle.tsx';
import { readShare, splitColumns, writeShare } from './split.ts';
import { localStore } from '../store/persistence/kv.ts';
import { freeId } from '../sidebar/newNode.ts';
import { nodeKindInfo } from '../model/catalog/nodeKinds.ts';
import { documentOpened, documentSaved, editsApplied, redone, refusalDismissed, textEdited, undone } from '../store/document/slice.ts';
import { selectDrawnTemplate, selectGraph, selectGraphIsStale, selectRefused, selectSelectedNode, selectSelection, selectTemplate } from '../store/document/selectors.ts';
import { useDiagnostics } from '../store/document/useDiagnostics.ts';
import { selectResolver } from '../store/document/stageSelectors.ts';
import { selectionChanged, selectionRenamed } from '../store/selection/slice.ts';
import { draftAdded, draftsRemoved, nodeRenamed, nodesPlaced } from '../store/layout/slice.ts';
import { editsAppliedAndPlaced } from '../store/layout/editsPlaced.ts';
import type { RootState } from '../store/store.ts';
import type { StageState } from '../store/document/stage.ts';

const selectPositions = (s: RootState) => s.layout.positions;
const selectRevision = (s: RootState) => s.document.revision;
const selectDrafts = (s: RootState) => s.layout.drafts;
const selectDrawnFormat = (s: RootState) => selectDrawnTemplate(s).format;
import { useWireSelection } from './useWireSelection.ts';
import { JumpTo } from '../sidebar/JumpTo.tsx';
import { locate } from '../model/diagnostics/locate.ts';
import type { Edit } from '../model/edit/types.ts';
import { definitionOf, inheritedOf } from '../sidebar/nodeSettings.ts';
import { useAppDispatch, useAppSelector } from '../store/hooks.ts';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { decideWire, deleteEdits } from './wiring.ts';
import { draftTimer, withDrafts } from './drafts.ts';
import { clearSpot, decideNodeDrop, decidePaletteDrop } from './network.ts';
import type { Moved, Point } from './network.ts';
import { copyResources, pasteEdits } from './clipboard.ts';
import type { CopiedResource } from './clipboard.ts';
import { downloadBlob, downloadText, svgToPng } from './download.ts';
import { pruneLayout, serializeLayout, sidecarPath } from '../model/layout/sidecar.ts';
import { planNewResource } from '../model/catalog/resourceDefaults.ts';
import { loadResourceTypes } from '../sidebar/resourceTypes.ts';
import { freeIdFor, resourceIdBase } from '../sidebar/newNode.ts';

interface Props {
  readonly name: string;
  readonly text: string;
  readonly layout?: Readonly<Record<string, Position>>;
  /** False for restored work whose changes were never downloaded. */
  readonly saved?: boolean;
  /** Restored work: the stage a serverless.yml was shown for. */
  readonly stage?: StageState;
  /** Restored work: new Timers on the canvas, not in the file yet (drafts.ts). */
  readonly drafts?: readonly string[];
}

type Question = { source: string; target: string; options: readonly WireKind[] };

// The YAML panel (CodeMirror) is a lazy chunk: the first paint does not wait for it.
const YamlEditor = lazy(() => import('../yaml/YamlEditor.tsx'));
// Panels not needed for the first paint are lazy chunks (the initial JS budget is 250 KB gzip).
const Inspector = lazy(() => import('../sidebar/Inspector.tsx').then((m) => ({ default: m.Inspector })));
const WireInspector = lazy(() => import('../sidebar/WireInspector.tsx').then((m) => ({ default: m.WireInspector })));
const ParametersPanel = lazy(() => import('../sidebar/ParametersPanel.tsx').then((m) => ({ default: m.ParametersPanel })));
const Shortcuts = lazy(() => import('./Shortcuts.tsx').then((m) => ({ default: m.Shortcuts })));
const ResourcePicker = lazy(() => import('../sidebar/ResourcePicker.tsx').then((m) => ({ default: m.ResourcePicker })));
const UnwiredPermissions = lazy(() => import('../sidebar/UnwiredPermissions.tsx').then((m) => ({ default: m.UnwiredPermissions })));
const KeptSections = lazy(() => import('../sidebar/KeptSections.tsx').then((m) => ({ default: m.KeptSections })));
const StagePicker = lazy(() => import('../sidebar/StagePicker.tsx').then((m) => ({ default: m.StagePicker })));
const RequiredProperties = lazy(() => import('../sidebar/RequiredProperties.tsx').then((m) => ({ default: m.RequiredProperties })));


/** True when a key press belongs to a text field (the YAML editor handles its own undo); radios are not text. */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  const text = t?.tagName === 'INPUT' && !['radio', 'checkbox', 'button'].includes((t as HTMLInputElement).type);
  return Boolean(t && (t.isContentEditable || text || t.tagName === 'TEXTAREA' || t.closest('.cm-editor')));
}

/**
 * The narrowest window (CSS px) that shows the YAML panel by default. Beside the palette and the
 * sidebar, a narrower window leaves the canvas too little width to read a stack of a dozen nodes
 * (at 1,440 px the sample was fitted at a third of its size); there the panel is one click away.
 */
export const YAML_BESIDE_MIN_WIDTH = 1600;

/** A remembered on/off choice of the user's (panels); storage may be unavailable. */
function readFlag(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v === '1';
  } catch {
    return fallback;
  }
}
function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? '1' : '0');
  } catch {
    // private mode or storage full: the choice lasts for this page only
  }
}

/** The editor: palette, canvas, and the stack's details beside it. */
export function Editor({ name, text, layout, saved = true, stage, drafts: restoredDrafts }: Props) {
  const dispatch = useAppDispatch();
  const store = useStore<RootState>();
  // The first render still sees the document this editor replaces (its own is opened by the
  // effect below): automatic layout and the first fit wait for this revision.
  const openedRevision = useRef(Number.POSITIVE_INFINITY);
  useEffect(() => {
    dispatch(documentOpened({ name, text, saved, ...(layout ? { layout } : {}), ...(stage ? { stage } : {}), ...(restoredDrafts ? { drafts: restoredDrafts } : {}) }));
    openedRevision.current = store.getState().document.revision;
  }, [dispatch, store, name, text, layout, saved, stage, restoredDrafts]);
  const revision = useAppSelector(selectRevision);
  const template = useAppSelector(selectTemplate);
  const fileGraph = useAppSelector(selectGraph);
  /** New Timers on the canvas, written to the file by their first wire (drafts.ts); kept with the work in progress. */
  const draftIds = useAppSelector(selectDrafts);
  const drafts = useMemo<readonly GraphNode[]>(() => (draftIds ?? []).map(draftTimer), [draftIds]);
  const graph = useMemo(() => withDrafts(fileGraph, drafts), [fileGraph, drafts]);
  const stale = useAppSelector(selectGraphIsStale);
  const refused = useAppSelector(selectRefused);
  const { diagnostics, counts } = useDiagnostics(template);
  const selected = useAppSelector(selectSelection);
  const selectedNode = useAppSelector(selectSelectedNode);
  const resolver = useAppSelector(selectResolver);
  // the last text that parsed: the stage picker stays while the YAML is mid-edit
  const drawnFormat = useAppSelector(selectDrawnFormat);
  const { wireSelected, ...wireProps } = useWireSelection();
  const [reveal, setReveal] = useState<{ offset: number; nonce: number } | undefined>(undefined);
  const [tab, setTab] = useState<'edit' | 'deployments'>('edit');
  // the YAML panel sits beside the canvas when the window has room for both (YAML_BESIDE_MIN_WIDTH);
  // the user's own choice, once made, is kept
  const [showYaml, setShowYaml] = useState(() => readFlag('cairn.yamlPanel', window.innerWidth >= YAML_BESIDE_MIN_WIDTH));
  // CodeMirror is loaded and mounted the first time the panel shows, and then kept (hidden, it
  // keeps its scroll and undo history): a page that never shows the panel never pays for it
  const [yamlMounted, setYamlMounted] = useState(showYaml);
  if (showYaml && !yamlMounted) setYamlMounted(true);
  // how the canvas and the YAML panel share the width (SplitHandle), kept in the browser
  const [yamlShare, setYamlShare] = useState(() => readShare(localStore()));
  const grid = useRef<HTMLDivElement>(null);
  const onYamlShare = useCallback((share: number) => {
    setYamlShare(share);
    writeShare(localStore(), share);
  }, []);
  const [jumping, setJumping] = useState(false);
  const [focus, setFocus] = useState<{ id: string; nonce: number } | undefined>(undefined);
  const positions = useAppSelector(selectPositions);
  const place = useCallback((p: Readonly<Record<string, Position>>) => dispatch(nodesPlaced(p)), [dispatch]);
  const [laidOut, setLaidOut] = useState(false);
  const [fitKey, setFitKey] = useState(0);
  const laidOutRef = useRef(false);
  /** The document opened with nothing to draw: nodes the user then drops stay where they were dropped, at the zoom they see. */
  const [openedEmpty, setOpenedEmpty] = useState(false);

  // Nodes nobody has placed are laid out with ELK (in a worker); placed ones never move.
  // (A network's own parts are listed on it, not laid out.)
  const drawn = useMemo(() => drawnGraph(graph), [graph]);
  useEffect(() => {
    if (revision < openedRevision.current) return;
    const graph = drawn;
    if (!graph.nodes.length) {
      // nothing to lay out or fit (an empty stack, or YAML that has never parsed)
      if (!laidOutRef.current) {
        setOpenedEmpty(true);
        setLaidOut(true);
      }
      return;
    }
    const unplaced = graph.nodes.some((n) => !positions[n.id]);
    if (!unplaced) {
      // every node already has its place: restored work is shown fitted, once; the first
      // nodes dropped on an empty canvas are not (the view does not jump under the pointer)
      if (!laidOutRef.current) {
        laidOutRef.current = true;
        if (!openedEmpty) setFitKey((k) => k + 1);
        setLaidOut(true);
      }
      return;
    }
    let cancelled = false;
    const sizes = Object.fromEntries(graph.nodes.map((n) => [n.id, nodeKindInfo(n.kind).container ? { width: CONTAINER_WIDTH, height: CONTAINER_HEIGHT } : { width: NODE_WIDTH, height: NODE_HEIGHT }]));
    const ids = new Set(graph.nodes.map((n) => n.id));
    const fixed = Object.fromEntries(Object.entries(positions).filter(([id]) => ids.has(id)));
    void import('../layout/layout.ts')
      .then(({ layoutGraph }) => layoutGraph(graph, sizes, { fixed }))
      .then((placed) => {
        if (cancelled) return;
        const current = latest.current.positions;
        dispatch(nodesPlaced(Object.fromEntries(Object.entries(placed).filter(([id]) => !current[id])), { auto: true }));
        if (!laidOutRef.current) setFitKey((k) => k + 1);
        laidOutRef.current = true;
        setLaidOut(true);
      });
    return () => {
      cancelled = true;
    };
  }, [drawn, positions, revision, openedEmpty]);
  const [notice, setNotice] = useState<string | null>(null);
  // once the stack is on screen, fetch the sidebar's chunks so the first selection is instant
  useEffect(() => {
    if (!laidOut) return;
    const idle = setTimeout(() => {
      void import('../sidebar/Inspector.tsx');
      void import('../sidebar/ParametersPanel.tsx');
    }, 200);
    return () => clearTimeout(idle);
  }, [laidOut]);
  const [shortcuts, setShortcuts] = useState(false);
  /** Lays the whole stack out again (ELK layered), moving every node, and fits the view. */
  const tidy = useCallback(() => {
    const g = latest.current.graph;
    const sizes = Object.fromEntries(g.nodes.map((n) => [n.id, { width: NODE_WIDTH, height: NODE_HEIGHT }]));
    void import('../layout/layout.ts')
      .then(({ layoutGraph }) => layoutGraph(g, sizes, { fixed: {} }))
      .then((placed) => {
        place(placed);
        setFitKey((k) => k + 1);
      });
  }, [place]);
  const [question, setQuestion] = useState<Question | null>(null);
  const [picking, setPicking] = useState<{ at?: { x: number; y: number } } | null>(null);
  /** Guidance rather than a refusal (what a new resource still needs). */
  const [hint, setHint] = useState<string | null>(null);
  /** A resource just added from the picker: shown in the YAML panel once it is in the text. */
  const [showAdded, setShowAdded] = useState<string | null>(null);

  const clipboard = useRef<CopiedResource[]>([]);
  const viewCenter = useRef<(() => { x: number; y: number }) | null>(null);
  const latest = useRef({ template, selected, graph, positions });
  latest.current = { template, selected, graph, positions };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setJumping(true);
        return;
      }
      if (e.key === '?' && !typing(e) && !e.ctrlKey && !e.metaKey) {
        setShortcuts((v) => !v);
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
        // the browser would save the page; the user means the template
        e.preventDefault();
        saveTemplate.current();
        return;
      }
      if (e.defaultPrevented || typing(e) || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z') {
        e.preventDefault();
        dispatch(e.shiftKey ? redone() : undone());
      } else if (key === 'y') {
        e.preventDefault();
        dispatch(redone());
      } else if (key === 'c') {
        clipboard.current = copyResources(latest.current.template, latest.current.selected);
      } else if (key === 'v' && clipboard.current.length) {
        e.preventDefault();
        const pasted = pasteEdits(clipboard.current, new Set(latest.current.graph.nodes.map((n) => n.id)));
        dispatch(editsApplied(pasted.edits));
        dispatch(selectionChanged(pasted.ids));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);

  const add = useCallback(
    (kind: NodeKind, at?: { x: number; y: number }) => {
      if (kind === 'resource') return setPicking(at ? { at } : {});
      const id = freeId(kind, new Set(graph.nodes.map((n) => n.id)));
      // a click adds the node in the middle of what the user sees; a drop, where it was dropped
      const where = at ?? viewCenter.current?.();
      if (kind === 'timer') {
        dispatch(draftAdded(id));
        if (where) place({ [id]: at ?? clearSpot(graph, latest.current.positions, where) });
        setNotice(null);
        setHint(`${id} runs the functions you wire it to, every 5 minutes until you change its schedule: draw a wire from it to a function.`);
        dispatch(selectionChanged([id]));
        return;
      }
      const middle = at ?? (where && { x: where.x + NODE_WIDTH / 2, y: where.y + NODE_HEIGHT / 2 });
      // inside a Virtual Network, a function or database is placed in it too (one undo step);
      // with no view yet, it is added unplaced and automatic layout places it
      const d = decidePaletteDrop(graph, latest.current.positions, kind, id, where ?? { x: 0, y: 0 }, middle ?? { x: -Infinity, y: -Infinity }, at === undefined);
      if (!d) return;
      setNotice(null);
      setHint(null);
      dispatch(editsAppliedAndPlaced(d.edits, where ? { [id]: d.place } : {}));
      dispatch(selectionChanged([id]));
      // a network is placed clear of other nodes, maybe out of view: bring it in
      if (nodeKindInfo(kind).container) setFocus((f) => ({ id, nonce: (f?.nonce ?? 0) + 1 }));
    },
    [dispatch, graph, place],
  );
  const onNodesDropped = useCallback(
    (moves: Moved[], pointer: Point) => {
      const d = decideNodeDrop(latest.current.graph, latest.current.positions, moves, pointer);
      setNotice(d.notice);
      dispatch(editsAppliedAndPlaced(d.edits, d.ifApplied, d.moved));
    },
    [dispatch],
  );
  const onWire = useCallback(
    (source: string, target: string) => {
      const d = decideWire(graph, source, target, new Set(drafts.map((n) => n.id)), latest.current.template.parsed.value);
      if (d.kind === 'refuse') setNotice(d.reason);
      else if (d.kind === 'ask') setQuestion(d);
      else {
        setNotice(null);
        const before = new Set(graph.nodes.map((n) => n.id));
        dispatch(editsApplied([d.edit]));
        if (d.edit.op !== 'connect' || !d.edit.newSource || store.getState().document.refused) return;
        // the file's Timer takes the draft's place on the canvas; a copy of a Timer of the file goes beside it
        const after = selectGraph(store.getState());
        const written = after.edges.find((e) => e.kind === 'trigger' && e.target === target && !before.has(e.source));
        const at = latest.current.positions[source];
        const draft = drafts.some((n) => n.id === source);
        if (written && at) place({ [written.source]: draft ? at : clearSpot(after, latest.current.positions, at) });
        if (draft) dispatch(draftsRemoved([source]));
        else if (written) setHint(`${target} now runs on ${source}'s schedule, as an event of its own (${written.source}): change one without the other.`);
        if (written) dispatch(selectionChanged([written.source]));
      }
    },
    [dispatch, graph, drafts, store, place],
  );
  /** Adds a resource of any CloudFormation type (the picker): obvious required values, the rest listed. */
  const addType = useCallback(
    async (type: string, at?: { x: number; y: number }) => {
      setPicking(null);
      const types = await loadResourceTypes().catch(() => null);
      const taken = new Set([...latest.current.graph.nodes.map((n) => n.id), ...Object.keys(latest.current.template.parsed.value?.['Parameters'] ?? {})]);
      const id = freeIdFor(resourceIdBase(type), taken);
      const plan = planNewResource(type, id, types?.get(type)?.required ?? []);
      dispatch(editsApplied([{ op: 'addResource', resource: id, type, ...(Object.keys(plan.properties).length ? { properties: plan.properties } : {}) }]));
      const centre = viewCenter.current?.();
      const where = at ?? (centre && clearSpot(latest.current.graph, latest.current.positions, centre));
      if (where) place({ [id]: where });
      dispatch(selectionChanged([id]));
      setNotice(null);
      setHint(plan.missing.length ? `Added ${id} (${type}). It still needs ${plan.missing.join(', ')}: set ${plan.missing.length === 1 ? 'it' : 'them'} in the YAML panel.` : null);
      setShowAdded(id);
    },
    [dispatch, place],
  );
  const onSelectionChange = useCallback((ids: readonly string[]) => dispatch(selectionChanged(ids)), [dispatch]);
  const onEdits = useCallback((edits: Edit[]) => dispatch(editsApplied(edits)), [dispatch]);
  const onRename = useCallback(
    (from: string, to: string) => {
      if (from === to) return;
      dispatch(editsApplied([{ op: 'renameResource', resource: from, to }]));
      dispatch(selectionRenamed({ from, to }));
      dispatch(nodeRenamed({ from, to }));
    },
    [dispatch],
  );
  /** Shows a place in the YAML panel, opening the panel if it is hidden ("Show in YAML", a diagnostic's line). */
  const showInYaml = useCallback((offset: number) => {
    setShowYaml(true);
    setReveal((v) => ({ offset, nonce: (v?.nonce ?? 0) + 1 }));
  }, []);
  const onReveal = useCallback(
    (path: readonly (string | number)[]) => {
      const r = locate(template.parsed, path, true);
      if (r) showInYaml(r.start.offset);
    },
    [template, showInYaml],
  );
  useEffect(() => {
    if (!showAdded) return;
    const added = template.graph.nodes.find((n) => n.id === showAdded);
    const r = added?.path.length ? locate(template.parsed, added.path, true) : null;
    if (r) setReveal((v) => ({ offset: r.start.offset, nonce: (v?.nonce ?? 0) + 1 }));
    setShowAdded(null);
  }, [showAdded, template]);
  const definition = definitionOf(template.parsed.value, selectedNode);
  const inherited = inheritedOf(template.format, template.parsed.value, selectedNode);
  const base = name.replace(/\.[^.]+$/, '');
  const onYaml = useCallback((t: string) => dispatch(textEdited(t)), [dispatch]);
  const onDelete = useCallback(
    (ids: readonly string[]) => {
      dispatch(draftsRemoved(ids));
      const edits = deleteEdits(fileGraph, ids);
      if (edits.length) dispatch(editsApplied(edits));
    },
    [dispatch, fileGraph],
  );
  const answer = (kind: WireKind) => {
    if (question) dispatch(editsApplied([{ op: 'connect', source: question.source, target: question.target, kind }]));
    setQuestion(null);
  };

  const downloadTemplate = () => {
    downloadText(name, 'application/yaml', template.text);
    dispatch(documentSaved());
  };
  const saveTemplate = useRef(downloadTemplate);
  saveTemplate.current = downloadTemplate;
  // the exporter is a lazy chunk: most visits never export
  const svg = () => import('../canvas/exportSvg.ts').then((m) => m.exportSvg(graph, positions, name));
  const downloadLayout = () => {
    // a draft Timer is not in the file, so its place is not kept beside it
    const nodes = pruneLayout({ version: 1, nodes: positions }, new Set(fileGraph.nodes.map((n) => n.id))).nodes;
    downloadText(sidecarPath(name), 'application/json', serializeLayout({ version: 1, nodes }));
  };
  const staleMessage = stale && !graph.nodes.length ? 'The YAML does not parse: fix it in the YAML panel, and the stack is drawn here.' : undefined;

  const message = notice ?? (refused ? refused.map((d) => d.message).join(' ') : null);
  return (
    <div
      ref={grid}
      className={`editor${showYaml ? '' : ' yaml-hidden'}`}
      style={splitColumns(yamlShare) as React.CSSProperties}
      data-laid-out={laidOut ? 'true' : 'false'}
    >
      <Palette format={template.format} onAdd={add} onPickResource={() => setPicking((p) => (p ? null : {}))} picking={picking !== null} />
      {picking && (
        <Suspense fallback={null}>
          <ResourcePicker onChoose={(type) => void addType(type, picking.at)} onClose={() => setPicking(null)} />
        </Suspense>
      )}
      <section className="editor-canvas" aria-label="Canvas">
        <div className="toolbar" role="toolbar" aria-label="Stack">
          <button type="button" data-testid="toolbar.download" title={`Download ${name} as it is (Ctrl+S)`} onClick={downloadTemplate}>
            Download
          </button>
          <button type="button" data-testid="toolbar.download-layout" title={`Node positions, to keep beside the template as ${sidecarPath(name)}`} onClick={downloadLayout}>
            Download layout
          </button>
          <button type="button" data-testid="toolbar.export-svg" onClick={() => void svg().then((t) => downloadText(`${base}.svg`, 'image/svg+xml', t))}>
            Export SVG
          </button>
          <button
            type="button"
            data-testid="toolbar.export-png"
            onClick={() => void svg().then(svgToPng).then((b) => downloadBlob(`${base}.png`, b), (e) => setNotice(`Could not export a PNG: ${String(e)}`))}
          >
            Export PNG
          </button>
          <button type="button" data-testid="toolbar.layout" title="Lay out the whole stack again" onClick={tidy}>
            Tidy up
          </button>
          <button type="button" className="toolbar-end" data-testid="toolbar.shortcuts" aria-haspopup="dialog" onClick={() => setShortcuts(true)}>
            Shortcuts
          </button>
          <button
            type="button"
            data-testid="toolbar.toggle-yaml"
            aria-pressed={showYaml}
            onClick={() => {
              setShowYaml((v) => (writeFlag('cairn.yamlPanel', !v), !v));
              setFitKey((k) => k + 1);
            }}
          >
            {showYaml ? 'Hide YAML' : 'Show YAML'}
          </button>
        </div>
        {message && (
          <div className="notice" role="alert" data-testid="canvas.notice">
            <span>{message}</span>
            <button type="button" onClick={() => (setNotice(null), dispatch(refusalDismissed()))} aria-label="Dismiss">
              ×
            </button>
          </div>
        )}
        {shortcuts && (
          <Suspense fallback={null}>
            <Shortcuts onClose={() => setShortcuts(false)} />
          </Suspense>
        )}
        {!message && hint && (
          <div className="notice notice-question" role="status" data-testid="canvas.hint">
            <span>{hint}</span>
            <button type="button" onClick={() => setHint(null)} aria-label="Dismiss">
              ×
            </button>
          </div>
        )}
        {jumping && (
          <JumpTo
            nodes={graph.nodes}
            onClose={() => setJumping(false)}
            onPick={(id) => {
              dispatch(selectionChanged([id]));
              setFocus((f) => ({ id, nonce: (f?.nonce ?? 0) + 1 }));
            }}
          />
        )}
        {question && (
          <div className="notice notice-question" role="dialog" aria-label="Which wire?" data-testid="canvas.wire-question">
            <span>
              {question.source} → {question.target}: which wire?
            </span>
            {question.options.map((k) => (
              <button key={k} type="button" onClick={() => answer(k)} data-testid={`canvas.wire-question.${k}`}>
                {k === 'trigger' ? 'Trigger (events invoke it)' : 'Access (may use it)'}
              </button>
            ))}
            <button type="button" onClick={() => setQuestion(null)}>
              Cancel
            </button>
          </div>
        )}
        <Canvas
          graph={graph}
          positions={positions}
          stale={stale}
          onPositionsChange={place}
          onNodesDropped={onNodesDropped}
          onDropKind={(kind, at) => add(kind as NodeKind, at)}
          onDropType={(type, at) => void addType(type, at)}
          {...(staleMessage ? { staleMessage } : {})}
          onWire={onWire}
          onDelete={onDelete}
          fitKey={fitKey}
          fitOnOpen={!openedEmpty}
          selected={selected}
          onSelectionChange={onSelectionChange}
          {...(focus ? { focus } : {})}
          viewCenter={viewCenter}
          counts={counts}
          {...wireProps}
        />
      </section>
      <section className="yaml-panel" aria-label={`${name} (YAML)`}>
        <SplitHandle share={yamlShare} onShare={onYamlShare} grid={grid} />
        <h2 className="yaml-panel-title">{name}</h2>
        {yamlMounted && (
          <Suspense fallback={<pre className="yaml-loading">{template.text}</pre>}>
            <YamlEditor text={template.text} diagnostics={diagnostics} onChange={onYaml} {...(reveal ? { reveal } : {})} />
          </Suspense>
        )}
      </section>
      <aside className="editor-side" aria-label="Sidebar">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'edit'} data-testid="sidebar.tab.edit" onClick={() => setTab('edit')}>
            Edit
          </button>
          <button type="button" role="tab" aria-selected={tab === 'deployments'} data-testid="sidebar.tab.deployments" onClick={() => setTab('deployments')}>
            Deployments
          </button>
        </div>
        {tab === 'edit' ? (
          <>
            {drawnFormat === 'serverless' && (
              <Suspense fallback={null}>
                <StagePicker />
              </Suspense>
            )}
            {wireSelected ? (
              <Suspense fallback={<p className="inspector-empty">Loading the wire…</p>}>
                <WireInspector onReveal={onReveal} />
              </Suspense>
            ) : (
              <Suspense fallback={<p className="inspector-empty">Loading the inspector…</p>}>
                <Inspector node={selectedNode} definition={definition} edges={graph.edges} {...(inherited ? { inherited } : {})} onEdits={onEdits} onRename={onRename} onReveal={onReveal} parsed={template.parsed} format={template.format} resolver={resolver} />
              </Suspense>
            )}
            <Suspense fallback={null}>
              {!wireSelected && selectedNode?.kind === 'resource' && !selectedNode.implicit && <RequiredProperties node={selectedNode} definition={definition} onReveal={onReveal} />}
              {/* Parameters, Outputs and Conditions are SAM/CloudFormation edits (a serverless.yml's are refused) */}
              {template.format === 'serverless' ? (
                <>
                  <UnwiredPermissions unwired={graph.unwired ?? []} parsed={template.parsed} onReveal={onReveal} />
                  <KeptSections value={template.parsed.value} onReveal={onReveal} />
                </>
              ) : (
                <ParametersPanel parsed={template.parsed} template={template.parsed.value} onEdits={onEdits} onReveal={onReveal} />
              )}
            </Suspense>
            <DiagnosticsPanel diagnostics={diagnostics} onPick={(d) => d.range && showInYaml(d.range.start.offset)} />
          </>
        ) : (
          <section className="deployments-empty" role="tabpanel">
            <p>Deployments are not available yet: preparing, deploying and the history of each environment arrive with the deploy feature.</p>
          </section>
        )}
      </aside>
    </div>
  );
}
