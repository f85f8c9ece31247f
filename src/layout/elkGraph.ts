import type { ElkExtendedEdge, ElkNode, LayoutOptions as ElkLayoutOptions } from 'elkjs/lib/elk-api.js';
import type { EdgeKind, Graph } from '../model/graph/types.ts';
import { CONTAINER_PADDING, DEFAULT_NODE_SIZE, type LayoutOptions, type Position, type Positions, type Size } from './types.ts';

/**
 * Cairn's graph to and from ELK JSON (pure: no DOM, no ELK code; `runElk` takes the ELK
 * instance so the same code runs in the layout worker and in Node tests).
 *
 * Layered, left to right, with INCLUDE_CHILDREN so that edges crossing a Virtual Network's
 * border are laid out together with everything else (engineering-findings.md §5).
 *
 * Fixed nodes (`options.fixed`): nodes the user placed stay exactly where they are, and only
 * the unplaced ones go to ELK. The ELK result is then shifted so that it starts to the right of
 * the placed nodes' bounding box (top aligned with it), so new nodes never land on top of old
 * ones. Containers:
 *  - a placed container keeps its position (and size, if given); its placed children keep
 *    theirs; its unplaced children are stacked inside it below the placed ones, and the
 *    container grows to hold them;
 *  - an unplaced container is laid out afresh with ALL its children (their saved positions are
 *    relative to a container that has no position yet, so they are not kept).
 */

export type ElkGraph = ElkNode;

const EDGE_PRIORITY: Record<Exclude<EdgeKind, 'containment'>, number> = { trigger: 10, access: 5, reference: 0 };

/** The container of each node, if it is a known node and the chain has no cycle. */
export function parentsOf(graph: Graph): Map<string, string> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const raw = new Map<string, string>();
  for (const n of graph.nodes) if (n.parent && n.parent !== n.id && ids.has(n.parent)) raw.set(n.id, n.parent);
  const out = new Map<string, string>();
  for (const [id, parent] of raw) {
    const seen = new Set([id]);
    let p: string | undefined = parent;
    let ok = true;
    while (p !== undefined) {
      if (seen.has(p)) {
        ok = false;
        break;
      }
      seen.add(p);
      p = raw.get(p);
    }
    if (ok) out.set(id, parent);
  }
  return out;
}

function ancestors(id: string, parents: Map<string, string>): string[] {
  const out: string[] = [];
  for (let p = parents.get(id); p !== undefined; p = parents.get(p)) out.push(p);
  return out;
}

function roundPos(p: Position): Position {
  const r = (v: number) => Math.round(v);
  return p.width !== undefined && p.height !== undefined
    ? { x: r(p.x), y: r(p.y), width: r(p.width), height: r(p.height) }
    : { x: r(p.x), y: r(p.y) };
}

/** Which nodes ELK lays out: unplaced top-level nodes with their whole subtree. */
function elkSet(graph: Graph, parents: Map<string, string>, fixed: Readonly<Record<string, Position>>): Set<string> {
  const out = new Set<string>();
  for (const n of graph.nodes) {
    const chain = [n.id, ...ancestors(n.id, parents)];
    const top = chain[chain.length - 1]!;
    if (!Object.hasOwn(fixed, top)) out.add(n.id);
  }
  return out;
}

export function toElkGraph(graph: Graph, sizes: Readonly<Record<string, Size>> = {}, options: LayoutOptions = {}): ElkGraph {
  const parents = parentsOf(graph);
  const include = elkSet(graph, parents, options.fixed ?? {});
  const nodeSpacing = String(options.nodeSpacing ?? 40);
  const layerSpacing = String(options.layerSpacing ?? 90);
  const padding = `[top=${CONTAINER_PADDING.top},left=${CONTAINER_PADDING.left},bottom=${CONTAINER_PADDING.bottom},right=${CONTAINER_PADDING.right}]`;

  const children = new Map<string, string[]>();
  for (const n of graph.nodes) {
    if (!include.has(n.id)) continue;
    const p = parents.get(n.id) ?? '';
    const list = children.get(p) ?? [];
    list.push(n.id);
    children.set(p, list);
  }

  const elkNodes = new Map<string, ElkNode>();
  const build = (id: string): ElkNode => {
    const kids = children.get(id) ?? [];
    const node: ElkNode =
      kids.length > 0
        ? {
            id,
            layoutOptions: { 'elk.padding': padding, 'elk.spacing.nodeNode': nodeSpacing },
            children: kids.map(build),
            edges: [],
          }
        : { id, width: sizes[id]?.width ?? DEFAULT_NODE_SIZE.width, height: sizes[id]?.height ?? DEFAULT_NODE_SIZE.height };
    elkNodes.set(id, node);
    return node;
  };

  const layoutOptions: ElkLayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.spacing.nodeNode': nodeSpacing,
    'elk.layered.spacing.nodeNodeBetweenLayers': layerSpacing,
    'elk.spacing.edgeNode': '20',
    'elk.spacing.componentComponent': nodeSpacing,
    'elk.randomSeed': '1',
  };
  const root: ElkNode = { id: '__root__', layoutOptions, children: (children.get('') ?? []).map(build), edges: [] };

  const seen = new Set<string>();
  for (const e of graph.edges) {
    if (e.kind === 'containment') continue;
    if (!include.has(e.source) || !include.has(e.target) || e.source === e.target) continue;
    const sa = [e.source, ...ancestors(e.source, parents)];
    const ta = [e.target, ...ancestors(e.target, parents)];
    // an edge between a node and its own container says nothing about left-to-right order
    if (sa.includes(e.target) || ta.includes(e.source)) continue;
    const key = `${e.source}\u0000${e.target}\u0000${e.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // ELK wants an edge in the lowest common ancestor of its ends
    const lca = sa.slice(1).find((a) => ta.includes(a));
    const owner = lca !== undefined ? elkNodes.get(lca)! : root;
    const priority = String(EDGE_PRIORITY[e.kind]);
    const edge: ElkExtendedEdge = {
      id: `e${seen.size}`,
      sources: [e.source],
      targets: [e.target],
      layoutOptions: {
        'elk.layered.priority.direction': priority,
        'elk.layered.priority.straightness': priority,
        'elk.layered.priority.shortness': priority,
      },
    };
    (owner.edges ??= []).push(edge);
  }
  return root;
}

/** Positions from ELK's answer: children relative to their container, containers sized. */
export function fromElkResult(result: ElkNode): Positions {
  const out: Positions = {};
  const walk = (node: ElkNode) => {
    for (const c of node.children ?? []) {
      const isContainer = (c.children?.length ?? 0) > 0;
      const x = c.x ?? 0;
      const y = c.y ?? 0;
      out[c.id] = roundPos(isContainer ? { x, y, width: c.width ?? 0, height: c.height ?? 0 } : { x, y });
      walk(c);
    }
  };
  walk(result);
  return out;
}

const GAP = 80;

/** Puts ELK's positions (of the unplaced nodes) next to the placed ones; see the header. */
export function mergeFixed(graph: Graph, laidOut: Positions, fixed: Readonly<Record<string, Position>>, sizes: Readonly<Record<string, Size>> = {}): Positions {
  const parents = parentsOf(graph);
  const size = (id: string) => sizes[id] ?? DEFAULT_NODE_SIZE;
  const out: Positions = {};
  const placedTop = graph.nodes.filter((n) => !parents.has(n.id) && Object.hasOwn(fixed, n.id));
  if (placedTop.length === 0) return { ...laidOut };

  // placed containers: keep placed children, stack the unplaced ones inside
  const kidsOf = new Map<string, string[]>();
  for (const n of graph.nodes) {
    const p = parents.get(n.id);
    if (p !== undefined) kidsOf.set(p, [...(kidsOf.get(p) ?? []), n.id]);
  }
  const placeInside = (id: string): Size => {
    const pos = fixed[id]!;
    const kids = kidsOf.get(id) ?? [];
    if (kids.length === 0) {
      out[id] = roundPos(pos);
      return pos.width !== undefined && pos.height !== undefined ? { width: pos.width, height: pos.height } : size(id);
    }
    let bottom: number = CONTAINER_PADDING.top;
    let right = 0;
    const unplaced: string[] = [];
    for (const k of kids) {
      if (!Object.hasOwn(fixed, k)) {
        unplaced.push(k);
        continue;
      }
      const s = placeInside(k);
      const p = fixed[k]!;
      bottom = Math.max(bottom, p.y + s.height + 40);
      right = Math.max(right, p.x + s.width);
    }
    for (const k of unplaced) {
      out[k] = { x: CONTAINER_PADDING.left, y: bottom };
      const s = (kidsOf.get(k)?.length ?? 0) > 0 ? layoutChildless(k) : size(k);
      bottom += s.height + 40;
      right = Math.max(right, CONTAINER_PADDING.left + s.width);
    }
    const width = Math.max(pos.width ?? 0, right + CONTAINER_PADDING.right);
    const height = Math.max(pos.height ?? 0, bottom - 40 + CONTAINER_PADDING.bottom);
    out[id] = roundPos({ x: pos.x, y: pos.y, width, height });
    return { width, height };
  };
  // an unplaced nested container inside a placed one: give it a plain stacked box
  const layoutChildless = (id: string): Size => {
    let y: number = CONTAINER_PADDING.top;
    let w = 0;
    for (const k of kidsOf.get(id) ?? []) {
      out[k] = { x: CONTAINER_PADDING.left, y };
      const s = (kidsOf.get(k)?.length ?? 0) > 0 ? layoutChildless(k) : size(k);
      y += s.height + 40;
      w = Math.max(w, s.width);
    }
    const s = { width: w + CONTAINER_PADDING.left + CONTAINER_PADDING.right, height: y - 40 + CONTAINER_PADDING.bottom };
    out[id] = { x: out[id]?.x ?? 0, y: out[id]?.y ?? 0, ...s };
    return s;
  };

  let maxRight = -Infinity;
  let minTop = Infinity;
  for (const n of placedTop) {
    const s = placeInside(n.id);
    const p = fixed[n.id]!;
    maxRight = Math.max(maxRight, p.x + s.width);
    minTop = Math.min(minTop, p.y);
  }

  // shift the freshly laid out top-level nodes to the right of the placed ones
  const fresh = graph.nodes.filter((n) => !parents.has(n.id) && Object.hasOwn(laidOut, n.id));
  let minX = Infinity;
  let minY = Infinity;
  for (const n of fresh) {
    minX = Math.min(minX, laidOut[n.id]!.x);
    minY = Math.min(minY, laidOut[n.id]!.y);
  }
  const dx = maxRight + GAP - minX;
  const dy = minTop - minY;
  for (const [id, p] of Object.entries(laidOut)) {
    if (Object.hasOwn(out, id)) continue;
    out[id] = parents.has(id) ? p : roundPos({ ...p, x: p.x + dx, y: p.y + dy });
  }
  return out;
}

/** The part of the ELK API that layout needs (so tests and the worker can pass their own). */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Lays out a graph with the given ELK instance: toElkGraph, ELK, fromElkResult, mergeFixed. */
export async function runElk(elk: ElkLike, graph: Graph, sizes: Readonly<Record<string, Size>> = {}, options: LayoutOptions = {}): Promise<Positions> {
  const input = toElkGraph(graph, sizes, options);
  const laidOut = (input.children?.length ?? 0) > 0 ? fromElkResult(await elk.layout(input)) : {};
  return options.fixed && Object.keys(options.fixed).length > 0 ? mergeFixed(graph, laidOut, options.fixed, sizes) : laidOut;
}
