export type Severity = 'error' | 'warning' | 'info';

/** A position in the source text. `line` and `col` are 1-based; `offset` is 0-based. */
export interface Position {
  readonly line: number;
  readonly col: number;
  readonly offset: number;
}

export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A user mistake or a risk in a template: a value, never an exception. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Path of the offending value inside the template (`['Resources', 'Fn', 'Properties']`). */
  readonly path: Path;
  readonly range: SourceRange | null;
}

export function formatPath(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}
