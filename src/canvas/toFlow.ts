import type { Edge, Node } from '@xyflow/react';
import type { Graph, GraphEdge, GraphNode, NodeKind } from '../model/graph/types.ts';
import { NODE_HEIGHT, NODE_WIDTH, drawingOrder, drawnId, nodeBoxes, partsOf } from './geometry.ts';
import type { Position } from './geometry.ts';

export type { Position } from './geometry.ts';
export { NODE_HEIGHT, NODE_WIDTH } from './geometry.ts';

export type ResourceNodeData = {
  readonly id: string;
  readonly kind: NodeKind;
  readonly type: string;
  readonly implicit: boolean;
  readonly container: boolean;
  /** Diagnostics on this resource, for its badge. */
  readonly errors: number;
  readonly warnings: number;
  /** A container's own parts (subnets, security groups), listed in its footer. */
  readonly parts?: readonly PartChip[];
};

export interface PartChip {
  readonly id: string;
  /** The id without the network's name in front (`PrivateSubnet1` in `NetPrivateSubnet1`). */
  readonly label: string;
  readonly type: string;
  readonly selected: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export type ResourceFlowNode = Node<ResourceNodeData, 'resource' | 'container'>;

/**
 * Maps the model's graph to React Flow nodes. Containers (Virtual Networks) come before their
 * children, and children carry `parentId` with positions relative to the container. Children
 * are not confined to their container: dragging one out takes it out of the network.
 */
export function toFlowNodes(
  graph: Graph,
  positions: Readonly<Record<string, Position>>,
  selected: ReadonlySet<string>,
  counts: Readonly<Record<string, { errors: number; warnings: number }>> = {},
  /** Positions to size containers from (before a drag): a dragged child does not stretch its container. */
  sizeFrom: Readonly<Record<string, Position>> = positions,
): ResourceFlowNode[] {
  const boxes = nodeBoxes(graph, positions, sizeFrom);
  const parts = partsOf(graph);
  const chip = (p: GraphNode, container: string): PartChip => ({
    id: p.id,
    label: p.id.startsWith(container) && p.id.length > container.length ? p.id.slice(container.length) : p.id,
    type: p.type,
    selected: selected.has(p.id),
    errors: counts[p.id]?.errors ?? 0,
    warnings: counts[p.id]?.warnings ?? 0,
  });
  return drawingOrder(graph).map((n): ResourceFlowNode => {
    const b = boxes.get(n.id)!;
    const own = parts.get(n.id);
    return {
      id: n.id,
      type: b.container ? 'container' : 'resource',
      position: { x: b.x, y: b.y },
      data: {
        id: n.id,
        kind: n.kind,
        type: n.type,
        implicit: Boolean(n.implicit),
        container: b.container,
        errors: counts[n.id]?.errors ?? 0,
        warnings: counts[n.id]?.warnings ?? 0,
        ...(own ? { parts: own.map((p) => chip(p, n.id)) } : {}),
      },
      selected: selected.has(n.id),
      ...(b.parent ? { parentId: b.parent } : {}),
      ...(b.container ? { style: { width: b.width, height: b.height } } : {}),
      // the size before React Flow measures it: the minimap and fitView use it (nodes are rebuilt
      // from the model, so React Flow's own measurements never reach these objects)
      initialWidth: b.container ? b.width : NODE_WIDTH,
      initialHeight: b.container ? b.height : NODE_HEIGHT,
    };
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
 * nesting, and a wire to a network's part ends at the network, where the part is listed. Every wire is selectable and focusable (Enter selects it); trigger and access wires
 * can be deleted (they are written by Cairn's rules), references cannot (they are the user's code).
 */
export function toFlowEdges(graph: Graph, selected: string | null = null): WireFlowEdge[] {
  const drawn = drawnId(graph);
  const seen = new Set<string>();
  return graph.edges
    .filter((e) => e.kind !== 'containment')
    .map((e) => ({ ...e, source: drawn(e.source), target: drawn(e.target) }))
    .filter((e) => {
      const key = `${e.source}\u0000${e.kind}\u0000${e.target}`;
      if (e.source === e.target || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
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
