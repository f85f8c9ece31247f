import type { Path } from '../../diagnostics/types.ts';
import type { AccessLevel, IamStatement, LevelGrant, PolicyTemplateUse } from '../../catalog/accessRules.ts';
import type { GraphEdge, NodeKind } from '../../graph/types.ts';
import { kindOfType } from '../../catalog/nodeKinds.ts';
import { policyTemplate } from '../../catalog/policyTemplates.ts';
import type { CfnObject } from '../../value.ts';
import { ACCESS_LEVELS, readAccessLevel } from '../../wire/level.ts';
import type { GrantForm, PolicyPart } from '../../wire/level.ts';
import { EditError, nodeAt, renameKey } from '../cst.ts';
import type { EditSession } from '../session.ts';
import type { Edit } from '../types.ts';
import { resourceMap, setAt } from './common.ts';
import { appendToList, deletePaths, existingEdge, policyTemplateRemoval, typeOf } from './wires.ts';

const SAM_FUNCTION = 'AWS::Serverless::Function';

const sameParameters = (a: string, b: string): boolean => {
  const pa = policyTemplate(a)?.parameters;
  const pb = policyTemplate(b)?.parameters;
  return Boolean(pa && pb && [...pa].sort().join() === [...pb].sort().join());
};

const sameActions = (a: readonly string[], b: readonly string[]): boolean => {
  const key = (x: readonly string[]) => [...new Set(x.map((s) => s.toLowerCase()))].sort().join(' ');
  return key(a) === key(b);
};

/** Takes the first item `match` accepts out of `list`. */
function take<T>(list: T[], match: (x: T) => boolean): T | undefined {
  const i = list.findIndex(match);
  return i === -1 ? undefined : list.splice(i, 1)[0];
}

/**
 * Changes an access wire's level where it is written: a policy template is renamed in place
 * when the new level's template takes the same parameters (its scope stays byte-identical), a
 * statement keeps its Resource and gets the new level's actions; what the new level does not
 * need is removed and what it adds is appended to the function's `Policies`. Environment
 * variables do not depend on the level and are left alone.
 */
export function setAccessLevel(s: EditSession, e: Extract<Edit, { op: 'setAccessLevel' }>): void {
  resourceMap(s, e.source);
  resourceMap(s, e.target);
  const edge = existingEdge(s, e.source, e.target, 'access');
  if (!edge) throw new EditError('WIRE_NOT_FOUND', `There is no access wire from '${e.source}' to '${e.target}'.`, ['Resources', e.source]);
  const change = levelChange(s, edge, kindOfType(typeOf(s, e.target)), e.level);
  if (!change) return;
  if (change.form === 'sam') changeSam(s, e.source, change.parts, [...change.grant.templates], [...change.grant.inline]);
  else changeStatements(s, change.parts, [...change.grant.statements]);
}

/**
 * What changing an access wire to `level` means: the pieces as written and the new level's
 * grant; null when the wire already grants that level. Refuses levels the target does not
 * have, policies that are not one of Cairn's levels, and statements shared with other targets.
 */
export function levelChange(
  s: EditSession,
  edge: GraphEdge,
  targetKind: NodeKind,
  level: AccessLevel,
): { readonly form: GrantForm; readonly parts: readonly PolicyPart[]; readonly grant: LevelGrant } | null {
  const { source, target } = edge;
  const at = edge.sources[0]?.path ?? [];
  if (!ACCESS_LEVELS.includes(level)) throw new EditError('WIRE_BAD_LEVEL', `An access level is read, write or crud, not '${String(level)}'.`);
  const reading = readAccessLevel(s.value, edge, targetKind);
  const rule = reading.rule;
  if (!rule || !reading.levels.includes(level)) {
    const offered = reading.levels.length ? `: it offers ${reading.levels.join(', ')}` : '';
    throw new EditError('WIRE_LEVEL_UNSUPPORTED', `Access to '${target}' has no '${level}' level${offered}.`, at);
  }
  if (!reading.level || !reading.form) {
    throw new EditError('WIRE_LEVEL_UNRECOGNISED', `The policies giving '${source}' access to '${target}' are not one of Cairn's levels; change them in the YAML view.`, at);
  }
  if (reading.level === level) return null;
  const shared = reading.parts.find((p) => p.shared?.length);
  if (shared) {
    throw new EditError(
      'WIRE_LEVEL_SHARED',
      `A statement of this wire also grants access to ${shared.shared!.join(', ')}; change it in the YAML view.`,
      shared.source.path,
    );
  }
  return { form: reading.form, parts: reading.parts, grant: rule.levels[level]!.grant(target) };
}

function setActions(s: EditSession, part: PolicyPart, actions: readonly string[]): void {
  const single = !Array.isArray((nodeAt(s.ctx.doc, [...part.source.path, 'Action'])?.node as { items?: unknown } | undefined)?.items);
  setAt(s, [...part.source.path, 'Action'], single && actions.length === 1 ? actions[0]! : [...actions]);
}

function changeSam(s: EditSession, fn: string, parts: readonly PolicyPart[], templates: PolicyTemplateUse[], inline: IamStatement[]): void {
  const policies: Path = ['Resources', fn, 'Properties', 'Policies'];
  const removals: Path[] = [];
  // what stays as it is, then what can be changed in place, then what goes
  const tparts = parts.filter((p) => p.template);
  const unkept = tparts.filter((p) => !take(templates, (t) => t.template === p.template));
  for (const p of unkept) {
    const into = take(templates, (t) => sameParameters(t.template, p.template!));
    if (into) {
      const found = nodeAt(s.ctx.doc, [...p.source.path, p.template!]);
      if (!found?.pair) throw new EditError('EDIT_NOT_FOUND', `No policy template ${p.template} at ${p.source.path.join('.')}.`, p.source.path);
      s.apply([renameKey(s.ctx, found.pair, into.template)]);
    } else removals.push(policyTemplateRemoval(s, p.source.path, p.template!));
  }
  const sparts = parts.filter((p) => p.actions);
  const unmatched = sparts.filter((p) => !take(inline, (st) => sameActions(st.Action, p.actions!)));
  for (const p of unmatched) {
    const into = inline.shift();
    if (into) setActions(s, p, into.Action);
    else removals.push(p.source.path);
  }
  const additions: CfnObject[] = [...templates.map((t): CfnObject => ({ [t.template]: t.args })), ...(inline.length ? [{ Statement: inline }] : [])];
  const inPolicies = parts.every((p) => policies.every((seg, i) => p.source.path[i] === seg));
  if (additions.length && (typeOf(s, fn) !== SAM_FUNCTION || !inPolicies)) {
    throw new EditError('WIRE_UNSUPPORTED', `This level needs new policies, and the access of '${fn}' is written in a role; change the role in the YAML view.`, ['Resources', fn]);
  }
  deletePaths(s, removals);
  if (additions.length) appendToList(s, policies, additions);
}

/**
 * A role's statements: their actions change in place. With `appendTo` (a list Cairn may add
 * to), statements the new level adds are appended and those it drops removed; without it the
 * new level must need as many statements.
 */
export function changeStatements(s: EditSession, parts: readonly PolicyPart[], statements: IamStatement[], appendTo?: { readonly path: Path; readonly keep: (p: Path) => number }): void {
  const sparts = parts.filter((p) => p.actions);
  const unmatched = sparts.filter((p) => !take(statements, (st) => sameActions(st.Action, p.actions!)));
  if (!appendTo && unmatched.length !== statements.length) {
    throw new EditError('WIRE_UNSUPPORTED', 'This level needs a different number of statements in the role; change them in the YAML view.', sparts[0]?.source.path ?? []);
  }
  const n = Math.min(unmatched.length, statements.length);
  unmatched.slice(0, n).forEach((p, i) => setActions(s, p, statements[i]!.Action));
  if (!appendTo) return;
  deletePaths(s, unmatched.slice(n).map((p) => p.source.path), appendTo.keep);
  appendToList(s, appendTo.path, statements.slice(n));
}
