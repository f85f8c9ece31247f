/** The edit ops of a serverless.yml (docs/model.md, "Writing serverless.yml"). */
import { EditError } from '../../cst.ts';
import type { EditSession } from '../../session.ts';
import type { Edit } from '../../types.ts';
import { addResource } from './add.ts';
import { setAccessLevel } from './access.ts';
import { deleteProperty, setProperty } from './properties.ts';
import { removeResource } from './remove.ts';
import { renameResource } from './rename.ts';
import { connect, disconnect } from './wires.ts';

export function runServerless(s: EditSession, e: Edit): void {
  switch (e.op) {
    case 'setProperty':
      return setProperty(s, e.resource, e.path, e.value);
    case 'deleteProperty':
      return deleteProperty(s, e.resource, e.path);
    case 'addResource':
      return addResource(s, e.resource, e.type, e.properties, e.attributes);
    case 'removeResource':
      return removeResource(s, e.resource);
    case 'renameResource':
      return renameResource(s, e.resource, e.to);
    case 'connect':
      return connect(s, e);
    case 'disconnect':
      return disconnect(s, e);
    case 'setAccessLevel':
      return setAccessLevel(s, e);
    case 'setParameter':
    case 'removeParameter':
    case 'renameParameter':
    case 'setOutput':
    case 'removeOutput':
    case 'renameOutput':
    case 'setCondition':
    case 'removeCondition':
    case 'renameCondition':
    case 'addNetwork':
    case 'placeInNetwork':
    case 'removeFromNetwork':
    case 'removeNetwork':
      throw new EditError('EDIT_UNSUPPORTED_FORMAT', `'${e.op}' is not available for serverless.yml files yet; edit the file in the YAML view.`);
    default:
      throw new EditError('EDIT_UNKNOWN_OP', `Unknown edit op '${String((e as { op?: unknown }).op)}'.`);
  }
}
