import type { CfnValue } from '../../../value.ts';
import { EditError } from '../../cst.ts';
import type { EditSession } from '../../session.ts';
import type { EditPath } from '../../types.ts';
import { deleteAt, setAt } from '../common.ts';
import { checkPath } from '../properties.ts';
import { nodeOf } from './service.ts';

/** A function's settings are its keys under `functions.<name>` (`memorySize`, `environment.X`); a resource's as in SAM (`Properties.X`). */
export function setProperty(s: EditSession, id: string, path: EditPath, value: CfnValue): void {
  checkPath(path);
  setAt(s, [...nodeOf(s.value, id).path, ...path], value);
}

export function deleteProperty(s: EditSession, id: string, path: EditPath): void {
  checkPath(path);
  const node = nodeOf(s.value, id);
  if (!node.function && path.length === 1 && path[0] === 'Type') throw new EditError('EDIT_BAD_PATH', 'A resource must keep its Type.');
  deleteAt(s, [...node.path, ...path], node.path.length);
}
