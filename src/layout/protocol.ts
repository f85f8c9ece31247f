import type { Graph } from '../model/graph/types.ts';
import type { LayoutErrorCode, LayoutOptions, Positions, Size } from './types.ts';

/** Messages between `layout.ts` (main thread) and `elk.worker.ts`. */
export interface LayoutRequest {
  readonly id: number;
  readonly graph: Graph;
  readonly sizes?: Readonly<Record<string, Size>>;
  readonly options?: LayoutOptions;
}

export type LayoutResponse =
  | { readonly id: number; readonly positions: Positions }
  | { readonly id: number; readonly error: { readonly code: LayoutErrorCode; readonly message: string } };
