import { defaultProperties, nodeKindInfo } from '../model/catalog/nodeKinds.ts';
import type { Edit } from '../model/edit/types.ts';
import type { NodeKind } from '../model/graph/types.ts';

/** A free logical id for a new node of `kind`: `Function1`, `Table2`, ... */
export function freeId(kind: NodeKind, taken: ReadonlySet<string>): string {
  const base = nodeKindInfo(kind).label.replace(/[^A-Za-z0-9]/g, '') || 'Resource';
  let n = 1;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/**
 * The edit that adds a node of `kind` with Cairn's defaults, or null for kinds without a
 * resource. A Virtual Network comes with what makes it usable (subnets, a security group).
 */
export function addNodeEdit(kind: NodeKind, id: string): Edit | null {
  const info = nodeKindInfo(kind);
  if (!info.writes) return null;
  if (kind === 'virtual-network') return { op: 'addNetwork', resource: id };
  const properties = defaultProperties(kind, id);
  return { op: 'addResource', resource: id, type: info.writes, ...(properties && Object.keys(properties).length ? { properties } : {}) };
}
