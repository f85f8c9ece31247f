import type { Edge, NodeChange } from '@xyflow/react';
import type { ResourceFlowNode } from './toFlow.ts';

type Size = { readonly width: number; readonly height: number };

/**
 * Keeps React Flow's node objects stable across renders. The canvas rebuilds its nodes from the
 * model on every change (a drag frame, an edit, a selection), and React Flow treats a node
 * object it has not seen as a new node: it re-adopts it and, when the object carries no
 * `measured` size, forgets the node's size and handle positions, hides it, measures it again
 * (a forced layout per node) and drops its edges until then. With 500 nodes that was every
 * node and every edge on every drag frame (docs/benchmarks.md, "Editor in the browser").
 *
 * So: a node equal in value to the one given last time is given as that same object (measured
 * since or not), and a changed node carries the size React Flow last measured for it (from its
 * `dimensions` changes).
 * Edges likewise (`StableEdges`): an edit rebuilds the graph, and a new edge object re-renders
 * its edge.
 */
export class StableNodes {
  private previous = new Map<string, ResourceFlowNode>();
  private readonly sizes = new Map<string, Size>();

  /** Records the sizes React Flow measured (pass every change list `onNodesChange` gets). */
  measured(changes: readonly NodeChange<ResourceFlowNode>[]): void {
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions) this.sizes.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
      else if (c.type === 'remove') this.sizes.delete(c.id);
    }
  }

  private last: ResourceFlowNode[] = [];

  /**
   * `nodes`, with each unchanged node replaced by the object given for it last time; the
   * previous array itself when nothing changed (React Flow then has nothing to update).
   */
  stable(nodes: readonly ResourceFlowNode[]): ResourceFlowNode[] {
    const next = new Map<string, ResourceFlowNode>();
    const out = nodes.map((n) => {
      const old = this.previous.get(n.id);
      const size = this.sizes.get(n.id);
      const node = old && sameNode(old, n) ? old : size ? { ...n, measured: size } : n;
      next.set(n.id, node);
      return node;
    });
    this.previous = next;
    if (!sameItems(out, this.last)) this.last = out;
    return this.last;
  }
}

/** Edges equal in value to the ones given last time, as those same objects. */
export class StableEdges<E extends Edge = Edge> {
  private previous = new Map<string, E>();
  private last: E[] = [];

  stable(edges: readonly E[]): E[] {
    const next = new Map<string, E>();
    const out = edges.map((e) => {
      const old = this.previous.get(e.id);
      const edge = old && sameValue(old, e) ? old : e;
      next.set(e.id, edge);
      return edge;
    });
    this.previous = next;
    if (!sameItems(out, this.last)) this.last = out;
    return this.last;
  }
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Equal in value. The size is not compared: React Flow keeps the size it measured with the
 * node object it was given, so handing it the same object again keeps that size, whether or not
 * the object says it. (Comparing it made every node new once, right after React Flow first
 * measured them: 500 nodes rendered twice on every load.)
 */
function sameNode(old: ResourceFlowNode, n: ResourceFlowNode): boolean {
  return sameValue(old, n, 'measured');
}

/** Equal in value, one level deep (position, data, style, markers), ignoring `skip`. */
function sameValue(x: object, y: object, skip?: string): boolean {
  const a = x as Readonly<Record<string, unknown>>;
  const b = y as Readonly<Record<string, unknown>>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  if (skip) keys.delete(skip);
  for (const k of keys) {
    const u = a[k];
    const v = b[k];
    if (Object.is(u, v)) continue;
    if (!isRecord(u) || !isRecord(v) || !shallowEqual(u, v)) return false;
  }
  return true;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null;

function shallowEqual(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
}
