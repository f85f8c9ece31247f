import { nodeKindInfo } from '../model/catalog/nodeKinds.ts';
import type { Graph, GraphNode } from '../model/graph/types.ts';
import { CONTAINER_PADDING } from '../layout/types.ts';

/**
 * Where each node is drawn and how big (pure: the canvas, the SVG export and the drop
 * decisions in app/network.ts share it). A child's position is relative to its container's
 * top-left corner (React Flow's sub-flow convention, as the layout writes it); containers are
 * at least their saved (or default) size and grow to hold their children.
 */

export interface Position {
  readonly x: number;
  readonly y: number;
  readonly width?: number;
  readonly height?: number;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 56;
/** A Virtual Network nobody sized yet. */
export const CONTAINER_WIDTH = 480;
export const CONTAINER_HEIGHT = 320;
/**
 * A network's own parts (subnets, security groups: `GraphNode.part`) are not nodes of their
 * own on the canvas but chips in a footer along the container's bottom edge, in rows.
 */
export const PART_CHIP_WIDTH = 150;
export const PART_CHIP_GAP = 6;
export const PART_ROW_HEIGHT = 28;
const PART_INSET = 12;

export interface NodeBox {
  /** Position in its container's frame (absolute for top-level nodes). */
  readonly x: number;
  readonly y: number;
  /** Position on the canvas. */
  readonly absX: number;
  readonly absY: number;
  readonly width: number;
  readonly height: number;
  readonly container: boolean;
  readonly parent?: string;
}

/** A simple column layout for nodes nobody placed yet (ELK replaces it when it has run). */
function fallback(index: number): Position {
  const perColumn = 8;
  return { x: Math.floor(index / perColumn) * (NODE_WIDTH + 80), y: (index % perColumn) * (NODE_HEIGHT + 40) };
}

/** Is the node drawn as a container: a Virtual Network, or anything with children. */
export function isContainer(n: GraphNode, parents: ReadonlySet<string>): boolean {
  return parents.has(n.id) || nodeKindInfo(n.kind).container;
}

/** The nodes drawn as nodes, containers first, then their children (React Flow requires parents before children). */
export function drawingOrder(graph: Graph): GraphNode[] {
  return [...graph.nodes.filter((n) => !n.parent), ...graph.nodes.filter((n) => n.parent && !n.part)];
}

/** Each container's parts, in template order. */
export function partsOf(graph: Graph): Map<string, GraphNode[]> {
  const out = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) if (n.part && n.parent) out.set(n.parent, [...(out.get(n.parent) ?? []), n]);
  return out;
}

/** Where a node is drawn: itself, or for a part the container it is listed on. */
export function drawnId(graph: Graph): (id: string) => string {
  const parts = new Map(graph.nodes.filter((n) => n.part && n.parent).map((n) => [n.id, n.parent!]));
  return (id) => parts.get(id) ?? id;
}

/** The graph as automatic layout sees it: the drawn nodes, and wires between them. */
export function drawnGraph(graph: Graph): Graph {
  if (!graph.nodes.some((n) => n.part)) return graph;
  const nodes = graph.nodes.filter((n) => !n.part);
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** Height of the footer listing `count` parts in a container `width` wide. */
export function partsFooterHeight(count: number, width: number): number {
  if (!count) return 0;
  const perRow = Math.max(1, Math.floor((width - 2 * PART_INSET + PART_CHIP_GAP) / (PART_CHIP_WIDTH + PART_CHIP_GAP)));
  return Math.ceil(count / perRow) * PART_ROW_HEIGHT + PART_INSET;
}

/**
 * Boxes of every node at `positions`. Containers are sized from `sizeFrom` (default: the same
 * positions): while a child is dragged, its container keeps the size it had, so the child can
 * be dragged out of it.
 */
export function nodeBoxes(graph: Graph, positions: Readonly<Record<string, Position>>, sizeFrom: Readonly<Record<string, Position>> = positions): Map<string, NodeBox> {
  const ordered = drawingOrder(graph);
  const byId = new Map(ordered.map((n) => [n.id, n]));
  const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => Boolean(p) && byId.has(p!)));
  const kids = new Map<string, string[]>();
  for (const n of ordered) if (n.parent && byId.has(n.parent)) kids.set(n.parent, [...(kids.get(n.parent) ?? []), n.id]);
  const rel = new Map(ordered.map((n, i) => [n.id, positions[n.id] ?? fallback(i)]));
  const sizing = sizeFrom === positions ? rel : new Map(ordered.map((n, i) => [n.id, sizeFrom[n.id] ?? rel.get(n.id) ?? fallback(i)]));

  const parts = partsOf(graph);
  const sizes = new Map<string, { width: number; height: number }>();
  const sizeOf = (id: string, seen: ReadonlySet<string>): { width: number; height: number } => {
    const done = sizes.get(id);
    if (done) return done;
    const n = byId.get(id)!;
    let size = { width: NODE_WIDTH, height: NODE_HEIGHT };
    if (isContainer(n, parents)) {
      const p = sizing.get(id)!;
      let width = p.width ?? CONTAINER_WIDTH;
      let bottom = 0;
      for (const k of kids.get(id) ?? []) {
        if (seen.has(k)) continue;
        const kp = sizing.get(k)!;
        const ks = sizeOf(k, new Set([...seen, k]));
        width = Math.max(width, kp.x + ks.width + CONTAINER_PADDING.right);
        bottom = Math.max(bottom, kp.y + ks.height + CONTAINER_PADDING.bottom);
      }
      // the parts' footer stays below the children
      const footer = partsFooterHeight(parts.get(id)?.length ?? 0, width);
      size = { width, height: Math.max(p.height ?? CONTAINER_HEIGHT, bottom + footer) };
    }
    sizes.set(id, size);
    return size;
  };

  const out = new Map<string, NodeBox>();
  const place = (id: string, seen: ReadonlySet<string>): NodeBox => {
    const done = out.get(id);
    if (done) return done;
    const n = byId.get(id)!;
    const p = rel.get(id)!;
    const size = sizeOf(id, new Set([id]));
    let absX = p.x;
    let absY = p.y;
    const parent = n.parent && byId.has(n.parent) && !seen.has(n.parent) ? n.parent : undefined;
    if (parent) {
      const pb = place(parent, new Set([...seen, id]));
      absX += pb.absX;
      absY += pb.absY;
    }
    const box: NodeBox = { x: p.x, y: p.y, absX, absY, ...size, container: isContainer(n, parents), ...(parent ? { parent } : {}) };
    out.set(id, box);
    return box;
  };
  for (const n of ordered) place(n.id, new Set([n.id]));
  return out;
}

/**
 * The place nearest to `near` (a top-left corner) where a box of `size` keeps `gap` clear of
 * every top-level node: a new Virtual Network must not cover nodes that are not in it.
 * Searches outward in rings of 40 units; below everything when nothing nearer is free.
 */
export function freeSpot(boxes: ReadonlyMap<string, NodeBox>, size: { width: number; height: number }, near: { x: number; y: number }, gap = 40): { x: number; y: number } {
  const tops = [...boxes.values()].filter((b) => !b.parent);
  const free = (x: number, y: number) =>
    tops.every((b) => x + size.width + gap <= b.absX || b.absX + b.width + gap <= x || y + size.height + gap <= b.absY || b.absY + b.height + gap <= y);
  if (free(near.x, near.y)) return { x: near.x, y: near.y };
  const step = 40;
  for (let r = 1; r <= 50; r++) {
    let best: { x: number; y: number; d: number } | undefined;
    for (let i = -r; i <= r; i++) {
      for (const [dx, dy] of [[i, -r], [i, r], [-r, i], [r, i]] as const) {
        const x = near.x + dx * step;
        const y = near.y + dy * step;
        const d = dx * dx + dy * dy;
        if ((!best || d < best.d) && free(x, y)) best = { x, y, d };
      }
    }
    if (best) return { x: best.x, y: best.y };
  }
  const left = Math.min(...tops.map((b) => b.absX));
  const bottom = Math.max(...tops.map((b) => b.absY + b.height));
  return { x: left, y: bottom + gap };
}
