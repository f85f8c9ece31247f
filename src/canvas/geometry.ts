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

/** Containers first, then their children (React Flow requires parents before children). */
export function drawingOrder(graph: Graph): GraphNode[] {
  return [...graph.nodes.filter((n) => !n.parent), ...graph.nodes.filter((n) => n.parent)];
}

export function nodeBoxes(graph: Graph, positions: Readonly<Record<string, Position>>): Map<string, NodeBox> {
  const ordered = drawingOrder(graph);
  const byId = new Map(ordered.map((n) => [n.id, n]));
  const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => Boolean(p) && byId.has(p!)));
  const kids = new Map<string, string[]>();
  for (const n of ordered) if (n.parent && byId.has(n.parent)) kids.set(n.parent, [...(kids.get(n.parent) ?? []), n.id]);
  const rel = new Map(ordered.map((n, i) => [n.id, positions[n.id] ?? fallback(i)]));

  const sizes = new Map<string, { width: number; height: number }>();
  const sizeOf = (id: string, seen: ReadonlySet<string>): { width: number; height: number } => {
    const done = sizes.get(id);
    if (done) return done;
    const n = byId.get(id)!;
    let size = { width: NODE_WIDTH, height: NODE_HEIGHT };
    if (isContainer(n, parents)) {
      const p = rel.get(id)!;
      let width = p.width ?? CONTAINER_WIDTH;
      let height = p.height ?? CONTAINER_HEIGHT;
      for (const k of kids.get(id) ?? []) {
        if (seen.has(k)) continue;
        const kp = rel.get(k)!;
        const ks = sizeOf(k, new Set([...seen, k]));
        width = Math.max(width, kp.x + ks.width + CONTAINER_PADDING.right);
        height = Math.max(height, kp.y + ks.height + CONTAINER_PADDING.bottom);
      }
      size = { width, height };
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
