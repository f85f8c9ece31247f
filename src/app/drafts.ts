import type { Graph, GraphNode } from '../model/graph/types.ts';

/**
 * New Timers drawn on the canvas but not yet in the file. A Timer has no resource of its own
 * (it is a schedule event on the functions it runs), so until its first wire writes that event
 * it lives in the editor only; the wire's edit says so (`newSource: 'timer'`), and once it is
 * written the file's own Timer node replaces the draft.
 */
export function draftTimer(id: string): GraphNode {
  return { id, type: 'Cairn::Timer', kind: 'timer', path: [] };
}

/** The file's graph with the drafts no node of the file has taken the id of. */
export function withDrafts(graph: Graph, drafts: readonly GraphNode[]): Graph {
  if (!drafts.length) return graph;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const extra = drafts.filter((d) => !ids.has(d.id));
  return extra.length ? { ...graph, nodes: [...graph.nodes, ...extra] } : graph;
}
