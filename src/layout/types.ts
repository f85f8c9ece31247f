/** Shared types of automatic layout (pure: no DOM, no ELK). */

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Where a node is drawn. A child of a container (Virtual Network) is positioned RELATIVE to its
 * container's top-left corner (React Flow sub-flow convention); top-level nodes are absolute.
 * `width`/`height` are given for containers (their computed or user-set size).
 */
export interface Position {
  readonly x: number;
  readonly y: number;
  readonly width?: number;
  readonly height?: number;
}

export type Positions = Record<string, Position>;

export interface LayoutOptions {
  /**
   * Positions the user already placed (from the sidecar). These nodes are never moved; only the
   * other nodes are laid out (see `elkGraph.ts`, "Fixed nodes").
   */
  readonly fixed?: Readonly<Record<string, Position>>;
  /** Gap between nodes in one layer (px). Default 40. */
  readonly nodeSpacing?: number;
  /** Gap between layers, left to right (px). Default 90. */
  readonly layerSpacing?: number;
}

export const DEFAULT_NODE_SIZE: Size = { width: 180, height: 56 };

/** Space inside a container: room at the top for its title. */
export const CONTAINER_PADDING = { top: 48, left: 24, bottom: 24, right: 24 } as const;

/** Error codes of layout (`LayoutError.code`). */
export type LayoutErrorCode = 'LAYOUT_TIMEOUT' | 'LAYOUT_FAILED' | 'LAYOUT_UNAVAILABLE';

export class LayoutError extends Error {
  readonly code: LayoutErrorCode;
  constructor(code: LayoutErrorCode, message: string) {
    super(message);
    this.name = 'LayoutError';
    this.code = code;
  }
}
