import { defaultProperties, nodeKindInfo } from '../model/catalog/nodeKinds.ts';
import type { Edit } from '../model/edit/types.ts';
import type { NodeKind } from '../model/graph/types.ts';

/** A free logical id for a new node of `kind`: `Function1`, `Table2`, ... */
export function freeId(kind: NodeKind, taken: ReadonlySet<string>): string {
  return freeIdFor(nodeKindInfo(kind).label, taken);
}

/** `<base>1`, `<base>2`, ...: the first not taken (letters and digits only, as logical ids are). */
export function freeIdFor(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9]/g, '') || 'Resource';
  let n = 1;
  while (taken.has(`${clean}${n}`)) n++;
  return `${clean}${n}`;
}

/** The id base of a new resource of a CloudFormation type: its name (`AWS::Events::EventBus` -> `EventBus`). */
export function resourceIdBase(type: string): string {
  const name = type.split('::').pop() ?? '';
  return /^[A-Za-z]/.test(name) ? name : `Resource${name}`;
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
