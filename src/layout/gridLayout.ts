import type { Graph } from '../model/graph/types.ts';
import { parentsOf } from './elkGraph.ts';
import { CONTAINER_PADDING, DEFAULT_NODE_SIZE, type LayoutOptions, type Positions, type Size } from './types.ts';

/**
 * The fallback layout, used when workers are unavailable or ELK fails, so the canvas always has
 * positions. Pure and deterministic: a rank layout, left to right.
 *
 * Each top-level item (a node, or a container with everything inside it) gets a rank: the
 * longest chain of trigger/access/reference edges leading to it (cycles broken by graph order;
 * edges into or out of a container count for the container). Ranks are columns; items in a
 * column are stacked in graph order. A container's children are laid out the same way inside
 * it, relative to the container, and the container is sized to hold them.
 *
 * `options.fixed` is honoured the same simple way as in `elkGraph.ts`: placed top-level nodes
 * keep their position and the rest go to the right of them.
 */
export function gridLayout(graph: Graph, sizes: Readonly<Record<string, Size>> = {}, options: LayoutOptions = {}): Positions {
  const gapX = options.layerSpacing ?? 90;
  const gapY = options.nodeSpacing ?? 40;
  const parents = parentsOf(graph);
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const kidsOf = new Map<string, string[]>();
  for (const n of graph.nodes) {
    const key = parents.get(n.id) ?? '';
    kidsOf.set(key, [...(kidsOf.get(key) ?? []), n.id]);
  }
  const fixed = options.fixed ?? {};
  const out: Positions = {};

  /** The item at level `scope` (a child of `scope`, or top level for '') that holds `id`. */
  const itemIn = (id: string, scope: string): string | undefined => {
    let cur: string | undefined = id;
    while (cur !== undefined && (parents.get(cur) ?? '') !== scope) cur = parents.get(cur);
    return cur;
  };

  /** Lays out the children of `scope`; returns the size of the box they take (from 0,0). */
  const place = (scope: string, items: readonly string[]): Size => {
    const itemSize = new Map<string, Size>();
    for (const id of items) {
      const kids = kidsOf.get(id);
      if (kids && kids.length > 0) {
        const inner = place(id, kids);
        itemSize.set(id, {
          width: Math.max(inner.width + CONTAINER_PADDING.left + CONTAINER_PADDING.right, DEFAULT_NODE_SIZE.width),
          height: inner.height + CONTAINER_PADDING.top + CONTAINER_PADDING.bottom,
        });
      } else {
        itemSize.set(id, sizes[id] ?? DEFAULT_NODE_SIZE);
      }
    }
    // edges between items of this scope
    const inSet = new Set(items);
    const preds = new Map<string, Set<string>>(items.map((id) => [id, new Set<string>()]));
    for (const e of graph.edges) {
      if (e.kind === 'containment') continue;
      const s = itemIn(e.source, scope);
      const t = itemIn(e.target, scope);
      if (s === undefined || t === undefined || s === t || !inSet.has(s) || !inSet.has(t)) continue;
      preds.get(t)!.add(s);
    }
    // longest path rank; a back edge (to an item still on the stack) is ignored
    const rank = new Map<string, number>();
    const onStack = new Set<string>();
    const rankOf = (id: string): number => {
      const known = rank.get(id);
      if (known !== undefined) return known;
      onStack.add(id);
      let r = 0;
      const ps = [...preds.get(id)!].sort((a, b) => order.get(a)! - order.get(b)!);
      for (const p of ps) if (!onStack.has(p)) r = Math.max(r, rankOf(p) + 1);
      onStack.delete(id);
      rank.set(id, r);
      return r;
    };
    for (const id of items) rankOf(id);

    const columns: string[][] = [];
    for (const id of items) (columns[rank.get(id)!] ??= []).push(id);
    let x = 0;
    let height = 0;
    for (const col of columns) {
      if (!col) continue;
      let y = 0;
      let width = 0;
      for (const id of col) {
        const s = itemSize.get(id)!;
        const inner = scope === '' ? 0 : 1;
        const px = x + inner * CONTAINER_PADDING.left;
        const py = y + inner * CONTAINER_PADDING.top;
        const kids = kidsOf.get(id);
        out[id] = kids && kids.length > 0 ? { x: px, y: py, width: s.width, height: s.height } : { x: px, y: py };
        y += s.height + gapY;
        width = Math.max(width, s.width);
      }
      height = Math.max(height, y - gapY);
      x += width + gapX;
    }
    return { width: Math.max(0, x - gapX), height };
  };

  const top = kidsOf.get('') ?? [];
  const placed = top.filter((id) => Object.hasOwn(fixed, id));
  place('', top.filter((id) => !Object.hasOwn(fixed, id)));
  // placed containers are laid out inside too (their children relative to them), then moved back
  for (const id of placed) {
    const kids = kidsOf.get(id);
    const p = fixed[id]!;
    if (kids && kids.length > 0) {
      const inner = place(id, kids);
      const width = Math.max(inner.width + CONTAINER_PADDING.left + CONTAINER_PADDING.right, p.width ?? 0);
      const height = Math.max(inner.height + CONTAINER_PADDING.top + CONTAINER_PADDING.bottom, p.height ?? 0);
      out[id] = { x: p.x, y: p.y, width, height };
    } else {
      out[id] = { ...p };
    }
  }
  if (placed.length > 0) {
    let right = -Infinity;
    let minTop = Infinity;
    for (const id of placed) {
      const p = out[id]!;
      right = Math.max(right, p.x + (p.width ?? (sizes[id] ?? DEFAULT_NODE_SIZE).width));
      minTop = Math.min(minTop, p.y);
    }
    for (const id of top) {
      if (Object.hasOwn(fixed, id)) continue;
      const p = out[id]!;
      out[id] = { ...p, x: p.x + right + gapX, y: p.y + minTop };
    }
  }
  return out;
}
