/**
 * Which access level an access wire grants, read back from what the template writes: the
 * policy templates and statements that make the wire are compared with what each level of the
 * target's access rule writes (catalog/accessRules.ts). A level is recognised only when what
 * is written is exactly one level's grant; anything else is the user's own and left alone.
 */
import { accessRule } from '../catalog/wires.ts';
import type { AccessLevel, AccessRule, IamStatement, LevelGrant } from '../catalog/accessRules.ts';
import { collectRefs } from '../graph/refs.ts';
import type { GraphEdge, NodeKind, WireSource } from '../graph/types.ts';
import { isObject, valueAt } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';

export const ACCESS_LEVELS: readonly AccessLevel[] = ['read', 'write', 'crud'];

/** One policy piece of an access wire. */
export interface PolicyPart {
  readonly source: WireSource;
  /** The SAM policy template's name (`via: 'policy-template'`). */
  readonly template?: string;
  /** A statement's actions, as written; undefined when it uses `NotAction` or no readable list. */
  readonly actions?: readonly string[];
  /** Other resources the same statement grants access to: changing it would change theirs too. */
  readonly shared?: readonly string[];
}

/**
 * How a level is written: `sam` as policy templates plus inline statements in a SAM
 * function's `Policies`; `statements` as plain IAM statements (a role's policy).
 */
export type GrantForm = 'sam' | 'statements';

export interface AccessLevelReading {
  readonly rule: AccessRule | undefined;
  /** The levels the target's rule has, in the order read, write, crud. */
  readonly levels: readonly AccessLevel[];
  /** The level granted, when what is written is exactly one level's grant. */
  readonly level: AccessLevel | null;
  readonly form: GrantForm | null;
  readonly parts: readonly PolicyPart[];
}


/** `Action: x` or `Action: [x, y]` as a list; undefined for anything else. */
export function actionList(v: CfnValue | undefined): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.length && v.every((a): a is string => typeof a === 'string')) return v;
  return undefined;
}

/** Actions compare as sets, case-insensitively (IAM's rule for action names). */
const actionKey = (actions: readonly string[]): string => [...new Set(actions.map((a) => a.toLowerCase()))].sort().join(' ');

function statementPart(value: CfnObject, src: WireSource, target: string): PolicyPart {
  const st = valueAt(value, src.path);
  if (!isObject(st)) return { source: src };
  const others = [...new Set(collectRefs(st['Resource'], []).map((r) => r.target))].filter((t) => t !== target);
  const actions = st['NotAction'] === undefined ? actionList(st['Action']) : undefined;
  return { source: src, ...(actions ? { actions } : {}), ...(others.length ? { shared: others } : {}) };
}

/** The policy pieces of an access wire, in template order (env vars are not policy). */
export function policyParts(value: CfnObject, edge: GraphEdge): PolicyPart[] {
  const out: PolicyPart[] = [];
  for (const src of edge.sources) {
    if (src.via === 'policy-template') out.push({ source: src, ...(src.name ? { template: src.name } : {}) });
    else if (src.via === 'statement') out.push(statementPart(value, src, edge.target));
  }
  return out;
}

interface Shape {
  readonly templates: string;
  readonly statements: string;
}

const shapeOf = (templates: readonly string[], statements: readonly (readonly string[])[]): Shape => ({
  templates: [...templates].sort().join(','),
  statements: statements.map(actionKey).sort().join('|'),
});

const grantShape = (g: LevelGrant, form: GrantForm): Shape =>
  form === 'sam'
    ? shapeOf(g.templates.map((t) => t.template), g.inline.map((s: IamStatement) => s.Action))
    : shapeOf([], g.statements.map((s: IamStatement) => s.Action));

/** The level an access wire grants, and the levels its target's rule offers. */
export function readAccessLevel(value: CfnObject, edge: GraphEdge, targetKind: NodeKind): AccessLevelReading {
  const rule = edge.kind === 'access' ? accessRule(targetKind) : undefined;
  const levels = rule ? ACCESS_LEVELS.filter((l) => rule.levels[l]) : [];
  const parts = edge.kind === 'access' ? policyParts(value, edge) : [];
  const none = { rule, levels, level: null, form: null, parts };
  if (!rule || !parts.length) return none;
  if (parts.some((p) => !p.template && !p.actions)) return none;
  const written = shapeOf(
    parts.flatMap((p) => (p.template ? [p.template] : [])),
    parts.flatMap((p) => (p.actions ? [p.actions] : [])),
  );
  for (const form of ['sam', 'statements'] as const) {
    for (const level of levels) {
      const g = grantShape(rule.levels[level]!.grant(edge.target), form);
      if (g.templates === written.templates && g.statements === written.statements) return { rule, levels, level, form, parts };
    }
  }
  return none;
}
