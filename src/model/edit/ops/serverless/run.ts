/** The edit ops of a serverless.yml (docs/model.md, "Writing serverless.yml"). */
import type { OpTable } from '../../types.ts';
import { addResource } from './add.ts';
import { setAccessLevel } from './access.ts';
import { deleteProperty, setProperty } from './properties.ts';
import { removeResource } from './remove.ts';
import { renameResource } from './rename.ts';
import { connect, disconnect } from './wires.ts';

/** Parameters, outputs, conditions and networks are not offered for serverless.yml (EDIT_UNSUPPORTED_FORMAT). */
export const SERVERLESS_OPS: OpTable = {
  setProperty: (s, e) => setProperty(s, e.resource, e.path, e.value),
  deleteProperty: (s, e) => deleteProperty(s, e.resource, e.path),
  addResource: (s, e) => addResource(s, e.resource, e.type, e.properties, e.attributes),
  removeResource: (s, e) => removeResource(s, e.resource),
  renameResource: (s, e) => renameResource(s, e.resource, e.to),
  connect,
  disconnect,
  setAccessLevel,
};
