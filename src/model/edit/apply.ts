import type { Diagnostic } from '../diagnostics/types.ts';
import { EditError } from './cst.ts';
import type { FormatId } from '../formats/adapter.ts';
import { isServerless } from '../formats/serverless.ts';
import { SERVERLESS_OPS } from './ops/serverless/run.ts';
import { EditSession } from './session.ts';
import type { Edit, EditResult, OpTable } from './types.ts';
import { deleteProperty, setProperty } from './ops/properties.ts';
import { addResource, renameResource } from './ops/resources.ts';
import { removeEntry, renameEntry, setEntry } from './ops/sections.ts';
import { removeResource } from './ops/remove.ts';
import { connect, disconnect } from './ops/wires.ts';
import { setAccessLevel } from './ops/accessLevel.ts';
import { addNetwork, placeInNetwork, removeFromNetwork, removeNetwork } from './ops/network.ts';

const CLOUDFORMATION_OPS: OpTable = {
  setProperty: (s, e) => setProperty(s, e.resource, e.path, e.value),
  deleteProperty: (s, e) => deleteProperty(s, e.resource, e.path),
  addResource: (s, e) => addResource(s, e.resource, e.type, e.properties, e.attributes),
  removeResource: (s, e) => removeResource(s, e.resource),
  renameResource: (s, e) => renameResource(s, e.resource, e.to),
  connect,
  disconnect,
  setAccessLevel,
  setParameter: (s, e) => setEntry(s, 'Parameters', e.name, e.path, e.value),
  removeParameter: (s, e) => removeEntry(s, 'Parameters', e.name),
  renameParameter: (s, e) => renameEntry(s, 'Parameters', e.name, e.to),
  setOutput: (s, e) => setEntry(s, 'Outputs', e.name, e.path, e.value),
  removeOutput: (s, e) => removeEntry(s, 'Outputs', e.name),
  renameOutput: (s, e) => renameEntry(s, 'Outputs', e.name, e.to),
  setCondition: (s, e) => setEntry(s, 'Conditions', e.name, undefined, e.value),
  removeCondition: (s, e) => removeEntry(s, 'Conditions', e.name),
  renameCondition: (s, e) => renameEntry(s, 'Conditions', e.name, e.to),
  addNetwork: (s, e) => addNetwork(s, e.resource, e.properties),
  placeInNetwork: (s, e) => placeInNetwork(s, e.resource, e.network),
  removeFromNetwork: (s, e) => removeFromNetwork(s, e.resource),
  removeNetwork: (s, e) => removeNetwork(s, e.resource),
};

const OPS: Readonly<Record<FormatId, OpTable>> = { cloudformation: CLOUDFORMATION_OPS, serverless: SERVERLESS_OPS };

function run(s: EditSession, e: Edit, format: FormatId | undefined): void {
  const id = format ?? (isServerless(s.value) ? 'serverless' : 'cloudformation');
  const op = Object.hasOwn(OPS[id], e.op) ? (OPS[id][e.op] as (s: EditSession, e: Edit) => void) : undefined;
  if (op) return op(s, e);
  if (Object.hasOwn(CLOUDFORMATION_OPS, e.op)) {
    throw new EditError('EDIT_UNSUPPORTED_FORMAT', `'${e.op}' is not available for serverless.yml files yet; edit the file in the YAML view.`);
  }
  throw new EditError('EDIT_UNKNOWN_OP', `Unknown edit op '${String((e as { op?: unknown }).op)}'.`);
}

function failure(e: EditError, edit: Edit, s: EditSession | null): EditResult {
  const diag: Diagnostic = { code: e.code, severity: 'error', message: e.message, path: e.path, range: null };
  const parseErrors = e.code === 'EDIT_TEMPLATE_UNREADABLE' && s ? s.parsed.diagnostics.filter((d) => d.severity === 'error') : [];
  void edit;
  return { ok: false, diagnostics: [diag, ...parseErrors] };
}

/**
 * Applies edits in order: text + edits -> text. Pure: never throws for bad input, and a
 * failing edit returns diagnostics with nothing applied.
 */
export interface ApplyOptions {
  /** Forces the format (`cairn edit --format`); by default it is detected as openTemplate does. */
  readonly format?: FormatId;
}

export function applyEdits(text: string, edits: readonly Edit[], opts: ApplyOptions = {}): EditResult {
  let s: EditSession | null = null;
  for (const edit of edits) {
    try {
      if (!edit || typeof edit !== 'object') throw new EditError('EDIT_UNKNOWN_OP', 'An edit must be an object with an `op`.');
      s ??= new EditSession(text);
      run(s, edit, opts.format);
    } catch (e) {
      if (e instanceof EditError) return failure(e, edit, s);
      throw e;
    }
  }
  return { ok: true, text: s ? s.text : text };
}

export function applyEdit(text: string, edit: Edit, opts: ApplyOptions = {}): EditResult {
  return applyEdits(text, [edit], opts);
}
