import type { Edge, Node } from '@xyflow/react';
import type { Graph, GraphEdge, GraphNode, NodeKind } from '../model/graph/types.ts';

export interface Position {
  readonly x: number;
  readonly y: number;
  readonly width?: number;
  readonly height?: number;
}

export type ResourceNodeData = {
  readonly id: string;
  readonly kind: NodeKind;
  readonly type: string;
  readonly implicit: boolean;
  readonly container: boolean;
  /** Diagnostics on this resource, for its badge. */
  readonly errors: number;
  readonly warnings: number;
};

export type ResourceFlowNode = Node<ResourceNodeData, 'resource' | 'container'>;

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 56;

/** A simple column layout for nodes nobody placed yet (ELK replaces it when it has run). */
function fallback(index: number): Position {
  const perColumn = 8;
  return { x: Math.floor(index / perColumn) * (NODE_WIDTH + 80), y: (index % perColumn) * (NODE_HEIGHT + 40) };
}

/**
 * Maps the model's graph to React Flow nodes. Containers (Virtual Networks) come before their
 * children, and children carry `parentId` with positions relative to the container.
 */
export function toFlowNodes(
  graph: Graph,
  positions: Readonly<Record<string, Position>>,
  selected: ReadonlySet<string>,
  counts: Readonly<Record<string, { errors: number; warnings: number }>> = {},
): ResourceFlowNode[] {
  const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => Boolean(p)));
  const ordered: GraphNode[] = [...graph.nodes.filter((n) => !n.parent), ...graph.nodes.filter((n) => n.parent)];
  return ordered.map((n, i): ResourceFlowNode => {
    const container = parents.has(n.id);
    const p = positions[n.id] ?? fallback(i);
    const node: ResourceFlowNode = {
      id: n.id,
      type: container ? 'container' : 'resource',
      position: { x: p.x, y: p.y },
      data: { id: n.id, kind: n.kind, type: n.type, implicit: Boolean(n.implicit), container, errors: counts[n.id]?.errors ?? 0, warnings: counts[n.id]?.warnings ?? 0 },
      selected: selected.has(n.id),
      ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}),
      ...(container ? { style: { width: p.width ?? 480, height: p.height ?? 320 } } : {}),
      // the size before React Flow measures it: the minimap and fitView use it (nodes are rebuilt
      // from the model, so React Flow's own measurements never reach these objects)
      initialWidth: container ? (p.width ?? 480) : NODE_WIDTH,
      initialHeight: container ? (p.height ?? 320) : NODE_HEIGHT,
    };
    return node;
  });
}

const EDGE_CLASS: Record<GraphEdge['kind'], string> = {
  trigger: 'wire wire-trigger',
  access: 'wire wire-access',
  reference: 'wire wire-reference',
  containment: 'wire wire-containment',
};

/** Test id of a drawn wire (`canvas.edge.<source>.<kind>.<target>`): stable across renders and edits. */
export function edgeTestId(e: Pick<GraphEdge, 'source' | 'kind' | 'target'>): string {
  return `canvas.edge.${e.source}.${e.kind}.${e.target}`;
}

/** Hit area around a wire's line, in flow units: even a 1px dotted reference is easy to click. */
export const EDGE_HIT_WIDTH = 22;
/** Zoomed out, the hit area grows to stay this many screen pixels wide (Canvas.tsx). */
export const EDGE_MIN_SCREEN_HIT = 12;

export type WireFlowEdge = Edge<{ kind: GraphEdge['kind'] }>;

/**
 * Wires: trigger solid, access dashed, references thin and dotted; containment is drawn by
 * nesting. Every wire is selectable and focusable (Enter selects it); trigger and access wires
 * can be deleted (they are written by Cairn's rules), references cannot (they are the user's code).
 */
export function toFlowEdges(graph: Graph, selected: string | null = null): WireFlowEdge[] {
  return graph.edges
    .filter((e) => e.kind !== 'containment')
    .map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      className: EDGE_CLASS[e.kind],
      data: { kind: e.kind },
      ...(e.kind === 'reference' ? {} : { markerEnd: { type: 'arrowclosed' as never } }),
      ariaLabel: `${e.kind} wire from ${e.source} to ${e.target}`,
      selected: e.id === selected,
      focusable: true,
      deletable: e.kind === 'trigger' || e.kind === 'access',
      interactionWidth: EDGE_HIT_WIDTH,
      // React Flow spreads these onto the edge's <g>, after its own data-testid
      domAttributes: { 'data-testid': edgeTestId(e) } as WireFlowEdge['domAttributes'],
    }));
}
