import type { Path } from './diagnostics/types.ts';

/** A refused edit: a stable `code`, a message for people, and the path it concerns. */
export class EditError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: Path = [],
  ) {
    super(message);
  }
}
