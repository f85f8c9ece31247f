import type { Path } from '../diagnostics/types.ts';
import type { Graph, GraphEdge, GraphNode, WireSource } from './types.ts';

function samePath(a: Path, b: Path): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a.id === b.id && a.type === b.type && a.kind === b.kind && a.parent === b.parent && a.part === b.part && a.implicit === b.implicit && samePath(a.path, b.path);
}

function sameSource(a: WireSource, b: WireSource): boolean {
  return a.via === b.via && a.name === b.name && samePath(a.path, b.path);
}

function sameEdge(a: GraphEdge, b: GraphEdge): boolean {
  if (a.id !== b.id || a.source !== b.source || a.target !== b.target || a.kind !== b.kind || a.sources.length !== b.sources.length) return false;
  for (let i = 0; i < a.sources.length; i++) if (!sameSource(a.sources[i]!, b.sources[i]!)) return false;
  return true;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * True when two graphs draw the same: same nodes, edges and undrawn permissions, in the same
 * order, down to the template paths they come from. Most edits (a property, an environment
 * value) leave the graph as it was; the editor then keeps the graph it has, so the canvas
 * has nothing to redraw.
 */
export function sameGraph(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  return (
    sameList(a.nodes, b.nodes, sameNode) &&
    sameList(a.edges, b.edges, sameEdge) &&
    sameList(a.unwired, b.unwired, (x, y) => x.via === y.via && samePath(x.path, y.path) && sameList(x.principals, y.principals, (p, q) => p === q))
  );
}
