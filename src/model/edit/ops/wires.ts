import { EditError } from '../cst.ts';
import type { EditSession } from '../session.ts';
import type { Edit } from '../types.ts';

export function connect(_s: EditSession, _e: Extract<Edit, { op: 'connect' }>): void {
  throw new EditError('EDIT_UNSUPPORTED', 'connect is not available yet.');
}
export function disconnect(_s: EditSession, _e: Extract<Edit, { op: 'disconnect' }>): void {
  throw new EditError('EDIT_UNSUPPORTED', 'disconnect is not available yet.');
}
