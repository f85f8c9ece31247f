/** What the harness hands the bare React Flow baseline (`window.__CAIRN_BENCH_FLOW__`). */
export interface BenchFlow {
  /** In React Flow order (containers before their children), positions as Cairn draws them. */
  readonly nodes: ReadonlyArray<{ readonly id: string; readonly x: number; readonly y: number }>;
  readonly edges: ReadonlyArray<{ readonly id: string; readonly source: string; readonly target: string; readonly arrow: boolean }>;
  /** Cairn's canvas size in the same viewport, so both draw the same area at the same zoom. */
  readonly canvas: { readonly width: number; readonly height: number };
  /** The node whose label the edit benchmark changes. */
  readonly editNode: string;
}
