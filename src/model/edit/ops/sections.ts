import type { CfnValue } from '../../value.ts';
import { EditError, findPair, insertPair, renameKey, replacePairValue, replaceScalar } from '../cst.ts';
import { findConditionSites, findReferenceSites } from '../refs.ts';
import type { EditSession } from '../session.ts';
import type { EditPath } from '../types.ts';
import { checkLogicalId, deleteAt, setAt } from './common.ts';
import { referenceSplices } from './resources.ts';

type SectionName = 'Parameters' | 'Outputs' | 'Conditions';

const NOUN: Record<SectionName, string> = { Parameters: 'parameter', Outputs: 'output', Conditions: 'condition' };
const LABEL: Record<SectionName, string> = { Parameters: 'Parameter name', Outputs: 'Output name', Conditions: 'Condition name' };

/** Creates or replaces a whole entry, or sets a field of it when `path` is given. */
export function setEntry(s: EditSession, section: SectionName, name: string, path: EditPath | undefined, value: CfnValue): void {
  checkLogicalId(name, LABEL[section]);
  const map = s.section(section);
  const exists = map && findPair(map, name);
  if (path && path.length) {
    if (!exists) throw new EditError('EDIT_NOT_FOUND', `There is no ${NOUN[section]} '${name}'.`, [section, name]);
    setAt(s, [section, name, ...path], value);
    return;
  }
  if (section === 'Parameters' && !exists && s.value['Resources'] && typeof s.value['Resources'] === 'object' && Object.prototype.hasOwnProperty.call(s.value['Resources'], name)) {
    throw new EditError('EDIT_NAME_TAKEN', `The name '${name}' is already used by a resource.`, [section, name]);
  }
  const ctx = s.ctx;
  if (map && exists) return s.apply([replacePairValue(ctx, map, exists, value)]);
  if (map) return s.apply([insertPair(ctx, map, name, value)]);
  const empty = findPair(s.root, section);
  if (empty) return s.apply([replacePairValue(ctx, s.root, empty, { [name]: value })]);
  s.apply([insertPair(ctx, s.root, section, { [name]: value }, { blankLine: s.style.syntax === 'yaml' })]);
}

export function removeEntry(s: EditSession, section: SectionName, name: string): void {
  const map = s.section(section);
  if (!map || !findPair(map, name)) {
    throw new EditError('EDIT_NOT_FOUND', `There is no ${NOUN[section]} '${name}'.`, [section, name]);
  }
  if (section === 'Parameters') {
    const uses = findReferenceSites(s.ctx.doc, name, { getAtt: false, dependsOn: false });
    if (uses.length) {
      throw new EditError('EDIT_IN_USE', `Parameter '${name}' is still used at ${uses.map((u) => u.path.join('.')).join(', ')}.`, [section, name]);
    }
  }
  if (section === 'Conditions') {
    const uses = findConditionSites(s.ctx.doc, name);
    if (uses.length) {
      throw new EditError('EDIT_IN_USE', `Condition '${name}' is still used at ${uses.map((u) => u.path.join('.')).join(', ')}.`, [section, name]);
    }
  }
  deleteAt(s, [section, name], 0);
}

export function renameEntry(s: EditSession, section: SectionName, from: string, to: string): void {
  checkLogicalId(to, 'New name');
  const map = s.section(section);
  const pair = map && findPair(map, from);
  if (!map || !pair) throw new EditError('EDIT_NOT_FOUND', `There is no '${from}' in ${section}.`, [section, from]);
  if (from === to) return;
  if (findPair(map, to)) throw new EditError('EDIT_NAME_TAKEN', `The name '${to}' is already used.`, [section, to]);
  const resources = s.value['Resources'];
  if (section === 'Parameters' && resources && typeof resources === 'object' && Object.prototype.hasOwnProperty.call(resources, to)) {
    throw new EditError('EDIT_NAME_TAKEN', `The name '${to}' is already used by a resource.`, [section, to]);
  }
  const ctx = s.ctx;
  const refs =
    section === 'Parameters'
      ? referenceSplices(s, from, to, { getAtt: false, dependsOn: false })
      : section === 'Conditions'
        ? findConditionSites(ctx.doc, from).map((site) => replaceScalar(ctx, site.node, to))
        : [];
  s.apply([renameKey(ctx, pair, to), ...refs]);
}
