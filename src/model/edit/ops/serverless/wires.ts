/** `connect` and `disconnect` in a serverless.yml. */
import type { Path } from '../../../diagnostics/types.ts';
import { EditError } from '../../cst.ts';
import type { EditSession } from '../../session.ts';
import type { Edit } from '../../types.ts';
import { deletePaths, statementRemovals } from '../wires.ts';
import { accessEdge, accessEnds, connectAccess } from './access.ts';
import { Names } from './pieces.ts';
import { connectTrigger } from './trigger.ts';
import { keepDepth, nodeOf, requireAws } from './service.ts';

export function connect(s: EditSession, e: Extract<Edit, { op: 'connect' }>): void {
  if (e.kind === 'access') return connectAccess(s, e);
  if (e.kind === 'trigger') return connectTrigger(s, e);
  throw new EditError('WIRE_BAD_KIND', `A wire is a trigger or an access, not '${String(e.kind)}'.`);
}

/**
 * Removes what makes the wire: a trigger's events entries; an access wire's env entries and
 * statements naming the target (only the target's items of a statement naming several). With
 * the shared role, the statements stay while another function still points at the target.
 */
export function disconnect(s: EditSession, e: Extract<Edit, { op: 'disconnect' }>): void {
  const paths: Path[] = [];
  if (e.kind === 'trigger') {
    requireAws(s.value, 'A trigger wire');
    const fn = nodeOf(s.value, e.target);
    paths.push(...new Names(s.value).triggerPieces(fn.id, e.source).map((p) => p.path));
  } else {
    const { fn, target } = accessEnds(s, e.source, e.target);
    const names = new Names(s.value);
    const others = names.otherUsers(fn.id, target.id);
    const pieces = accessEdge(s, fn, target)?.sources ?? [];
    for (const piece of pieces) {
      if (piece.via === 'env') paths.push(piece.path);
      else if (!others.length) paths.push(...statementRemovals(s, piece.path, target.id, names.names));
    }
    if (pieces.length && !paths.length) {
      throw new EditError('WIRE_SHARED', `The service's role gives every function this access, and ${others.join(', ')} still use${others.length === 1 ? 's' : ''} '${target.id}'; disconnect ${others.length === 1 ? 'it' : 'them'} first.`, pieces[0]!.path);
    }
  }
  if (!paths.length) throw new EditError('WIRE_NOT_FOUND', `There is no ${e.kind} wire from '${e.source}' to '${e.target}'.`, []);
  deletePaths(s, paths, keepDepth);
}
