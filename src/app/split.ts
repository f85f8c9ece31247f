/**
 * How the canvas and the YAML panel share the width between them: the panel's share, its bounds,
 * the keyboard's step, and where it is kept. Pure, so it is tested without a browser; the
 * divider itself is SplitHandle.tsx.
 */

/** The YAML panel's share of the canvas and panel's width: 1 to 1.3 by default, as before. */
export const YAML_SHARE_DEFAULT = 1 / 2.3;
export const YAML_SHARE_MIN = 0.2;
export const YAML_SHARE_MAX = 0.75;
/** One arrow key press moves the divider this much of the width. */
export const YAML_SHARE_STEP = 0.05;
export const YAML_SHARE_KEY = 'cairn.yamlShare';

export function clampShare(share: number): number {
  if (!Number.isFinite(share)) return YAML_SHARE_DEFAULT;
  return Math.min(YAML_SHARE_MAX, Math.max(YAML_SHARE_MIN, share));
}

/**
 * The share for the divider at `x`: the canvas runs from `left`, the panel ends at `right`, and
 * `gap` is the space between them (the divider sits at the panel's left edge).
 */
export function shareAt(x: number, left: number, right: number, gap: number): number {
  const width = right - left - gap;
  if (!(width > 0)) return YAML_SHARE_DEFAULT;
  return clampShare((right - x) / width);
}

/**
 * The share after a key on the focused divider, or null for a key it does not take. The arrows
 * move the divider (left: the panel grows); Home and End take it as far as it goes.
 */
export function shareForKey(share: number, key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
      return clampShare(share + YAML_SHARE_STEP);
    case 'ArrowRight':
      return clampShare(share - YAML_SHARE_STEP);
    case 'Home':
      return YAML_SHARE_MAX;
    case 'End':
      return YAML_SHARE_MIN;
    default:
      return null;
  }
}

/** The canvas's share in whole percent: the divider's `aria-valuenow`. */
export function canvasPercent(share: number): number {
  return Math.round((1 - share) * 100);
}

/** The grid's two middle columns for a share (custom properties the editor's grid reads). */
export function splitColumns(share: number): Record<'--canvas-fr' | '--yaml-fr', string> {
  const s = clampShare(share);
  return { '--canvas-fr': `${(1 - s).toFixed(4)}fr`, '--yaml-fr': `${s.toFixed(4)}fr` };
}

type Store = Pick<Storage, 'getItem' | 'setItem'> | undefined;

/** The share kept in the browser, or the default (nothing kept, unreadable or out of bounds is clamped). */
export function readShare(storage: Store): number {
  try {
    const v = storage?.getItem(YAML_SHARE_KEY);
    return v === null || v === undefined ? YAML_SHARE_DEFAULT : clampShare(Number(v));
  } catch {
    return YAML_SHARE_DEFAULT;
  }
}

export function writeShare(storage: Store, share: number): void {
  try {
    storage?.setItem(YAML_SHARE_KEY, clampShare(share).toFixed(4));
  } catch {
    // private mode or storage full: the width lasts for this page only
  }
}
