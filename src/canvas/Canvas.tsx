import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow } from '@xyflow/react';
import type { Connection, NodeChange, NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Graph } from '../model/graph/types.ts';
import { ContainerNode, ResourceNode } from './nodes/ResourceNode.tsx';
import { NODE_HEIGHT, NODE_WIDTH, toFlowEdges, toFlowNodes } from './toFlow.ts';
import { StableEdges, StableNodes } from './stableElements.ts';
import { useLatestCallback } from './useLatestCallback.ts';
import type { Position, ResourceFlowNode } from './toFlow.ts';
import './canvas.css';

// module scope: React Flow re-mounts every node when nodeTypes changes identity
const NODE_TYPES: NodeTypes = { resource: ResourceNode, container: ContainerNode };
const DELETE_KEYS = ['Delete', 'Backspace'];

interface Props {
  readonly graph: Graph;
  readonly positions: Readonly<Record<string, Position>>;
  readonly stale?: boolean;
  onPositionsChange?(positions: Record<string, Position>): void;
  /** A palette item was dropped at a canvas position. */
  onDropKind?(kind: string, at: { x: number; y: number }): void;
  /** A wire was drawn from one node's handle to another node. */
  onWire?(source: string, target: string): void;
  /** Nodes were deleted (Delete / Backspace). */
  onDelete?(ids: readonly string[]): void;
  /** Changing this number fits the view to the stack (after automatic layout, on open). */
  readonly fitKey?: number;
  readonly selected: ReadonlySet<string>;
  onSelectionChange?(ids: readonly string[]): void;
  /** Errors and warnings per node id, badged on the nodes. */
  readonly counts?: Readonly<Record<string, { errors: number; warnings: number }>>;
  /** Filled with a function giving the flow position at the centre of the visible canvas. */
  readonly viewCenter?: { current: (() => { x: number; y: number }) | null };
  /** Bring this node into view (Ctrl+K, a click in a list); the nonce repeats a jump. */
  readonly focus?: { readonly id: string; readonly nonce: number };
}

const PALETTE_MIME = 'application/x-cairn-kind';

export function Canvas(props: Props) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The canvas: a thin adapter from the model's graph to React Flow. Positions and selection
 * come in as props; drags come back out as positions. The model stays the only truth.
 */
function CanvasInner({ graph, positions, stale = false, onPositionsChange, onDropKind, onWire, onDelete, fitKey = 0, selected, onSelectionChange, focus, viewCenter, counts }: Props) {
  const flow = useReactFlow();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!viewCenter) return;
    viewCenter.current = () => {
      const r = box.current?.getBoundingClientRect();
      if (!r) return { x: 0, y: 0 };
      const p = flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      // the node's top-left corner, so that its middle sits in the middle of the view
      return { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 };
    };
    return () => {
      viewCenter.current = null;
    };
  }, [flow, viewCenter]);
  useEffect(() => {
    if (!focus) return;
    const raf = requestAnimationFrame(() => void flow.fitView({ nodes: [{ id: focus.id }], duration: 250, maxZoom: 1.2, padding: 0.6 }));
    return () => cancelAnimationFrame(raf);
  }, [focus, flow]);
  useEffect(() => {
    if (!fitKey) return;
    const raf = requestAnimationFrame(() => void flow.fitView({ padding: 0.12, duration: 0 }));
    return () => cancelAnimationFrame(raf);
  }, [fitKey, flow]);
  const [dragging, setDragging] = useState<Record<string, Position>>({});
  const merged = useMemo(() => ({ ...positions, ...dragging }), [positions, dragging]);
  // unchanged nodes and edges keep their objects, so React Flow neither re-renders nor re-measures them
  const [stableNodes] = useState(() => new StableNodes());
  const [stableEdges] = useState(() => new StableEdges());
  const nodes = useMemo(() => stableNodes.stable(toFlowNodes(graph, merged, selected, counts)), [stableNodes, graph, merged, selected, counts]);
  const edges = useMemo(() => stableEdges.stable(toFlowEdges(graph)), [stableEdges, graph]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ResourceFlowNode>[]) => {
      stableNodes.measured(changes);
      const next = applyNodeChanges(changes, nodes);
      const sel = new Set(next.filter((n) => n.selected).map((n) => n.id));
      if (sel.size !== selected.size || [...sel].some((id) => !selected.has(id))) onSelectionChange?.([...sel]);
      const moved: Record<string, Position> = {};
      let done = false;
      for (const c of changes) {
        if (c.type !== 'position' || !c.position) continue;
        moved[c.id] = { ...(merged[c.id] ?? {}), x: c.position.x, y: c.position.y };
        if (!c.dragging) done = true;
      }
      if (!Object.keys(moved).length) return;
      if (done) {
        setDragging({});
        onPositionsChange?.({ ...merged, ...moved });
      } else setDragging((d) => ({ ...d, ...moved }));
    },
    [stableNodes, nodes, selected, merged, onPositionsChange, onSelectionChange],
  );

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!kind) return;
      e.preventDefault();
      onDropKind?.(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [flow, onDropKind],
  );
  // A wire may end anywhere on a node, not only on its handle: the node under the pointer wins.
  const pending = useRef<{ from: string; done: boolean } | null>(null);
  const onConnectStart = useCallback((_e: unknown, p: { nodeId: string | null }) => {
    pending.current = p.nodeId ? { from: p.nodeId, done: false } : null;
  }, []);
  const onConnect = useCallback(
    (c: Connection) => {
      if (pending.current) pending.current.done = true;
      if (c.source && c.target) onWire?.(c.source, c.target);
    },
    [onWire],
  );
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent) => {
      const p = pending.current;
      pending.current = null;
      if (!p || p.done) return;
      const point = 'changedTouches' in e ? e.changedTouches[0] : e;
      if (!point) return;
      const el = document.elementFromPoint(point.clientX, point.clientY)?.closest('[data-testid^="canvas.node."]');
      const target = el?.getAttribute('data-testid')?.slice('canvas.node.'.length);
      if (target && target !== p.from) onWire?.(p.from, target);
    },
    [onWire],
  );
  const onNodesDelete = useCallback((deleted: ResourceFlowNode[]) => onDelete?.(deleted.map((n) => n.id)), [onDelete]);
  // React Flow copies a handler into its store whenever its identity changes (see useLatestCallback)
  const handlers = {
    onNodesChange: useLatestCallback(onNodesChange),
    onConnect: useLatestCallback(onConnect),
    onConnectEnd: useLatestCallback(onConnectEnd),
    onNodesDelete: useLatestCallback(onNodesDelete),
  };

  return (
    <div ref={box} className={`canvas${stale ? ' canvas-stale' : ''}`} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      {stale && (
        <p className="canvas-banner" role="status">
          The YAML does not parse: showing the last version that did.
        </p>
      )}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={handlers.onNodesChange}
        onConnect={handlers.onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={handlers.onConnectEnd}
        onNodesDelete={handlers.onNodesDelete}
        deleteKeyCode={DELETE_KEYS}
        fitView
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls />
      </ReactFlow>
    </div>
  );
}
