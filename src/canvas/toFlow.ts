import type { Edge, Node } from '@xyflow/react';
import type { Graph, GraphEdge, NodeKind } from '../model/graph/types.ts';
import { drawingOrder, nodeBoxes } from './geometry.ts';
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
};

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
): ResourceFlowNode[] {
  const boxes = nodeBoxes(graph, positions);
  return drawingOrder(graph).map((n): ResourceFlowNode => {
    const b = boxes.get(n.id)!;
    return {
      id: n.id,
      type: b.container ? 'container' : 'resource',
      position: { x: b.x, y: b.y },
      data: { id: n.id, kind: n.kind, type: n.type, implicit: Boolean(n.implicit), container: b.container, errors: counts[n.id]?.errors ?? 0, warnings: counts[n.id]?.warnings ?? 0 },
      selected: selected.has(n.id),
      ...(b.parent ? { parentId: b.parent } : {}),
      ...(b.container ? { style: { width: b.width, height: b.height } } : {}),
    };
  });
}

const EDGE_CLASS: Record<GraphEdge['kind'], string> = {
  trigger: 'wire wire-trigger',
  access: 'wire wire-access',
  reference: 'wire wire-reference',
  containment: 'wire wire-containment',
};

/** Wires: trigger solid, access dashed, references thin and dotted; containment is drawn by nesting. */
export function toFlowEdges(graph: Graph): Edge[] {
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
    }));
}
