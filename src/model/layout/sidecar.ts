import type { Diagnostic } from '../diagnostics/types.ts';

/**
 * Node positions live beside the template, never inside it: `template.yaml` gets
 * `template.yaml.cairn.json`. Format in docs/layout-sidecar.md. Serialised with sorted ids and
 * one node per line so that moving one node changes one line in a diff.
 */
export const SIDECAR_VERSION = 1;

export interface NodePosition {
  readonly x: number;
  readonly y: number;
  /** Size, for containers (Virtual Network) whose size the user set. */
  readonly width?: number;
  readonly height?: number;
}

export interface Layout {
  readonly version: typeof SIDECAR_VERSION;
  readonly nodes: Readonly<Record<string, NodePosition>>;
}

export const EMPTY_LAYOUT: Layout = { version: SIDECAR_VERSION, nodes: {} };

export function sidecarPath(templatePath: string): string {
  return `${templatePath}.cairn.json`;
}

const MAX_COORD = 1e7;
const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9.:_-]{0,254}$/;

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORD;
}

function problem(message: string): Diagnostic {
  return { code: 'LAYOUT_INVALID', severity: 'warning', message, path: [], range: null };
}

/**
 * Reads a sidecar. Bad entries are dropped with a warning (the stack is laid out again for
 * them); a file that is not a layout at all gives an empty layout and a warning.
 */
export function parseLayout(text: string): { layout: Layout; diagnostics: Diagnostic[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { layout: EMPTY_LAYOUT, diagnostics: [problem(`The layout file is not JSON: ${(e as Error).message}`)] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { layout: EMPTY_LAYOUT, diagnostics: [problem('The layout file is not an object.')] };
  }
  const r = raw as Record<string, unknown>;
  if (r['version'] !== SIDECAR_VERSION) {
    return { layout: EMPTY_LAYOUT, diagnostics: [problem(`Unsupported layout version ${JSON.stringify(r['version'])}.`)] };
  }
  const diagnostics: Diagnostic[] = [];
  const nodes: Record<string, NodePosition> = Object.create(null) as Record<string, NodePosition>;
  const src = r['nodes'];
  if (typeof src === 'object' && src !== null && !Array.isArray(src)) {
    for (const [id, pos] of Object.entries(src as Record<string, unknown>)) {
      const p = pos as Record<string, unknown> | null;
      if (!NODE_ID.test(id) || typeof p !== 'object' || p === null || !finite(p['x']) || !finite(p['y'])) {
        diagnostics.push(problem(`Ignored the position of '${id.slice(0, 80)}'.`));
        continue;
      }
      const size = finite(p['width']) && finite(p['height']) && (p['width'] as number) > 0 && (p['height'] as number) > 0;
      nodes[id] = size ? { x: p['x'] as number, y: p['y'] as number, width: p['width'] as number, height: p['height'] as number } : { x: p['x'] as number, y: p['y'] as number };
    }
  }
  return { layout: { version: SIDECAR_VERSION, nodes: { ...nodes } }, diagnostics };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function serializeLayout(layout: Layout): string {
  const ids = Object.keys(layout.nodes).sort();
  const lines = ids.map((id) => {
    const p = layout.nodes[id]!;
    const pos: NodePosition = p.width !== undefined && p.height !== undefined
      ? { x: round(p.x), y: round(p.y), width: round(p.width), height: round(p.height) }
      : { x: round(p.x), y: round(p.y) };
    return `    ${JSON.stringify(id)}: ${JSON.stringify(pos)}`;
  });
  return `{\n  "version": ${SIDECAR_VERSION},\n  "nodes": {${lines.length ? '\n' + lines.join(',\n') + '\n  ' : ''}}\n}\n`;
}

/** Drops positions of nodes that no longer exist (after a remove or rename). */
export function pruneLayout(layout: Layout, ids: ReadonlySet<string>): Layout {
  const nodes: Record<string, NodePosition> = {};
  for (const [id, p] of Object.entries(layout.nodes)) if (ids.has(id)) nodes[id] = p;
  return { version: SIDECAR_VERSION, nodes };
}

/** Moves a position to a renamed node. */
export function renameInLayout(layout: Layout, from: string, to: string): Layout {
  if (!(from in layout.nodes)) return layout;
  const nodes: Record<string, NodePosition> = {};
  for (const [id, p] of Object.entries(layout.nodes)) nodes[id === from ? to : id] = p;
  return { version: SIDECAR_VERSION, nodes };
}
