import type { Diagnostic } from '../diagnostics/types.ts';
import { EditError } from './cst.ts';
import type { FormatId } from '../formats/adapter.ts';
import { isServerless } from '../formats/serverless.ts';
import { runServerless } from './ops/serverless/run.ts';
import { EditSession } from './session.ts';
import type { Edit, EditResult } from './types.ts';
import { deleteProperty, setProperty } from './ops/properties.ts';
import { addResource, renameResource } from './ops/resources.ts';
import { removeEntry, renameEntry, setEntry } from './ops/sections.ts';
import { removeResource } from './ops/remove.ts';
import { connect, disconnect } from './ops/wires.ts';
import { setAccessLevel } from './ops/accessLevel.ts';
import { addNetwork, placeInNetwork, removeFromNetwork, removeNetwork } from './ops/network.ts';

function run(s: EditSession, e: Edit, format: FormatId | undefined): void {
  if ((format ?? (isServerless(s.value) ? 'serverless' : 'cloudformation')) === 'serverless') return runServerless(s, e);
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
      return setEntry(s, 'Parameters', e.name, e.path, e.value);
    case 'removeParameter':
      return removeEntry(s, 'Parameters', e.name);
    case 'renameParameter':
      return renameEntry(s, 'Parameters', e.name, e.to);
    case 'setOutput':
      return setEntry(s, 'Outputs', e.name, e.path, e.value);
    case 'removeOutput':
      return removeEntry(s, 'Outputs', e.name);
    case 'renameOutput':
      return renameEntry(s, 'Outputs', e.name, e.to);
    case 'setCondition':
      return setEntry(s, 'Conditions', e.name, undefined, e.value);
    case 'removeCondition':
      return removeEntry(s, 'Conditions', e.name);
    case 'renameCondition':
      return renameEntry(s, 'Conditions', e.name, e.to);
    case 'addNetwork':
      return addNetwork(s, e.resource, e.properties);
    case 'placeInNetwork':
      return placeInNetwork(s, e.resource, e.network);
    case 'removeFromNetwork':
      return removeFromNetwork(s, e.resource);
    case 'removeNetwork':
      return removeNetwork(s, e.resource);
    default:
      throw new EditError('EDIT_UNKNOWN_OP', `Unknown edit op '${String((e as { op?: unknown }).op)}'.`);
  }
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
