/** `connect` and `disconnect` in a serverless.yml. */
import type { Path } from '../../../diagnostics/types.ts';
import type { GraphEdge } from '../../../graph/types.ts';
import { EditError } from '../../cst.ts';
import type { EditSession } from '../../session.ts';
import type { Edit } from '../../types.ts';
import { deletePaths, statementRemovals } from '../wires.ts';
import { accessEnds, connectAccess } from './access.ts';
import { eventItem, ownPiece, ServiceWires } from './pieces.ts';
import { connectTrigger } from './trigger.ts';
import { keepDepth, nodeOf, requireAws } from './service.ts';

export function connect(s: EditSession, e: Extract<Edit, { op: 'connect' }>): void {
  if (e.kind === 'access') return connectAccess(s, e);
  if (e.kind === 'trigger') return connectTrigger(s, e);
  throw new EditError('WIRE_BAD_KIND', `A wire is a trigger or an access, not '${String(e.kind)}'.`);
}

/**
 * Paths whose removal undoes a wire: events entries, env entries, statements naming the target
 * (only the target's items of a statement naming several); `keep` says which pieces stay.
 */
export function wireRemovals(s: EditSession, w: ServiceWires, edge: GraphEdge, keep: (src: GraphEdge['sources'][number]) => boolean = () => false): Path[] {
  const out: Path[] = [];
  for (const src of edge.sources) {
    if (keep(src)) continue;
    if (src.via === 'event') out.push(eventItem(src));
    else if (src.via === 'statement') out.push(...statementRemovals(s, src.path, edge.target, w.names));
    else if (src.via === 'env') out.push(src.path);
  }
  return out;
}

/**
 * Removes what makes the wire. With the shared role, what the service writes for every
 * function (its statements, `provider.environment`) stays while another function still has
 * access written for it.
 */
export function disconnect(s: EditSession, e: Extract<Edit, { op: 'disconnect' }>): void {
  const w = new ServiceWires(s.value);
  let edge: GraphEdge | undefined;
  let others: string[] = [];
  if (e.kind === 'trigger') {
    requireAws(s.value, 'A trigger wire');
    edge = w.edge(e.source, nodeOf(s.value, e.target).id, 'trigger');
  } else {
    const { fn, target } = accessEnds(s, e.source, e.target);
    edge = w.edge(fn.id, target.id, 'access');
    others = w.otherUsers(fn.id, target.id);
  }
  if (!edge) throw new EditError('WIRE_NOT_FOUND', `There is no ${e.kind} wire from '${e.source}' to '${e.target}'.`, []);
  const paths = wireRemovals(s, w, edge, (src) => others.length > 0 && !ownPiece(src));
  if (!paths.length) {
    throw new EditError('WIRE_SHARED', `The service's role gives every function this access, and ${others.join(', ')} still use '${e.target}'; disconnect them first, or change the statements in the YAML view.`, edge.sources[0]!.path);
  }
  deletePaths(s, paths, keepDepth);
}
