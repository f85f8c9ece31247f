import { isSeq } from 'yaml';
import type { Path } from '../../diagnostics/types.ts';
import { kindOfType } from '../../catalog/nodeKinds.ts';
import { defaultEventName, planAccess, triggerRule, canTrigger } from '../../catalog/wires.ts';
import { buildGraph } from '../../graph/build.ts';
import { collectRefs } from '../../graph/refs.ts';
import type { GraphEdge } from '../../graph/types.ts';
import { isObject, valueAt, valueEquals } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import { EditError, insertSeqItem, nodeAt } from '../cst.ts';
import type { EditSession } from '../session.ts';
import type { Edit } from '../types.ts';
import { deleteAt, resourceMap, setAt } from './common.ts';
import { addResource } from './resources.ts';

const SAM_FUNCTION = 'AWS::Serverless::Function';

export function typeOf(s: EditSession, id: string): string {
  const res = s.value['Resources'];
  const def = isObject(res) ? res[id] : undefined;
  return isObject(def) && typeof def['Type'] === 'string' ? def['Type'] : '';
}

/** Appends to the list at `path`, creating it (or turning a single value into a list). */
export function appendToList(s: EditSession, path: Path, items: readonly CfnValue[]): void {
  for (const item of items) {
    const found = nodeAt(s.ctx.doc, path);
    const existing = valueAt(s.value, path);
    if (found && isSeq(found.node) && !found.node.tag && found.node.items.length) {
      s.apply([insertSeqItem(s.ctx, found.node, item)]);
    } else if (existing === undefined || existing === null || (Array.isArray(existing) && !existing.length)) {
      setAt(s, path, [item]);
    } else if (Array.isArray(existing)) {
      setAt(s, path, [...existing, item]);
    } else {
      // `Policies: AWSLambdaBasicExecutionRole` (one policy): becomes a list keeping it first
      setAt(s, path, [existing, item]);
    }
  }
}

/** Sets `path` on a resource unless something is already there. */
function ensure(s: EditSession, resource: string, path: readonly string[], value: CfnValue): void {
  if (valueAt(s.value, ['Resources', resource, 'Properties', ...path]) !== undefined) return;
  setAt(s, ['Resources', resource, 'Properties', ...path], value);
}

export function existingEdge(s: EditSession, source: string, target: string, kind: 'trigger' | 'access'): GraphEdge | undefined {
  return buildGraph(s.value).edges.find((e) => e.source === source && e.target === target && e.kind === kind);
}

export function connect(s: EditSession, e: Extract<Edit, { op: 'connect' }>): void {
  if (e.newSource === undefined) resourceMap(s, e.source);
  resourceMap(s, e.target);
  if (e.source === e.target) throw new EditError('WIRE_NOT_ALLOWED', `A wire joins two different nodes; '${e.source}' cannot be wired to itself.`, ['Resources', e.source]);
  // a new Timer has no resource: its wire is its only text
  const sourceKind = e.newSource ?? kindOfType(typeOf(s, e.source));
  const targetKind = kindOfType(typeOf(s, e.target));
  if (e.kind === 'access') return connectAccess(s, e, sourceKind, targetKind);
  if (e.kind === 'trigger') return connectTrigger(s, e, sourceKind, targetKind);
  throw new EditError('WIRE_BAD_KIND', `A wire is a trigger or an access, not '${String(e.kind)}'.`);
}

function connectAccess(s: EditSession, e: Extract<Edit, { op: 'connect' }>, sourceKind: ReturnType<typeof kindOfType>, targetKind: ReturnType<typeof kindOfType>): void {
  const planned = planAccess(sourceKind, targetKind, e.target, e.level);
  if (!planned.ok) throw new EditError('WIRE_NOT_ALLOWED', planned.reason, ['Resources', e.source]);
  if (typeOf(s, e.source) !== SAM_FUNCTION) {
    throw new EditError('WIRE_UNSUPPORTED', `Access wires are written into SAM functions (AWS::Serverless::Function); edit the IAM role of '${e.source}' in the YAML view.`, ['Resources', e.source]);
  }
  const plan = planned.plan;
  const policiesPath: Path = ['Resources', e.source, 'Properties', 'Policies'];
  const current = valueAt(s.value, policiesPath);
  const list = Array.isArray(current) ? current : current === undefined ? [] : [current];
  const missing = plan.samPolicies.filter((p) => !list.some((q) => valueEquals(p, q)));
  if (!missing.length && existingEdge(s, e.source, e.target, 'access')) {
    throw new EditError('WIRE_EXISTS', `'${e.source}' already has ${plan.label.toLowerCase()} access to '${e.target}'.`, policiesPath);
  }
  const varsPath = ['Environment', 'Variables'];
  const vars = valueAt(s.value, ['Resources', e.source, 'Properties', ...varsPath]);
  for (const [name, value] of Object.entries(plan.environment)) {
    const have = isObject(vars) ? vars[name] : undefined;
    if (have !== undefined && !valueEquals(have, value)) {
      throw new EditError('WIRE_ENV_CONFLICT', `'${e.source}' already sets ${name} to something else; rename that variable first.`, ['Resources', e.source, 'Properties', ...varsPath, name]);
    }
  }
  appendToList(s, policiesPath, missing);
  for (const [name, value] of Object.entries(plan.environment)) ensure(s, e.source, [...varsPath, name], value);
}

function connectTrigger(s: EditSession, e: Extract<Edit, { op: 'connect' }>, sourceKind: ReturnType<typeof kindOfType>, targetKind: ReturnType<typeof kindOfType>): void {
  const sourceType = typeOf(s, e.source);
  const verdict = canTrigger(sourceKind, targetKind, sourceType);
  if (!verdict.ok) throw new EditError('WIRE_NOT_ALLOWED', verdict.reason, ['Resources', e.target]);
  const rule = triggerRule(sourceKind, sourceType)!;
  const write = rule.sam;
  if (write.kind === 'event') {
    if (typeOf(s, e.target) !== SAM_FUNCTION) {
      throw new EditError('WIRE_UNSUPPORTED', `Trigger wires are written as events of SAM functions (AWS::Serverless::Function); '${e.target}' is ${typeOf(s, e.target)}.`, ['Resources', e.target]);
    }
    const eventsPath: Path = ['Resources', e.target, 'Properties', 'Events'];
    const events = valueAt(s.value, eventsPath);
    const taken = isObject(events) ? Object.keys(events) : [];
    const name = e.name ?? defaultEventName(sourceKind, e.source, taken);
    if (taken.includes(name)) throw new EditError('WIRE_EXISTS', `'${e.target}' already has an event named '${name}'.`, [...eventsPath, name]);
    if (!e.name && existingEdge(s, e.source, e.target, 'trigger')) {
      throw new EditError('WIRE_EXISTS', `'${e.source}' already triggers '${e.target}'; give the new event a name to add another.`, eventsPath);
    }
    if (rule.sourceRequires) ensure(s, e.source, rule.sourceRequires.path, rule.sourceRequires.value);
    if (rule.targetRequires) ensure(s, e.target, rule.targetRequires.path, rule.targetRequires.value);
    const properties: CfnObject = { ...write.properties(e.source, e.target), ...(e.properties ?? {}) };
    setAt(s, [...eventsPath, name], { Type: write.eventType, Properties: properties });
    return;
  }
  if (rule.sourceRequires) ensure(s, e.source, rule.sourceRequires.path, rule.sourceRequires.value);
  if (rule.targetRequires) ensure(s, e.target, rule.targetRequires.path, rule.targetRequires.value);
  if (write.kind === 'source-list') {
    appendToList(s, ['Resources', e.source, 'Properties', ...write.path], [write.item(e.source, e.target)]);
    return;
  }
  for (const r of write.resources(e.source, e.target)) addResource(s, r.logicalId, r.type, r.properties);
}

/** Paths (absolute) whose removal undoes what makes a wire, outside `keep` (a resource being removed). */
export function wireRemovals(s: EditSession, edge: GraphEdge, keep?: string): Path[] {
  const out: Path[] = [];
  for (const src of edge.sources) {
    if (keep && src.path[0] === 'Resources' && src.path[1] === keep) continue;
    if (src.via === 'statement') {
      out.push(...statementRemovals(s, src.path, edge.target));
      continue;
    }
    if (src.via === 'policy-template' && src.name) {
      out.push(policyTemplateRemoval(s, src.path, src.name));
      continue;
    }
    if (src.via === 'event' || src.via === 'policy-template' || src.via === 'env' || src.via === 'depends-on') out.push(src.path);
  }
  return out;
}

/** A policy entry that holds only this template goes; in `{A: .., B: ..}` only the template's key goes. */
export function policyTemplateRemoval(s: EditSession, entry: Path, template: string): Path {
  const item = valueAt(s.value, entry);
  return isObject(item) && Object.keys(item).length > 1 ? [...entry, template] : entry;
}

const refersTo = (v: CfnValue, target: string): boolean => collectRefs(v, []).some((x) => x.target === target);

/** A statement naming the target goes; in a list of several resources only the target's entries go. */
export function statementRemovals(s: EditSession, path: Path, target: string, names: (v: CfnValue, target: string) => boolean = refersTo): Path[] {
  const st = valueAt(s.value, path);
  if (!isObject(st)) return [];
  const res = st['Resource'];
  if (Array.isArray(res)) {
    const hits = res.map((r, i) => (names(r, target) ? i : -1)).filter((i) => i >= 0);
    if (hits.length && hits.length < res.length) return hits.map((i) => [...path, 'Resource', i]);
  }
  return [path];
}

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

const templateKeep = (p: Path): number => (p[0] === 'Resources' ? 2 : 0);

/**
 * Deletes paths last-first so list indexes stay valid; paths already gone (cascades) are
 * skipped. `keep` says how deep each deletion may empty its way up (see deleteAt).
 */
export function deletePaths(s: EditSession, paths: readonly Path[], keep: (p: Path) => number = templateKeep): void {
  const unique = [...new Map(paths.map((p) => [JSON.stringify(p), p])).values()];
  unique.sort((a, b) => comparePaths(b, a));
  for (const p of unique) {
    if (!nodeAt(s.ctx.doc, p)) continue;
    deleteAt(s, p, keep(p));
  }
}

export function disconnect(s: EditSession, e: Extract<Edit, { op: 'disconnect' }>): void {
  resourceMap(s, e.source);
  resourceMap(s, e.target);
  const edge = existingEdge(s, e.source, e.target, e.kind);
  if (!edge) throw new EditError('WIRE_NOT_FOUND', `There is no ${e.kind} wire from '${e.source}' to '${e.target}'.`, ['Resources', e.source]);
  const paths = wireRemovals(s, edge);
  if (!paths.length) throw new EditError('WIRE_UNSUPPORTED', `This ${e.kind} wire is written in a form Cairn does not remove; edit it in the YAML view.`, ['Resources', e.source]);
  deletePaths(s, paths);
}
