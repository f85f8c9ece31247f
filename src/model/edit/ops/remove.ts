import type { EditSession } from '../session.ts';
import { deleteAt, resourceMap } from './common.ts';

// Replaced below once the graph lands: removes the resource and what only it needed.
export function removeResource(s: EditSession, id: string): void {
  resourceMap(s, id);
  deleteAt(s, ['Resources', id], 1);
}
