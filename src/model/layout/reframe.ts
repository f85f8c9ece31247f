import type { Graph } from '../graph/types.ts';
import type { NodePosition } from './sidecar.ts';

/**
 * A child's position is relative to its container (docs/layout-sidecar.md). When a node's
 * container changes without a drag (undo, redo, VpcConfig typed in the YAML view), its position
 * must change frame too or the node would jump. `reframe` gives the new positions: the place the
 * node last had in that frame when there is one (so undoing a move into a network puts it back
 * where it was), else the same spot on the canvas, inside the container's title and left edge.
 */

/** Room a child keeps from its container's left edge and title (as the layout's padding). */
const INSET = { x: 24, y: 48 };

/** Key of a remembered place: node id and the frame (container id, or '' for the canvas). */
export function frameKey(id: string, frame: string | undefined): string {
  return `${id}\u0000${frame ?? ''}`;
}

export interface Reframed {
  /** New positions of the nodes whose container changed. */
  readonly places: Record<string, NodePosition>;
  /** The places they leave, to come back to. */
  readonly remember: Record<string, NodePosition>;
}

function absolute(graph: Graph, positions: Readonly<Record<string, NodePosition>>, id: string): { x: number; y: number } | null {
  const parents = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  let x = 0;
  let y = 0;
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined; cur = parents.get(cur)) {
    const p = positions[cur];
    if (!p || seen.has(cur)) return null;
    seen.add(cur);
    x += p.x;
    y += p.y;
  }
  return { x, y };
}

export function reframe(
  before: Graph,
  after: Graph,
  positions: Readonly<Record<string, NodePosition>>,
  remembered: Readonly<Record<string, NodePosition>> = {},
): Reframed {
  const out: Reframed = { places: {}, remember: {} };
  const was = new Map(before.nodes.map((n) => [n.id, n.parent]));
  for (const n of after.nodes) {
    if (!was.has(n.id) || was.get(n.id) === n.parent || n.part) continue;
    const current = positions[n.id];
    if (!current) continue;
    out.remember[frameKey(n.id, was.get(n.id))] = current;
    const back = remembered[frameKey(n.id, n.parent)];
    if (back) {
      out.places[n.id] = back;
      continue;
    }
    const spot = absolute(before, positions, n.id);
    const origin = n.parent ? absolute(after, positions, n.parent) : { x: 0, y: 0 };
    if (!spot || !origin) continue;
    const x = spot.x - origin.x;
    const y = spot.y - origin.y;
    out.places[n.id] = n.parent ? { ...current, x: Math.max(INSET.x, x), y: Math.max(INSET.y, y) } : { ...current, x, y };
  }
  return out;
}
