import { CONTAINER_HEIGHT, CONTAINER_WIDTH, NODE_HEIGHT, NODE_WIDTH, freeSpot, nodeBoxes } from '../canvas/geometry.ts';
import type { NodeBox, Position } from '../canvas/geometry.ts';
import { CONTAINER_PADDING } from '../layout/types.ts';
import { placementOf } from '../model/catalog/network.ts';
import { kindPhrase, nodeKindInfo } from '../model/catalog/nodeKinds.ts';
import type { Edit } from '../model/edit/types.ts';
import type { Graph, GraphNode, NodeKind } from '../model/graph/types.ts';
import { addNodeEdit } from '../sidebar/newNode.ts';

/**
 * What dropping on the canvas means for Virtual Networks (pure; Canvas reports the drop and
 * Editor dispatches the outcome). The drop point is hit-tested against the containers'
 * rectangles in flow coordinates: a function or database dropped inside a network is placed in
 * it, dropped outside every network is taken out of its own, and moved within its network it
 * only moves. Places are in the frame of the container the node ends up in, so nothing jumps.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Moved {
  readonly id: string;
  /** Where the node was dropped, in the frame of its container before the drop (React Flow's `position`). */
  readonly position: Position;
}

export interface DropOutcome {
  /** One undo step. */
  readonly edits: Edit[];
  /** Places that hold only if the edits apply (nodes in a new container's frame). */
  readonly ifApplied: Record<string, Position>;
  /** Places of nodes that only moved. */
  readonly moved: Record<string, Position>;
  /** Why a node went back to where it was. */
  readonly notice: string | null;
}

const PLACEABLE_KINDS: ReadonlySet<NodeKind> = new Set(['function', 'database']);

function placeable(n: GraphNode): boolean {
  return !n.implicit && PLACEABLE_KINDS.has(n.kind) && placementOf(n.type) !== null;
}

/** The innermost container whose rectangle holds the point (the smallest one), leaving out `exclude`. */
export function containerAt(boxes: ReadonlyMap<string, NodeBox>, point: Point, exclude: ReadonlySet<string> = new Set()): string | undefined {
  let best: { id: string; area: number } | undefined;
  for (const [id, b] of boxes) {
    if (!b.container || exclude.has(id)) continue;
    if (point.x < b.absX || point.y < b.absY || point.x > b.absX + b.width || point.y > b.absY + b.height) continue;
    const area = b.width * b.height;
    if (!best || area < best.area) best = { id, area };
  }
  return best?.id;
}

/** A child's place: in its container's frame, clear of the container's title and left edge. */
function inside(p: Position): Position {
  return { ...p, x: Math.max(CONTAINER_PADDING.left, p.x), y: Math.max(CONTAINER_PADDING.top, p.y) };
}

/** Is `id` or one of its containers among `ids`? */
function withAncestor(graph: ReadonlyMap<string, GraphNode>, id: string | undefined, ids: ReadonlySet<string>): boolean {
  for (let p = id, guard = 0; p !== undefined && guard < 50; p = graph.get(p)?.parent, guard++) if (ids.has(p)) return true;
  return false;
}

export function decideNodeDrop(graph: Graph, positions: Readonly<Record<string, Position>>, moves: readonly Moved[], pointer: Point): DropOutcome {
  const out: DropOutcome = { edits: [], ifApplied: {}, moved: {}, notice: null };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const dragged = new Set(moves.map((m) => m.id));
  const after = { ...positions, ...Object.fromEntries(moves.map((m) => [m.id, m.position])) };
  // containers keep the size they had before the drag: a child dragged out does not stretch them
  const boxes = nodeBoxes(graph, after, positions);
  const notices: string[] = [];
  for (const m of moves) {
    const n = byId.get(m.id);
    const box = boxes.get(m.id);
    if (!n || !box) continue;
    const parent = box.parent;
    // a node dragged with its container keeps its place in it; a container only moves
    if (box.container || withAncestor(byId, parent, dragged)) {
      out.moved[m.id] = m.position;
      continue;
    }
    const target = containerAt(boxes, pointer, new Set([...dragged].filter((id) => boxes.get(id)?.container)));
    if (target === parent) {
      out.moved[m.id] = parent ? inside(m.position) : m.position;
      continue;
    }
    if (!placeable(n)) {
      if (target) notices.push(`${kindPhrase(n.kind, true)} cannot sit in a Virtual Network: only functions and databases can.`);
      else if (!parent) out.moved[m.id] = m.position;
      continue;
    }
    if (target) {
      const t = boxes.get(target)!;
      out.edits.push({ op: 'placeInNetwork', resource: m.id, network: target });
      out.ifApplied[m.id] = inside({ x: box.absX - t.absX, y: box.absY - t.absY });
    } else {
      out.edits.push({ op: 'removeFromNetwork', resource: m.id });
      out.ifApplied[m.id] = { x: box.absX, y: box.absY };
    }
  }
  return { ...out, notice: notices.length ? notices.join(' ') : null };
}

/** Room a node added by a click keeps from the nodes around it. */
const CLEAR_GAP = 24;

/**
 * Where a node added by a click (palette, resource picker, a Timer) goes: at `at` (its top-left
 * corner, the middle of the view) when that covers no node, else the nearest place that does
 * not, so that a new node never hides one already drawn.
 */
export function clearSpot(graph: Graph, positions: Readonly<Record<string, Position>>, at: Point): Point {
  return spotAmong(nodeBoxes(graph, positions), at);
}

const spotAmong = (boxes: ReadonlyMap<string, NodeBox>, at: Point): Point => freeSpot(boxes, { width: NODE_WIDTH, height: NODE_HEIGHT }, at, CLEAR_GAP);

/**
 * A palette item dropped (or clicked in) at `at` (the new node's top-left corner): the edits
 * adding it, placed in the network under `point` when it is a function or a database, and its
 * place in the frame it ends up in. Null for kinds without a resource of their own. A click
 * (`clicked`) that lands on no network puts the node where it covers no other node.
 */
export function decidePaletteDrop(graph: Graph, positions: Readonly<Record<string, Position>>, kind: NodeKind, id: string, at: Point, point: Point = at, clicked = false): { edits: Edit[]; place: Position } | null {
  const add = addNodeEdit(kind, id);
  if (!add) return null;
  const boxes = nodeBoxes(graph, positions);
  const clear = (p: Point): Position => (clicked ? spotAmong(boxes, p) : { x: p.x, y: p.y });
  // a new network is centred on the point, where it covers no node that is not in it
  if (nodeKindInfo(kind).container) {
    const near = Number.isFinite(point.x) && Number.isFinite(point.y) ? { x: point.x - CONTAINER_WIDTH / 2, y: point.y - CONTAINER_HEIGHT / 2 } : at;
    return { edits: [add], place: freeSpot(boxes, { width: CONTAINER_WIDTH, height: CONTAINER_HEIGHT }, near) };
  }
  if (!PLACEABLE_KINDS.has(kind)) return { edits: [add], place: clear(at) };
  const target = containerAt(boxes, point);
  if (!target) return { edits: [add], place: clear(at) };
  const t = boxes.get(target)!;
  return { edits: [add, { op: 'placeInNetwork', resource: id, network: target }], place: inside({ x: at.x - t.absX, y: at.y - t.absY }) };
}
