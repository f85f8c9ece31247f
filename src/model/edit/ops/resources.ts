import type { CfnObject, CfnValue } from '../../value.ts';
import { EditError, findPair, insertPair, renameKey, replacePairValue, replaceScalar, rewriteScalarSource } from '../cst.ts';
import { findReferenceSites, subPattern } from '../refs.ts';
import type { ReferenceOptions } from '../refs.ts';
import type { EditSession } from '../session.ts';
import type { Splice } from '../../text/splice.ts';
import { checkLogicalId, resourceMap } from './common.ts';

function usedNames(s: EditSession): Set<string> {
  const v = s.value;
  const names = new Set<string>();
  for (const section of ['Resources', 'Parameters', 'Conditions', 'Mappings', 'Outputs']) {
    const sec = v[section];
    if (sec && typeof sec === 'object' && !Array.isArray(sec)) for (const k of Object.keys(sec)) names.add(`${section}:${k}`);
  }
  return names;
}

export function addResource(s: EditSession, id: string, type: string, properties?: CfnObject, attributes?: CfnObject): void {
  checkLogicalId(id);
  if (typeof type !== 'string' || !/^[A-Za-z0-9]+(::[A-Za-z0-9-]+){2,3}$|^Custom::[A-Za-z0-9_@-]{1,60}$/.test(type)) {
    throw new EditError('EDIT_BAD_TYPE', `'${String(type)}' is not a resource type (like AWS::S3::Bucket).`);
  }
  const names = usedNames(s);
  if (names.has(`Resources:${id}`) || names.has(`Parameters:${id}`)) {
    throw new EditError('EDIT_NAME_TAKEN', `The name '${id}' is already used.`, ['Resources', id]);
  }
  const body: CfnObject = { Type: type };
  for (const [k, v] of Object.entries(attributes ?? {})) {
    if (k === 'Type' || k === 'Properties') continue;
    body[k] = v as CfnValue;
  }
  if (properties && Object.keys(properties).length) body['Properties'] = properties;
  const resources = s.section('Resources');
  const ctx = s.ctx;
  if (resources) {
    s.apply([insertPair(ctx, resources, id, body, { blankLine: s.style.blankBetweenResources && s.style.syntax === 'yaml' })]);
    return;
  }
  // No Resources section, or `Resources:` with nothing under it.
  const existing = findPair(s.root, 'Resources');
  if (existing) {
    s.apply([replacePairValue(ctx, s.root, existing, { [id]: body })]);
    return;
  }
  if (!s.root.items.length && !s.root.flow) throw new EditError('EDIT_UNSUPPORTED', 'The template is empty.');
  s.apply([insertPair(ctx, s.root, 'Resources', { [id]: body }, { blankLine: s.style.syntax === 'yaml' })]);
}

/** Splices that point every reference to `from` at `to` (Ref, GetAtt, Sub, DependsOn). */
export function referenceSplices(s: EditSession, from: string, to: string, opts: ReferenceOptions = {}): Splice[] {
  const ctx = s.ctx;
  const out: Splice[] = [];
  const sub = subPattern(from);
  for (const site of findReferenceSites(ctx.doc, from, opts)) {
    if (site.kind === 'ref' || site.kind === 'depends-on') out.push(replaceScalar(ctx, site.node, to));
    else if (site.kind === 'getatt') {
      const value = String(site.node.value);
      out.push(replaceScalar(ctx, site.node, value === from ? to : to + value.slice(from.length)));
    } else {
      const sp = rewriteScalarSource(ctx, site.node, (src) => src.replace(sub, (_m, attr: string | undefined) => '${' + to + (attr ?? '') + '}'));
      if (sp) out.push(sp);
    }
  }
  return out;
}

export function renameResource(s: EditSession, from: string, to: string): void {
  checkLogicalId(to, 'New logical id');
  resourceMap(s, from);
  if (from === to) return;
  const names = usedNames(s);
  if (names.has(`Resources:${to}`) || names.has(`Parameters:${to}`)) {
    throw new EditError('EDIT_NAME_TAKEN', `The name '${to}' is already used.`, ['Resources', to]);
  }
  const ctx = s.ctx;
  const pair = findPair(s.section('Resources')!, from)!;
  s.apply([renameKey(ctx, pair, to), ...referenceSplices(s, from, to)]);
}
