/**
 * Truncates a node's text lines to the width they have, with an ellipsis, by measuring with a
 * 2D canvas instead of CSS `overflow: hidden; text-overflow: ellipsis`. Each CSS-clipped line
 * is a clip node in Chromium's paint property tree, and a thousand of them at 500 nodes cost
 * about 1.2 ms of compositor layerization on every drag frame (docs/benchmarks.md). The full
 * text stays in the node's `title`.
 */

/** The fonts of a node's lines (canvas.css .rnode), which the SVG export draws with too. */
export const NODE_FAMILY = "system-ui, -apple-system, 'Segoe UI', sans-serif";
export const ID_FONT = `600 13px ${NODE_FAMILY}`;
export const TYPE_FONT = `11px ${NODE_FAMILY}`;

/** The width of `text` in CSS pixels at the font this measurer was made for. */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/**
 * The longest prefix of `text` that fits in `width` with an ellipsis after it, or `text`
 * itself when it fits whole. Binary search over prefix lengths: widths grow with length.
 * Never splits a surrogate pair.
 */
export function fitWith(measure: Measure, text: string, width: number): string {
  if (measure(text) <= width) return text;
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(text.slice(0, mid) + ELLIPSIS) <= width) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

type Context = { font: string; measureText(text: string): { width: number } };
let context: Context | null | undefined;
/** The font last given to the context: it normalises what it is given, so compare with ours. */
let contextFont = '';

function measurer(): Context | null {
  if (context === undefined) {
    // OffscreenCanvas: no element is created, and where there is none (jsdom, Node) the text
    // is left whole rather than guessed at.
    context = typeof OffscreenCanvas === 'function' ? (new OffscreenCanvas(1, 1).getContext('2d') as Context | null) : null;
  }
  return context;
}

/** Whether text can be measured here (a browser), not only counted. */
export function canMeasure(): boolean {
  return measurer() !== null;
}

/** The width of `text` at `font`, or undefined where there is nothing to measure with. */
export function textWidth(text: string, font: string): number | undefined {
  const ctx = measurer();
  if (!ctx) return undefined;
  if (contextFont !== font) {
    ctx.font = font;
    contextFont = font;
  }
  return ctx.measureText(text).width;
}

const MAX_CACHED = 8192;
const cache = new Map<string, string>();

/** `text` fitted into `width` CSS pixels at `font` (a CSS `font` shorthand), memoised. */
export function fitText(text: string, font: string, width: number): string {
  const key = `${font}\u0000${width}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (!measurer()) return text;
  const fitted = fitWith((s) => textWidth(s, font)!, text, width);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, fitted);
  return fitted;
}
