import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, useStoreApi } from '@xyflow/react';
import type { Connection, EdgeChange, NodeChange, NodeTypes, OnDelete } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Graph, GraphEdge } from '../model/graph/types.ts';
import { ContainerNode, ResourceNode } from './nodes/ResourceNode.tsx';
import { KIND_STYLE } from './nodes/kindStyle.ts';
import { CanvasActionsContext } from './nodes/canvasActions.ts';
import { EDGE_HIT_WIDTH, EDGE_MIN_SCREEN_HIT, NODE_HEIGHT, NODE_WIDTH, toFlowEdges, toFlowNodes } from './toFlow.ts';
import type { Position, ResourceFlowNode, WireFlowEdge } from './toFlow.ts';
import { StableEdges, StableNodes } from './stableElements.ts';
import { useLatestCallback } from './useLatestCallback.ts';
import './canvas.css';

// module scope: React Flow re-mounts every node when nodeTypes changes identity
const NODE_TYPES: NodeTypes = { resource: ResourceNode, container: ContainerNode };
const DELETE_KEYS = ['Delete', 'Backspace'];

interface Props {
  readonly graph: Graph;
  readonly positions: Readonly<Record<string, Position>>;
  readonly stale?: boolean;
  onPositionsChange?(positions: Record<string, Position>): void;
  /**
   * Nodes were dragged and dropped: where (in the frame of the container each was in) and the
   * pointer, in flow coordinates. Without it, drops are plain position changes.
   */
  onNodesDropped?(moves: { id: string; position: Position }[], pointer: { x: number; y: number }): void;
  /** A palette item was dropped at a canvas position. */
  onDropKind?(kind: string, at: { x: number; y: number }): void;
  /** A CloudFormation type from the resource picker was dropped at a canvas position. */
  onDropType?(type: string, at: { x: number; y: number }): void;
  /** What the banner says while the YAML does not parse (default: the last good version is shown). */
  readonly staleMessage?: string;
  /** A wire was drawn from one node's handle to another node. */
  onWire?(source: string, target: string): void;
  /** Nodes were deleted (Delete / Backspace). */
  onDelete?(ids: readonly string[]): void;
  /** The selected wire's id, if a wire is selected. */
  readonly selectedEdge?: string | null;
  /** A wire was selected (click, Enter on a focused wire) or deselected (null). */
  onEdgeSelect?(edge: GraphEdge | null): void;
  /** A selected trigger or access wire was deleted (Delete / Backspace). */
  onWireDelete?(edge: GraphEdge): void;
  /** Changing this number fits the view to the stack (after automatic layout, on open). */
  readonly fitKey?: number;
  /**
   * Fit the view to the first nodes React Flow measures (true by default). False for a stack
   * that opened empty: the nodes the user then drops stay where they were dropped.
   */
  readonly fitOnOpen?: boolean;
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
const RESOURCE_TYPE_MIME = 'application/x-cairn-resource-type';

const MINIMAP_SIZE = { width: 150, height: 100 };
/** Fitting the stack never zooms in past 100 %: a stack of two nodes is shown at their size, not blown up. */
const FIT = { padding: 0.12, maxZoom: 1 };

/** Minimap fill: the node's kind colour (containers stay light so their children show). */
function minimapColor(n: ResourceFlowNode): string {
  return n.data.container ? '#e2e8f0' : KIND_STYLE[n.data.kind].accent;
}

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
function CanvasInner({ graph, positions, stale = false, staleMessage, onPositionsChange, onNodesDropped, onDropKind, onDropType, onWire, onDelete, selectedEdge = null, onEdgeSelect, onWireDelete, fitKey = 0, fitOnOpen = true, selected, onSelectionChange, focus, viewCenter, counts }: Props) {
  const flow = useReactFlow();
  const box = useRef<HTMLDivElement>(null);
  // A wire's hit area is drawn in flow units: widen it as the view zooms out so that it stays at
  // least EDGE_MIN_SCREEN_HIT pixels on screen (CSS reads --wire-hit). Set directly, not through a re-render.
  const rf = useStoreApi();
  useEffect(() => {
    const apply = (zoom: number) => box.current?.style.setProperty('--wire-hit', `${Math.round(Math.max(EDGE_HIT_WIDTH, EDGE_MIN_SCREEN_HIT / (zoom || 1)))}px`);
    apply(rf.getState().transform[2]);
    return rf.subscribe((s, prev) => {
      if (s.transform[2] !== prev.transform[2]) apply(s.transform[2]);
    });
  }, [rf]);
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
    // a network's part is listed on the network: bring that into view
    const n = graph.nodes.find((x) => x.id === focus.id);
    const id = n?.part && n.parent ? n.parent : focus.id;
    const raf = requestAnimationFrame(() => void flow.fitView({ nodes: [{ id }], duration: 250, maxZoom: 1.2, padding: 0.6 }));
    return () => cancelAnimationFrame(raf);
    // (not on a new graph: only a new focus moves the view)
  }, [focus, flow]);
  useEffect(() => {
    if (!fitKey) return;
    const raf = requestAnimationFrame(() => void flow.fitView({ ...FIT, duration: 0 }));
    return () => cancelAnimationFrame(raf);
  }, [fitKey, flow]);
  const [dragging, setDragging] = useState<Record<string, Position>>({});
  const merged = useMemo(() => ({ ...positions, ...dragging }), [positions, dragging]);
  // unchanged nodes and edges keep their objects, so React Flow neither re-renders nor re-measures them
  const [stableNodes] = useState(() => new StableNodes());
  const [stableEdges] = useState(() => new StableEdges<WireFlowEdge>());
  // containers are sized from the stored positions: a child dragged out does not stretch its container
  const nodes = useMemo(() => stableNodes.stable(toFlowNodes(graph, merged, selected, counts, positions)), [stableNodes, graph, merged, selected, counts, positions]);
  const edges = useMemo(() => stableEdges.stable(toFlowEdges(graph, selectedEdge)), [stableEdges, graph, selectedEdge]);

  const draggingNodes = useRef(false);
  const onNodeDragStart = useCallback(() => {
    draggingNodes.current = true;
  }, []);
  const onNodeDragStop = useCallback(
    (e: MouseEvent | TouchEvent, _node: ResourceFlowNode, dropped: ResourceFlowNode[]) => {
      draggingNodes.current = false;
      const point = 'changedTouches' in e ? e.changedTouches[0] : e;
      const moves = dropped.map((n) => ({ id: n.id, position: { ...(merged[n.id] ?? {}), x: n.position.x, y: n.position.y } }));
      setDragging({});
      if (onNodesDropped && point) onNodesDropped(moves, flow.screenToFlowPosition({ x: point.clientX, y: point.clientY }));
      else onPositionsChange?.({ ...merged, ...Object.fromEntries(moves.map((m) => [m.id, m.position])) });
    },
    [flow, merged, onNodesDropped, onPositionsChange],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<ResourceFlowNode>[]) => {
      stableNodes.measured(changes);
      if (changes.some((c) => c.type === 'select')) {
        // (a selected part of a network is no flow node: only flow nodes are compared)
        const next = applyNodeChanges(changes, nodes);
        const sel = new Set(next.filter((n) => n.selected).map((n) => n.id));
        const before = nodes.filter((n) => selected.has(n.id));
        if (sel.size !== before.length || [...sel].some((id) => !selected.has(id))) onSelectionChange?.([...sel]);
      }
      const moved: Record<string, Position> = {};
      let done = false;
      for (const c of changes) {
        if (c.type !== 'position' || !c.position) continue;
        moved[c.id] = { ...(merged[c.id] ?? {}), x: c.position.x, y: c.position.y };
        if (!c.dragging) done = true;
      }
      if (!Object.keys(moved).length) return;
      // the end of a mouse drag is reported by onNodeDragStop, with the pointer
      if (done && !draggingNodes.current) {
        setDragging({});
        onPositionsChange?.({ ...merged, ...moved });
      } else setDragging((d) => ({ ...d, ...moved }));
    },
    [stableNodes, nodes, selected, merged, onPositionsChange, onSelectionChange],
  );

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME) || e.dataTransfer.types.includes(RESOURCE_TYPE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const type = e.dataTransfer.getData(RESOURCE_TYPE_MIME);
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!type && !kind) return;
      e.preventDefault();
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      if (type) onDropType?.(type, at);
      else onDropKind?.(kind, at);
    },
    [flow, onDropKind, onDropType],
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
  const byId = useMemo(() => new Map(graph.edges.map((e) => [e.id, e])), [graph]);
  const onEdgesChange = useCallback(
    (changes: EdgeChange<WireFlowEdge>[]) => {
      let next: string | null | undefined;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        if (c.selected) next = c.id;
        else if (c.id === selectedEdge && next === undefined) next = null;
      }
      if (next === undefined || next === selectedEdge) return;
      onEdgeSelect?.(next === null ? null : (byId.get(next) ?? null));
    },
    [byId, selectedEdge, onEdgeSelect],
  );
  // React Flow passes the wires of deleted nodes too: those go with their nodes
  const onElementsDelete: OnDelete<ResourceFlowNode, WireFlowEdge> = useCallback(
    ({ nodes: gone, edges: cut }) => {
      const ids = new Set(gone.map((n) => n.id));
      if (ids.size) onDelete?.([...ids]);
      for (const e of cut) {
        const edge = byId.get(e.id);
        if (edge && !ids.has(edge.source) && !ids.has(edge.target) && (edge.kind === 'trigger' || edge.kind === 'access')) onWireDelete?.(edge);
      }
    },
    [byId, onDelete, onWireDelete],
  );

  const actions = useMemo(() => ({ select: (id: string) => onSelectionChange?.([id]) }), [onSelectionChange]);
  // React Flow copies a handler into its store whenever its identity changes (see useLatestCallback)
  const handlers = {
    onNodesChange: useLatestCallback(onNodesChange),
    onEdgesChange: useLatestCallback(onEdgesChange),
    onNodeDragStop: useLatestCallback(onNodeDragStop),
    onConnect: useLatestCallback(onConnect),
    onConnectEnd: useLatestCallback(onConnectEnd),
    onDelete: useLatestCallback(onElementsDelete),
  };

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div ref={box} className={`canvas${stale ? ' canvas-stale' : ''}`} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
        {stale && (
          <p className="canvas-banner" role="status">
            {staleMessage ?? 'The YAML does not parse: showing the last version that did.'}
          </p>
        )}
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={handlers.onNodesChange}
          onEdgesChange={handlers.onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={handlers.onNodeDragStop}
          onConnect={handlers.onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={handlers.onConnectEnd}
          onDelete={handlers.onDelete}
          deleteKeyCode={DELETE_KEYS}
          fitView={fitOnOpen}
          fitViewOptions={FIT}
          minZoom={0.1}
          // React Flow's own parts (controls, minimap, background) follow the system's light or dark mode, as the page does
          colorMode="system"
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <Controls fitViewOptions={FIT} />
          <MiniMap style={MINIMAP_SIZE} pannable zoomable ariaLabel="Overview of the stack" nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="var(--minimap-mask)" />
        </ReactFlow>
      </div>
    </CanvasActionsContext.Provider>
  );
}
