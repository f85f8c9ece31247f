import type { Graph, GraphEdge } from '../model/graph/types.ts';
import { KIND_STYLE } from './nodes/kindStyle.ts';
import { canMeasure, fitText, ID_FONT, NODE_FAMILY, textWidth, TYPE_FONT } from './nodes/fitText.ts';
import { PART_CHIP_GAP, PART_CHIP_WIDTH, PART_ROW_HEIGHT, drawnId, nodeBoxes, partsOf } from './geometry.ts';
import type { Position } from './geometry.ts';

const GLYPH_FONT = `700 10px ${NODE_FAMILY}`;

/**
 * Fits a label into `width` px: measured where text can be (the browser, as the canvas fits its
 * nodes' lines), else by characters (`max`, about 6.5 px a character at 13 px). The full text
 * stays in <title>.
 */
function fit(s: string, font: string, width: number, max: number): string {
  if (canMeasure()) return fitText(s, font, width);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const MARGIN = 24;
const DASH: Record<GraphEdge['kind'], string> = { trigger: '', access: '6 4', reference: '2 3', containment: '' };
const STROKE: Record<GraphEdge['kind'], string> = { trigger: '#334155', access: '#2563eb', reference: '#94a3b8', containment: '#3949ab' };

/**
 * The diagram as a standalone SVG document: nodes with their kind's colour, glyph, id and
 * type; containers around their children; wires drawn as on the canvas. Pure but for the
 * labels' fitting, which measures text where it can: the same stack exports the same file in
 * the same browser.
 */
export function exportSvg(graph: Graph, positions: Readonly<Record<string, Position>>, title = 'Cairn stack'): string {
  const placed = nodeBoxes(graph, positions);
  const abs = new Map([...placed].map(([id, b]) => [id, { x: b.absX, y: b.absY, w: b.width, h: b.height }]));
  const isContainer = (id: string) => placed.get(id)?.container === true;
  const boxes = [...abs.values()];
  const minX = Math.min(0, ...boxes.map((b) => b.x)) - MARGIN;
  const minY = Math.min(0, ...boxes.map((b) => b.y)) - MARGIN;
  const maxX = Math.max(...boxes.map((b) => b.x + b.w), 0) + MARGIN;
  const maxY = Math.max(...boxes.map((b) => b.y + b.h), 0) + MARGIN;
  const width = Math.round(maxX - minX);
  const height = Math.round(maxY - minY);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${Math.round(minX)} ${Math.round(minY)} ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">`,
    `<title>${esc(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#334155"/></marker></defs>',
    `<rect x="${Math.round(minX)}" y="${Math.round(minY)}" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  const containers = graph.nodes.filter((n) => isContainer(n.id));
  const parts = partsOf(graph);
  for (const c of containers) {
    const b = abs.get(c.id)!;
    // the network's own parts, as chips along its bottom edge (as on the canvas)
    const own = parts.get(c.id) ?? [];
    const perRow = Math.max(1, Math.floor((b.w - 24 + PART_CHIP_GAP) / (PART_CHIP_WIDTH + PART_CHIP_GAP)));
    const rows = Math.ceil(own.length / perRow);
    const chips = own.map((p, i) => {
      const x = b.x + 12 + (i % perRow) * (PART_CHIP_WIDTH + PART_CHIP_GAP);
      const y = b.y + b.h - 8 - rows * PART_ROW_HEIGHT + Math.floor(i / perRow) * PART_ROW_HEIGHT + 2;
      const label = p.id.startsWith(c.id) && p.id.length > c.id.length ? p.id.slice(c.id.length) : p.id;
      return `<g data-node="${esc(p.id)}"><title>${esc(`${p.id} (${p.type})`)}</title><rect x="${x}" y="${y}" width="${PART_CHIP_WIDTH}" height="24" rx="12" fill="#fff" stroke="#c5cae9"/><text x="${x + 10}" y="${y + 16}" font-size="11" fill="#1d2733">${esc(fit(label, TYPE_FONT, PART_CHIP_WIDTH - 20, 22))}</text></g>`;
    });
    out.push(`<g data-node="${esc(c.id)}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="12" fill="#3949ab0a" stroke="#3949ab" stroke-width="2" stroke-dasharray="8 5"/><text x="${b.x + 14}" y="${b.y + 24}" font-size="13" font-weight="600" fill="#1d2733">${esc(c.id)}</text></g>`, ...chips);
  }
  const drawn = drawnId(graph);
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    if (edge.kind === 'containment') continue;
    // a wire to a network's part ends at the network
    const e = { ...edge, source: drawn(edge.source), target: drawn(edge.target) };
    const key = `${e.source}\u0000${e.kind}\u0000${e.target}`;
    if (e.source === e.target || seen.has(key)) continue;
    seen.add(key);
    const s = abs.get(e.source);
    const t = abs.get(e.target);
    if (!s || !t) continue;
    const x1 = s.x + s.w;
    const y1 = s.y + s.h / 2;
    const x2 = t.x;
    const y2 = t.y + t.h / 2;
    const dx = Math.max(40, Math.abs(x2 - x1) / 2);
    const dash = DASH[e.kind] ? ` stroke-dasharray="${DASH[e.kind]}"` : '';
    const marker = e.kind === 'reference' ? '' : ' marker-end="url(#arrow)"';
    out.push(`<path data-edge="${esc(e.id)}" d="M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}" fill="none" stroke="${STROKE[e.kind]}" stroke-width="${e.kind === 'reference' ? 1 : 1.8}"${dash}${marker}/>`);
  }
  for (const n of graph.nodes) {
    if (isContainer(n.id) || !abs.has(n.id)) continue;
    const b = abs.get(n.id)!;
    const k = KIND_STYLE[n.kind];
    // the glyph's box grows with its text, as on the canvas (at least 30 px, 4 px either side)
    const gw = Math.round(Math.max(30, (textWidth(k.glyph, GLYPH_FONT) ?? 0) + 8));
    const tx = b.x + 12 + gw + 10;
    const room = b.x + b.w - 12 - tx;
    out.push(
      `<g data-node="${esc(n.id)}"><title>${esc(`${n.id} (${n.type})`)}</title><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="#fff" stroke="#d5dae1"${n.implicit ? ' stroke-dasharray="4 3"' : ''}/>` +
        `<rect x="${b.x}" y="${b.y}" width="4" height="${b.h}" fill="${k.accent}"/>` +
        `<rect x="${b.x + 12}" y="${b.y + 13}" width="${gw}" height="30" rx="6" fill="${k.accent}"/>` +
        `<text x="${b.x + 12 + gw / 2}" y="${b.y + 32}" font-size="10" font-weight="700" fill="#fff" text-anchor="middle">${esc(k.glyph)}</text>` +
        `<text x="${tx}" y="${b.y + 25}" font-size="13" font-weight="600" fill="#1d2733">${esc(fit(n.id, ID_FONT, room, 21))}</text>` +
        `<text x="${tx}" y="${b.y + 41}" font-size="11" fill="#5f6b7a">${esc(fit(n.type, TYPE_FONT, room, 26))}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
