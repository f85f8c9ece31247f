import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Canvas } from '../canvas/Canvas.tsx';
import { NODE_HEIGHT, NODE_WIDTH } from '../canvas/toFlow.ts';
import type { Position } from '../canvas/toFlow.ts';
import type { NodeKind } from '../model/graph/types.ts';
import type { WireKind } from '../model/catalog/wires.ts';
import { Palette } from '../sidebar/Palette.tsx';
import { addNodeEdit, freeId } from '../sidebar/newNode.ts';
import { documentOpened, editsApplied, redone, refusalDismissed, textEdited, undone } from '../store/document/slice.ts';
import { selectGraph, selectGraphIsStale, selectRefused, selectSelectedNode, selectSelection, selectTemplate } from '../store/document/selectors.ts';
import { useDiagnostics } from '../store/document/useDiagnostics.ts';
import { selectionChanged, selectionRenamed } from '../store/selection/slice.ts';
import { nodeRenamed, nodesPlaced } from '../store/layout/slice.ts';
import type { RootState } from '../store/store.ts';

const selectPositions = (s: RootState) => s.layout.positions;
import { Inspector } from '../sidebar/Inspector.tsx';
import { JumpTo } from '../sidebar/JumpTo.tsx';
import { ParametersPanel } from '../sidebar/ParametersPanel.tsx';
import { locate } from '../model/diagnostics/locate.ts';
import type { Edit } from '../model/edit/types.ts';
import { isObject } from '../model/value.ts';
import { useAppDispatch, useAppSelector } from '../store/hooks.ts';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { decideWire, deleteEdits } from './wiring.ts';
import { copyResources, pasteEdits } from './clipboard.ts';
import type { CopiedResource } from './clipboard.ts';
import { downloadBlob, downloadText, svgToPng } from './download.ts';
import { exportSvg } from '../canvas/exportSvg.ts';

interface Props {
  readonly name: string;
  readonly text: string;
  readonly layout?: Readonly<Record<string, Position>>;
}

type Question = { source: string; target: string; options: readonly WireKind[] };

// The YAML panel (CodeMirror) is a lazy chunk: the first paint does not wait for it.
const YamlEditor = lazy(() => import('../yaml/YamlEditor.tsx'));

/** True when a key press belongs to a text field (the YAML editor handles its own undo). */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return Boolean(t && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.closest('.cm-editor')));
}

/** The editor: palette, canvas, and the stack's details beside it. */
export function Editor({ name, text, layout }: Props) {
  const dispatch = useAppDispatch();
  useEffect(() => {
    dispatch(documentOpened({ name, text, ...(layout ? { layout } : {}) }));
  }, [dispatch, name, text, layout]);
  const template = useAppSelector(selectTemplate);
  const graph = useAppSelector(selectGraph);
  const stale = useAppSelector(selectGraphIsStale);
  const refused = useAppSelector(selectRefused);
  const { diagnostics, counts } = useDiagnostics(template);
  const selected = useAppSelector(selectSelection);
  const selectedNode = useAppSelector(selectSelectedNode);
  const [reveal, setReveal] = useState<{ offset: number; nonce: number } | undefined>(undefined);
  const [tab, setTab] = useState<'edit' | 'deployments'>('edit');
  const [jumping, setJumping] = useState(false);
  const [focus, setFocus] = useState<{ id: string; nonce: number } | undefined>(undefined);
  const positions = useAppSelector(selectPositions);
  const place = useCallback((p: Readonly<Record<string, Position>>) => dispatch(nodesPlaced(p)), [dispatch]);
  const [laidOut, setLaidOut] = useState(false);
  const [fitKey, setFitKey] = useState(0);
  const laidOutRef = useRef(false);

  // Nodes nobody has placed are laid out with ELK (in a worker); placed ones never move.
  useEffect(() => {
    const unplaced = graph.nodes.some((n) => !positions[n.id]);
    if (!unplaced) {
      // every node already has its place (restored work): show them, fitted, once
      if (graph.nodes.length && !laidOutRef.current) {
        laidOutRef.current = true;
        setFitKey((k) => k + 1);
        setLaidOut(true);
      }
      return;
    }
    let cancelled = false;
    const sizes = Object.fromEntries(graph.nodes.map((n) => [n.id, { width: NODE_WIDTH, height: NODE_HEIGHT }]));
    const ids = new Set(graph.nodes.map((n) => n.id));
    const fixed = Object.fromEntries(Object.entries(positions).filter(([id]) => ids.has(id)));
    void import('../layout/layout.ts')
      .then(({ layoutGraph }) => layoutGraph(graph, sizes, { fixed }))
      .then((placed) => {
        if (cancelled) return;
        const current = latest.current.positions;
        place(Object.fromEntries(Object.entries(placed).filter(([id]) => !current[id])));
        if (!laidOutRef.current) setFitKey((k) => k + 1);
        laidOutRef.current = true;
        setLaidOut(true);
      });
    return () => {
      cancelled = true;
    };
  }, [graph, positions]);
  const [notice, setNotice] = useState<string | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);

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
      const id = freeId(kind, new Set(graph.nodes.map((n) => n.id)));
      const edit = addNodeEdit(kind, id);
      if (!edit) return;
      setNotice(null);
      dispatch(editsApplied([edit]));
      // a click adds the node in the middle of what the user sees; a drop, where it was dropped
      const where = at ?? viewCenter.current?.();
      if (where) place({ [id]: where });
      dispatch(selectionChanged([id]));
    },
    [dispatch, graph],
  );
  const onWire = useCallback(
    (source: string, target: string) => {
      const d = decideWire(graph, source, target);
      if (d.kind === 'refuse') setNotice(d.reason);
      else if (d.kind === 'ask') setQuestion(d);
      else {
        setNotice(null);
        dispatch(editsApplied([d.edit]));
      }
    },
    [dispatch, graph],
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
  const onReveal = useCallback(
    (path: readonly (string | number)[]) => {
      const r = locate(template.parsed, path, true);
      if (r) setReveal((v) => ({ offset: r.start.offset, nonce: (v?.nonce ?? 0) + 1 }));
    },
    [template],
  );
  const resources = template.parsed.value?.['Resources'];
  const definition = selectedNode && isObject(resources) ? resources[selectedNode.id] : undefined;
  const globals = template.parsed.value?.['Globals'];
  const inherited = selectedNode?.type === 'AWS::Serverless::Function' && isObject(globals) && isObject(globals['Function']) ? globals['Function'] : undefined;
  const base = name.replace(/\.[^.]+$/, '');
  const onYaml = useCallback((t: string) => dispatch(textEdited(t)), [dispatch]);
  const onDelete = useCallback((ids: readonly string[]) => dispatch(editsApplied(deleteEdits(graph, ids))), [dispatch, graph]);
  const answer = (kind: WireKind) => {
    if (question) dispatch(editsApplied([{ op: 'connect', source: question.source, target: question.target, kind }]));
    setQuestion(null);
  };

  const message = notice ?? (refused ? refused.map((d) => d.message).join(' ') : null);
  return (
    <div className="editor" data-laid-out={laidOut ? 'true' : 'false'}>
      <Palette onAdd={add} />
      <section className="editor-canvas" aria-label="Canvas">
        <div className="toolbar" role="toolbar" aria-label="Stack">
          <button type="button" data-testid="toolbar.download" onClick={() => downloadText(name, 'application/yaml', template.text)}>
            Download {name}
          </button>
          <button type="button" data-testid="toolbar.export-svg" onClick={() => downloadText(`${base}.svg`, 'image/svg+xml', exportSvg(graph, positions, name))}>
            Export SVG
          </button>
          <button
            type="button"
            data-testid="toolbar.export-png"
            onClick={() => void svgToPng(exportSvg(graph, positions, name)).then((b) => downloadBlob(`${base}.png`, b), (e) => setNotice(`Could not export a PNG: ${String(e)}`))}
          >
            Export PNG
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
          onDropKind={(kind, at) => add(kind as NodeKind, at)}
          onWire={onWire}
          onDelete={onDelete}
          fitKey={fitKey}
          selected={selected}
          onSelectionChange={onSelectionChange}
          {...(focus ? { focus } : {})}
          viewCenter={viewCenter}
          counts={counts}
        />
      </section>
      <section className="yaml-panel" aria-label={`${name} (YAML)`}>
        <h2 className="yaml-panel-title">{name}</h2>
        <Suspense fallback={<pre className="yaml-loading">{template.text}</pre>}>
          <YamlEditor text={template.text} diagnostics={diagnostics} onChange={onYaml} {...(reveal ? { reveal } : {})} />
        </Suspense>
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
            <ParametersPanel template={template.parsed.value} onEdits={onEdits} onReveal={onReveal} />
            <Inspector node={selectedNode} definition={definition} edges={graph.edges} {...(inherited ? { inherited } : {})} onEdits={onEdits} onRename={onRename} onReveal={onReveal} />
            <DiagnosticsPanel diagnostics={diagnostics} onPick={(d) => d.range && setReveal((v) => ({ offset: d.range!.start.offset, nonce: (v?.nonce ?? 0) + 1 }))} />
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
