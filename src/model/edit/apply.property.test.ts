/**
 * Property-based tests of the edit layer (fast-check): generated templates in many styles,
 * random edit sequences, and after every edit the invariants of docs/decisions (lossless edits):
 * it applies or is refused with a coded diagnostic, the result parses, its value is what the
 * oracle expects, entries the edit did not target keep their exact bytes, and the file's style
 * (line endings, final newline, JSON-ness and indentation, intrinsic form) is kept.
 *
 * Deterministic by default. Deeper local runs: FC_RUNS=5000 FC_SEED=123 node --import tsx --test <this file>
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isMap } from 'yaml';
import type { Pair } from 'yaml';
import { applyEdit, applyEdits } from './apply.ts';
import { keyStart, pairEnd } from './cst.ts';
import type { Edit, EditResult } from './types.ts';
import { buildGraph } from '../graph/build.ts';
import { kindOfType } from '../catalog/nodeKinds.ts';
import { readAccessLevel } from '../wire/level.ts';
import { lineEnd, lineStart } from '../text/lines.ts';
import { detectStyle } from '../text/style.ts';
import { parseCached } from '../yaml/cache.ts';
import { parseText } from '../yaml/parse.ts';
import type { ParsedText } from '../yaml/parse.ts';
import { cloneValue, isObject, keyString, valueEquals } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { changedWindow, mentions, onlyRemovedMentions, renameInValue, setAtValue } from '../testing/oracle.ts';
import { intrinsicOf, recipeArb, templateArb, TYPE_OF } from '../testing/arbitraries.ts';
import type { GeneratedTemplate, PathRecipe, Recipe } from '../testing/arbitraries.ts';

const RUNS = Number(process.env['FC_RUNS'] ?? 400);
const SEED = Number(process.env['FC_SEED'] ?? 20240611);
fc.configureGlobal({ seed: SEED, numRuns: RUNS, includeErrorInReport: true });

const SECTIONS = new Set(['Resources', 'Parameters', 'Outputs']);

// ---------------------------------------------------------------------------------------------
// Helpers

type Path = readonly (string | number)[];

/** The value at `path`; with `stopAtIntrinsics`, an intrinsic on the way counts as not found (for predictions). */
function valueAt(root: CfnValue | undefined, path: Path, stopAtIntrinsics = false): { found: true; value: CfnValue } | { found: false; intrinsic: boolean } {
  let cur: CfnValue | undefined = root;
  for (const seg of path) {
    if (typeof seg === 'number' && Array.isArray(cur) && seg < cur.length) cur = cur[seg];
    else if (typeof seg === 'string' && isObject(cur) && !(stopAtIntrinsics && intrinsicOf(cur)) && Object.prototype.hasOwnProperty.call(cur, seg)) cur = cur[seg];
    else return { found: false, intrinsic: intrinsicOf(cur) !== null };
  }
  return { found: true, value: cur as CfnValue };
}

/** Removes `path`, and the parents it empties down to `keepDepth` segments (what deleteAt does). */
function deleteAtValue(root: CfnObject, path: Path, keepDepth: number): CfnObject {
  const out = cloneValue(root);
  const del = (p: Path): void => {
    const parent = valueAt(out, p.slice(0, -1));
    if (!parent.found) return;
    const c = parent.value;
    const last = p[p.length - 1]!;
    const size = Array.isArray(c) ? c.length : isObject(c) ? Object.keys(c).length : 0;
    if (size === 1 && p.length - 1 > keepDepth) return del(p.slice(0, -1));
    if (Array.isArray(c)) c.splice(last as number, 1);
    else if (isObject(c)) delete c[last as string];
  };
  del(path);
  return out;
}

function nullProto(v: CfnValue): CfnValue {
  if (Array.isArray(v)) return v.map(nullProto);
  if (!isObject(v)) return v;
  const o = Object.create(null) as CfnObject;
  for (const k of Object.keys(v)) o[k] = nullProto(v[k]!);
  return o;
}

function renameKeyIn(root: CfnObject, section: string, from: string, to: string): CfnObject {
  const out = cloneValue(root);
  const sec = out[section];
  if (!isObject(sec)) return out;
  const renamed: CfnObject = {};
  for (const k of Object.keys(sec)) renamed[k === from ? to : k] = sec[k]!;
  out[section] = renamed;
  return out;
}

/**
 * Would setting `path` apply? true/false when the value-level shape decides it; undefined when
 * the path goes through an intrinsic (short-form tags are not mappings, long forms are).
 */
function predictSet(root: CfnValue, path: Path): boolean | undefined {
  let cur: CfnValue | undefined = root;
  let viaIndex = false;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return intrinsicOf(cur as CfnValue) ? undefined : false;
      if (seg === cur.length && last) return true;
      if (seg >= cur.length) return false;
      if (last) return true;
      cur = cur[seg];
      viaIndex = true;
      continue;
    }
    if (intrinsicOf(cur as CfnValue)) return undefined;
    if (cur === null) return !viaIndex && path.slice(i).every((s) => typeof s === 'string');
    if (!isObject(cur)) return false;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return path.slice(i + 1).every((s) => typeof s === 'string');
    if (last) return true;
    cur = cur[seg];
    viaIndex = false;
  }
  return undefined;
}

const names = (v: CfnObject, section: string): string[] => (isObject(v[section]) ? Object.keys(v[section] as CfnObject) : []);
const typeOfRes = (v: CfnObject, id: string): string => {
  const d = (v['Resources'] as CfnObject | undefined)?.[id];
  return isObject(d) && typeof d['Type'] === 'string' ? d['Type'] : '';
};
const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;

/** Source text of every top-level entry and every Resources/Parameters/Outputs entry: key line to end of block. */
function entryTexts(text: string, parsed: ParsedText): Map<string, string> {
  const out = new Map<string, string>();
  const root = parsed.doc?.contents;
  if (!isMap(root)) return out;
  const slice = (p: Pair) => text.slice(lineStart(text, keyStart(p)), pairEnd(text, p));
  for (const pair of root.items as Pair[]) {
    const k = keyString(pair.key);
    if (SECTIONS.has(k) && isMap(pair.value)) {
      for (const p of pair.value.items as Pair[]) out.set(`${k}/${keyString(p.key)}`, slice(p));
    } else out.set(`/${k}`, slice(pair));
  }
  return out;
}

/** Entry keys (as in entryTexts) whose value mentions `id`. */
function mentioning(v: CfnObject, id: string): string[] {
  const out: string[] = [];
  for (const [k, sec] of Object.entries(v)) {
    if (SECTIONS.has(k) && isObject(sec)) {
      for (const [name, def] of Object.entries(sec)) if (mentions(def, id)) out.push(`${k}/${name}`);
    } else if (mentions(sec, id)) out.push(`/${k}`);
  }
  return out;
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const SHORT_TAG_RE = /(?:^|[\s[{,:-])!(?:Ref|Sub|GetAtt|If|Join|Select|Split|FindInMap|GetAZs|ImportValue|Base64|Cidr|Equals|And|Or|Not|Transform)(?![A-Za-z0-9])/gm;
const LONG_FORM_RE = /(?:^|[\s[{,-])["']?(?:Ref|Fn::[A-Za-z]+)["']?[ \t]*:(?=\s|$)/gm;
const count = (re: RegExp, s: string): number => (s.match(re) ?? []).length;

// Codes the engine may legitimately refuse a generated edit with; anything else on a
// well-formed template is an engine bug (EDIT_PRODUCED_INVALID: the engine's own text did not parse).
const CODE_RE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const BUG_CODES = new Set(['EDIT_PRODUCED_INVALID', 'EDIT_NO_SOURCE', 'EDIT_OVERLAP', 'EDIT_TEMPLATE_UNREADABLE', 'EDIT_UNKNOWN_OP']);

// ---------------------------------------------------------------------------------------------
// Recipes -> edits

function fill(v: CfnValue, resources: readonly string[], params: readonly string[]): CfnValue {
  if (typeof v === 'string') {
    return v.replace(/\u0001([RP])(\d+)\u0001/g, (_m, kind: string, n: string) => {
      const list = kind === 'R' ? resources : params;
      return list.length ? list[Number(n) % list.length]! : kind === 'R' ? 'Gone' : 'AWS::Region';
    });
  }
  if (Array.isArray(v)) return v.map((x) => fill(x, resources, params));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [fill(k, resources, params) as string, fill(x, resources, params)]));
  return v;
}

function resolvePath(def: CfnValue | undefined, p: PathRecipe): (string | number)[] {
  if (p.mode === 'fixed') return [...p.path];
  const out: (string | number)[] = [];
  let cur = def;
  for (const [i, w] of p.walk.entries()) {
    if (isObject(cur)) {
      let keys = Object.keys(cur);
      if (i === 0 && w % 10 !== 0 && keys.length > 1) keys = keys.filter((k) => k !== 'Type');
      if (!keys.length) break;
      const k = keys[w % keys.length]!;
      out.push(k);
      cur = cur[k];
    } else if (p.mode === 'existing' && Array.isArray(cur) && cur.length) {
      out.push(w % cur.length);
      cur = cur[w % cur.length];
    } else break;
  }
  if (p.mode === 'new') {
    if (p.append && Array.isArray(cur)) out.push(cur.length);
    else out.push(...p.tail);
  }
  if (!out.length) out.push('Properties');
  return out;
}

/** `Resources/<id>` of an IAM role or policy (access written in a role changes it). */
function isRole(v: CfnObject, key: string): boolean {
  const t = typeOfRes(v, key.slice('Resources/'.length));
  return t === 'AWS::IAM::Role' || t === 'AWS::IAM::Policy' || t === 'AWS::IAM::ManagedPolicy';
}

function resolve(r: Recipe, v: CfnObject): Edit {
  const res = names(v, 'Resources');
  const params = names(v, 'Parameters');
  const outs = names(v, 'Outputs');
  const pick = (list: readonly string[], n: number | 'missing', missing: string) => (n === 'missing' || !list.length ? missing : list[n % list.length]!);
  const f = (x: CfnValue) => fill(x, res, params);
  switch (r.op) {
    case 'setProperty': {
      const resource = pick(res, r.r, 'Missing');
      return { op: 'setProperty', resource, path: resolvePath((v['Resources'] as CfnObject | undefined)?.[resource], r.path), value: f(r.value) };
    }
    case 'deleteProperty': {
      const resource = pick(res, r.r, 'Missing');
      return { op: 'deleteProperty', resource, path: resolvePath((v['Resources'] as CfnObject | undefined)?.[resource], r.path) };
    }
    case 'addResource': {
      const e: Edit = {
        op: 'addResource',
        resource: typeof r.id === 'number' ? pick(res, r.id, 'Fresh') : r.id,
        type: TYPE_OF[r.kind],
        ...(r.properties ? { properties: f(r.properties) as CfnObject } : {}),
        ...(r.attributes ? { attributes: f(r.attributes) as CfnObject } : {}),
      };
      return e;
    }
    case 'removeResource':
      return { op: 'removeResource', resource: pick(res, r.r, 'Missing') };
    case 'renameResource':
      return { op: 'renameResource', resource: pick(res, r.r, 'Missing'), to: typeof r.to === 'number' ? pick(res, r.to, 'Fresh') : r.to };
    case 'setParameter': {
      const name = typeof r.p === 'number' ? pick(params, r.p, 'NewParam') : r.p;
      return { op: 'setParameter', name, ...(r.path ? { path: [...r.path] } : {}), value: f(r.value) };
    }
    case 'removeParameter':
      return { op: 'removeParameter', name: typeof r.p === 'number' ? pick(params, r.p, 'Nope') : r.p };
    case 'renameParameter':
      return { op: 'renameParameter', name: typeof r.p === 'number' ? pick(params, r.p, 'Nope') : r.p, to: typeof r.to === 'string' ? r.to : pick(res, r.to.resource, 'Fresh') };
    case 'setOutput': {
      const name = typeof r.o === 'number' ? pick(outs, r.o, 'NewOutput') : r.o;
      return { op: 'setOutput', name, ...(r.path ? { path: [...r.path] } : {}), value: f(r.value) };
    }
    case 'removeOutput':
      return { op: 'removeOutput', name: typeof r.o === 'number' ? pick(outs, r.o, 'Nope') : r.o };
    case 'renameOutput':
      return { op: 'renameOutput', name: pick(outs, r.o, 'Nope'), to: r.to };
    case 'connect':
    case 'disconnect': {
      const fns = res.filter((id) => typeOfRes(v, id) === TYPE_OF.function);
      const others = res.filter((id) => [TYPE_OF.table, TYPE_OF.queue, TYPE_OF.bucket, TYPE_OF.topic].includes(typeOfRes(v, id)));
      if (r.op === 'disconnect' && !r.anyPair) {
        // mostly wires that exist, so that disconnect has something to remove
        const edges = buildGraph(v).edges.filter((x) => x.kind === 'trigger' || x.kind === 'access').filter((x) => res.includes(x.source) && res.includes(x.target));
        const edge = edges.length ? edges[r.a % edges.length]! : undefined;
        if (edge) return { op: 'disconnect', source: edge.source, target: edge.target, kind: edge.kind as 'trigger' | 'access' };
      }
      const [from, to] = r.anyPair ? [res, res.length > 1 ? res.filter((x, i) => i !== r.a % res.length) : res] : r.kind === 'access' ? [fns, others] : [others, fns];
      const source = pick(from.length ? from : res, r.a, 'Missing');
      const rest = to.length ? to : res.filter((x) => x !== source);
      const target = pick(rest.length ? rest : res, r.b, 'Missing');
      if (r.op === 'disconnect') return { op: 'disconnect', source, target, kind: r.kind };
      return { op: 'connect', source, target, kind: r.kind, ...(r.kind === 'access' && r.level ? { level: r.level } : {}) };
    }
    case 'setAccessLevel': {
      const edges = buildGraph(v).edges.filter((x) => x.kind === 'access');
      const edge = edges.length ? edges[r.a % edges.length]! : undefined;
      return { op: 'setAccessLevel', source: edge?.source ?? 'Missing', target: edge?.target ?? 'Missing', level: r.level };
    }
    case 'addNetwork':
      return { op: 'addNetwork', resource: r.id };
    case 'placeInNetwork':
    case 'removeFromNetwork': {
      // mostly functions into networks; now and then any resource, or any resource as the network
      const fns = res.filter((id) => typeOfRes(v, id) === TYPE_OF.function);
      const nets = res.filter((id) => typeOfRes(v, id) === 'AWS::EC2::VPC');
      const resource = pick(r.a % 7 === 0 || !fns.length ? res : fns, r.a, 'Missing');
      if (r.op === 'removeFromNetwork') return { op: 'removeFromNetwork', resource };
      // sequences are short: a placement with no network to go to mostly makes one first
      if (!nets.length && r.b % 7 !== 0) return { op: 'addNetwork', resource: r.id };
      return { op: 'placeInNetwork', resource, network: pick(r.b % 7 === 0 || !nets.length ? res : nets, r.b, 'Missing') };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Oracle: what an edit should do, at the value level

interface Expectation {
  /** true: must apply; false: must be refused; undefined: either. */
  readonly applies: boolean | undefined;
  /** The parsed value after the edit, when the oracle knows it. */
  readonly value?: (before: CfnObject) => CfnObject;
  /** Entries (entryTexts keys) the edit may change. */
  readonly touched: readonly string[];
}

function expect(before: CfnObject, e: Edit): Expectation {
  const res = names(before, 'Resources');
  const params = names(before, 'Parameters');
  const outs = names(before, 'Outputs');
  const hasRes = (id: string) => res.includes(id);
  switch (e.op) {
    case 'setProperty': {
      const abs = ['Resources', e.resource, ...e.path];
      const shapeOk = e.path.length > 0 && !(e.path[0] === 'Type' && e.path.length > 1);
      return {
        applies: !hasRes(e.resource) || !shapeOk ? false : predictSet(before, abs),
        value: (b) => setAtValue(b, abs, e.value),
        touched: [`Resources/${e.resource}`],
      };
    }
    case 'deleteProperty': {
      const abs = ['Resources', e.resource, ...e.path];
      const at = valueAt(before, abs, true);
      const bad = !e.path.length || (e.path.length === 1 && e.path[0] === 'Type') || (e.path[0] === 'Type' && e.path.length > 1);
      return {
        applies: !hasRes(e.resource) || bad ? false : at.found ? true : at.intrinsic ? undefined : false,
        value: (b) => deleteAtValue(b, abs, 2),
        touched: [`Resources/${e.resource}`],
      };
    }
    case 'addResource': {
      const body: CfnObject = { Type: e.type };
      for (const [k, x] of Object.entries(e.attributes ?? {})) if (k !== 'Type' && k !== 'Properties') body[k] = x;
      if (e.properties && Object.keys(e.properties).length) body['Properties'] = e.properties;
      const free = LOGICAL_ID.test(e.resource) && !hasRes(e.resource) && !params.includes(e.resource);
      return { applies: free, value: (b) => setAtValue(b, ['Resources', e.resource], body), touched: [] };
    }
    case 'removeResource':
      return { applies: hasRes(e.resource), touched: [`Resources/${e.resource}`, ...mentioning(before, e.resource)] };
    case 'renameResource': {
      const ok = hasRes(e.resource) && LOGICAL_ID.test(e.to) && (e.to === e.resource || (!hasRes(e.to) && !params.includes(e.to)));
      return { applies: ok, value: (b) => renameInValue(b, e.resource, e.to), touched: [`Resources/${e.resource}`, ...mentioning(before, e.resource)] };
    }
    case 'setParameter':
    case 'setOutput': {
      const section = e.op === 'setParameter' ? 'Parameters' : 'Outputs';
      const exists = (section === 'Parameters' ? params : outs).includes(e.name);
      const abs = [section, e.name, ...(e.path ?? [])];
      let applies: boolean | undefined;
      if (!LOGICAL_ID.test(e.name)) applies = false;
      else if (e.path && e.path.length) applies = exists ? predictSet(before, abs) : false;
      else applies = section === 'Parameters' && !exists && hasRes(e.name) ? false : true;
      return { applies, value: (b) => setAtValue(b, abs, e.value), touched: [`${section}/${e.name}`] };
    }
    case 'removeParameter': {
      const exists = params.includes(e.name);
      // (a parameter naming itself inside its own definition counts as a use for the engine; fine)
      const used = mentioning(before, e.name).length > 0;
      return { applies: !exists ? false : used ? undefined : true, value: (b) => deleteAtValue(b, ['Parameters', e.name], 0), touched: [`Parameters/${e.name}`] };
    }
    case 'removeOutput':
      return { applies: outs.includes(e.name), value: (b) => deleteAtValue(b, ['Outputs', e.name], 0), touched: [`Outputs/${e.name}`] };
    case 'renameParameter': {
      // Parameters and Resources share one namespace (Ref resolves either)
      const ok = params.includes(e.name) && LOGICAL_ID.test(e.to) && (e.to === e.name || (!params.includes(e.to) && !hasRes(e.to)));
      return {
        applies: ok,
        // Ref/Sub rewriting is the same as for resources: the name pools keep GetAtt/DependsOn off parameter names
        value: (b) => renameKeyIn(renameInValue(b, e.name, e.to), 'Parameters', e.name, e.to),
        touched: [`Parameters/${e.name}`, ...mentioning(before, e.name)],
      };
    }
    case 'renameOutput': {
      const ok = outs.includes(e.name) && LOGICAL_ID.test(e.to) && (e.to === e.name || !outs.includes(e.to));
      return { applies: ok, value: (b) => renameKeyIn(b, 'Outputs', e.name, e.to), touched: [`Outputs/${e.name}`] };
    }
    case 'connect':
    case 'disconnect':
      return { applies: undefined, touched: [`Resources/${e.source}`, `Resources/${e.target}`] };
    case 'setAccessLevel':
      // a wire written in a role changes the role's entry
      return { applies: hasRes(e.source) && hasRes(e.target) ? undefined : false, touched: res.map((id) => `Resources/${id}`).filter((k) => k === `Resources/${e.source}` || isRole(before, k)) };
    case 'setCondition':
    case 'removeCondition':
    case 'renameCondition':
      // the arbitraries make no Conditions; apply.test.ts covers these ops by example
      throw new Error(`${e.op} is not generated`);
    case 'addNetwork': {
      const free = LOGICAL_ID.test(e.resource) && !hasRes(e.resource) && !params.includes(e.resource);
      // only new entries: the VPC, its subnets and the functions' security group
      return { applies: free ? undefined : false, touched: [] };
    }
    case 'placeInNetwork':
      return { applies: hasRes(e.resource) && hasRes(e.network) ? undefined : false, touched: [`Resources/${e.resource}`] };
    case 'removeFromNetwork':
      return { applies: hasRes(e.resource) ? undefined : false, touched: [`Resources/${e.resource}`] };
    case 'removeNetwork':
      return { applies: hasRes(e.resource) ? undefined : false, touched: res.map((id) => `Resources/${id}`) };
  }
}

// ---------------------------------------------------------------------------------------------
// One step: apply an edit and check every property

interface Stats {
  applied: Record<string, number>;
  refused: Record<string, number>;
  steps: number;
}
const stats: Stats = { applied: {}, refused: {}, steps: 0 };
const bump = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);

function show(s: string): string {
  return JSON.stringify(s);
}

function checkStep(gen: GeneratedTemplate, before: string, edit: Edit, i: number): string | null {
  const pb = parseCached(before);
  const vb = pb.value!;
  const where = () => `edit #${i} ${JSON.stringify(edit)}\nbefore: ${show(before)}`;
  let r: EditResult;
  try {
    r = applyEdit(before, edit);
  } catch (err) {
    assert.fail(`applyEdit threw ${(err as Error)?.stack ?? String(err)}\n${where()}`);
  }
  const exp = expect(vb, edit);
  stats.steps++;
  if (!r.ok) {
    assert.ok(r.diagnostics.length > 0, `refused without diagnostics\n${where()}`);
    const d = r.diagnostics[0]!;
    assert.match(d.code, CODE_RE, `unstable diagnostic code ${d.code}\n${where()}`);
    assert.ok(d.severity === 'error' && d.message.length > 0, `refusal without an error message\n${where()}`);
    assert.ok(!BUG_CODES.has(d.code), `refused with ${d.code}: ${d.message}\n${where()}`);
    assert.notEqual(exp.applies, true, `should have applied, was refused with ${d.code}: ${d.message}\n${where()}`);
    bump(stats.refused, `${edit.op}:${d.code}`);
    return null;
  }
  const after = r.text;
  const where2 = () => `${where()}\nafter:  ${show(after)}`;
  assert.notEqual(exp.applies, false, `should have been refused\n${where2()}`);
  bump(stats.applied, edit.op);

  // parses
  const pa = parseCached(after);
  assert.ok(!pa.blocked && pa.value, `result does not parse: ${pa.diagnostics[0]?.message}\n${where2()}`);
  const va = pa.value;

  // value
  if (exp.value && !('path' in edit && edit.path && indexesIntoIntrinsic(vb, absPath(edit)))) {
    const want = exp.value(vb);
    if (!valueEquals(va, want)) assert.deepEqual(va, want, `value differs from the oracle\n${where2()}`);
  }
  if (edit.op === 'removeResource') {
    const res = va['Resources'];
    assert.ok(!isObject(res) || !Object.prototype.hasOwnProperty.call(res, edit.resource), `${edit.resource} still there\n${where2()}`);
    const minus = cloneValue(vb);
    delete (minus['Resources'] as CfnObject)[edit.resource];
    // oracle.ts reads `after[k]` and `k in before`, which see Object.prototype ('valueOf', 'constructor'):
    // compare null-prototype copies
    const wrong = onlyRemovedMentions(nullProto(minus), nullProto(va), edit.resource);
    assert.equal(wrong, null, `removing ${edit.resource} also changed ${wrong}\n${where2()}`);
  }
  if (edit.op === 'setAccessLevel') {
    const edge = buildGraph(va).edges.find((x) => x.source === edit.source && x.target === edit.target && x.kind === 'access');
    const kind = kindOfType(String((va['Resources'] as CfnObject)[edit.target] && ((va['Resources'] as CfnObject)[edit.target] as CfnObject)['Type']));
    assert.ok(edge, `setAccessLevel lost the wire\n${where2()}`);
    assert.equal(readAccessLevel(va, edge, kind).level, edit.level, `setAccessLevel: the wire does not read back at ${edit.level}\n${where2()}`);
  }
  if (edit.op === 'placeInNetwork' || edit.op === 'removeFromNetwork') {
    const parent = buildGraph(va).nodes.find((x) => x.id === edit.resource)?.parent;
    assert.equal(parent, edit.op === 'placeInNetwork' ? edit.network : undefined, `${edit.op}: drawn in ${parent ?? 'no network'} afterwards\n${where2()}`);
  }
  if (edit.op === 'addNetwork') {
    const parts = buildGraph(va).nodes.filter((x) => x.parent === edit.resource).map((x) => typeOfRes(va, x.id));
    assert.deepEqual(parts.sort(), ['AWS::EC2::SecurityGroup', 'AWS::EC2::Subnet', 'AWS::EC2::Subnet'], `addNetwork: the network's parts\n${where2()}`);
  }
  if (edit.op === 'connect' || edit.op === 'disconnect') {
    const has = buildGraph(va).edges.some((x) => x.source === edit.source && x.target === edit.target && x.kind === edit.kind);
    assert.equal(has, edit.op === 'connect', `${edit.op} ${edit.kind}: graph edge ${has ? 'present' : 'missing'} afterwards\n${where2()}`);
  }
  // Parameters and Resources share one namespace (Ref resolves either); an edit must not merge them.
  const clash = (v: CfnObject) => names(v, 'Parameters').filter((p) => names(v, 'Resources').includes(p));
  if (!clash(vb).length) assert.deepEqual(clash(va), [], `a parameter and a resource now share a name\n${where2()}`);

  // untouched entries keep their bytes
  const touched = new Set(exp.touched);
  const eb = entryTexts(before, pb);
  const ea = entryTexts(after, pa);
  for (const [k, text] of eb) {
    if (touched.has(k)) continue;
    assert.equal(ea.get(k), text, `untouched entry ${k} changed\n${where2()}`);
  }
  // single-resource edits change only the resource's lines: all text before its key line and
  // after its last line is kept as it was
  if (edit.op === 'setProperty' || edit.op === 'deleteProperty') {
    const found = (pb.doc!.contents as { items: Pair[] }).items.find((p) => keyString(p.key) === 'Resources');
    const pair = isMap(found?.value) ? (found.value.items as Pair[]).find((p) => keyString(p.key) === edit.resource) : undefined;
    if (pair) {
      const prefix = before.slice(0, lineStart(before, keyStart(pair)));
      const suffix = before.slice(lineEnd(before, pairEnd(before, pair)));
      const kept = after.startsWith(prefix) && after.endsWith(suffix) && after.length >= prefix.length + suffix.length;
      assert.ok(kept, `changed text outside the resource's lines ${lineOf(before, prefix.length) + 1}-${lineOf(before, before.length - suffix.length) + 1}\n${where2()}`);
    }
  }

  // style
  const st = gen.style;
  if (st.eol === '\r\n') assert.ok(!/(^|[^\r])\n/.test(after), `bare LF in a CRLF file\n${where2()}`);
  else assert.ok(!after.includes('\r') || before.includes('\r'), `CR in an LF file\n${where2()}`);
  assert.equal(after.endsWith('\n'), st.finalNewline, `final newline ${st.finalNewline ? 'lost' : 'added'}\n${where2()}`);
  if (st.syntax === 'json') {
    let json: unknown;
    assert.doesNotThrow(() => (json = JSON.parse(after)), `not JSON any more\n${where2()}`);
    assert.ok(valueEquals(json as CfnValue, va), `JSON.parse and the YAML reading differ\n${where2()}`);
    const unit = st.jsonIndent;
    for (const line of after.split(/\r?\n/)) {
      const lead = /^[ \t]*/.exec(line)![0];
      const okIndent = unit === '\t' ? !lead.includes(' ') : !lead.includes('\t') && lead.length % unit.length === 0;
      assert.ok(okIndent, `line indented off the ${JSON.stringify(unit)} unit: ${JSON.stringify(line)}\n${where2()}`);
    }
  } else {
    // (tab indentation needs no check of its own: YAML rejects it, and the parse check above would fail;
    // a tab after the indentation of a block scalar line is content)
    const w = changedWindow(before, after);
    if (w) {
      const oldPart = before.split('\n').slice(w.start, w.endBefore).join('\n');
      const newPart = after.split('\n').slice(w.start, w.endAfter).join('\n');
      const shortFile = count(SHORT_TAG_RE, before) > 0 && count(LONG_FORM_RE, before) === 0;
      const longFile = count(LONG_FORM_RE, before) > 0 && count(SHORT_TAG_RE, before) === 0;
      if (shortFile) assert.ok(count(LONG_FORM_RE, newPart) <= count(LONG_FORM_RE, oldPart), `long-form intrinsic written into a short-form file\n${where2()}`);
      if (longFile) assert.ok(count(SHORT_TAG_RE, newPart) <= count(SHORT_TAG_RE, oldPart), `short-form tag written into a long-form file\n${where2()}`);
    }
    // The step read back must not change; when an edit leaves no indented line at all (the
    // last resource removed: `Resources: {}`) there is nothing left to read it from.
    const indented = (t: string) => /\n +[^\s#]/.test(t);
    if (indented(after)) {
      const sb = detectStyle(before, 'yaml');
      const sa = detectStyle(after, 'yaml');
      assert.equal(sa.indent, sb.indent, `indentation step changed ${sb.indent} -> ${sa.indent}\n${where2()}`);
    }
  }
  return after;
}


function absPath(e: Edit): Path {
  if (e.op === 'setProperty' || e.op === 'deleteProperty') return ['Resources', e.resource, ...e.path];
  if (e.op === 'setParameter') return ['Parameters', e.name, ...(e.path ?? [])];
  if (e.op === 'setOutput') return ['Outputs', e.name, ...(e.path ?? [])];
  return [];
}

/**
 * Does `path` step into an intrinsic other than through its own key? The engine walks the
 * source: `!Sub [fmt, vars]` is a list there, `Fn::Sub: [fmt, vars]` a mapping, so `X.0` reaches
 * the format string in the short form only. Value-level expectations do not apply to such paths.
 */
function indexesIntoIntrinsic(root: CfnValue, path: Path): boolean {
  let cur: CfnValue | undefined = root;
  for (const seg of path) {
    const i = intrinsicOf(cur as CfnValue);
    if (i && seg !== i.fn) return true;
    if (typeof seg === 'number' && Array.isArray(cur)) cur = cur[seg];
    else if (typeof seg === 'string' && isObject(cur) && Object.prototype.hasOwnProperty.call(cur, seg)) cur = cur[seg];
    else return false;
  }
  return false;
}

function runSequence(gen: GeneratedTemplate, recipes: readonly Recipe[]): void {
  let text = gen.text;
  const applied: Edit[] = [];
  const styles = [detectStyle(text, parseCached(text).syntax)];
  for (const [i, recipe] of recipes.entries()) {
    const v = parseCached(text).value!;
    const edit = resolve(recipe, v);
    const next = checkStep(gen, text, edit, i);
    if (next !== null) {
      applied.push(edit);
      text = next;
      styles.push(detectStyle(text, parseCached(text).syntax));
    }
  }
  // The same edits in one call give the same template. A session reads the file's style once,
  // while one-by-one application re-reads it after every edit: when an edit removes the last
  // evidence of a trait (the only long-form intrinsic, the only flush sequence) the two may
  // write later values differently, so the texts are compared only when every intermediate
  // text reads as the same style.
  const all = applyEdits(gen.text, applied);
  assert.ok(all.ok, `applyEdits of the applied edits failed: ${!all.ok && all.diagnostics[0]?.code}`);
  assert.ok(valueEquals(parseCached(all.text).value!, parseCached(text).value!), `applyEdits(all) gives another template than one by one\n${show(all.text)}\n${show(text)}`);
  if (styles.every((x) => JSON.stringify(x) === JSON.stringify(styles[0]))) assert.equal(all.text, text, 'applyEdits(all) differs from applying one by one');
}

// ---------------------------------------------------------------------------------------------

describe(`edit layer properties (seed ${SEED}, ${RUNS} runs; FC_SEED / FC_RUNS to change)`, () => {
  test('generator self-check: every printed template parses to its model value', () => {
    fc.assert(
      fc.property(templateArb, (g) => {
        const p = parseText(g.text);
        assert.ok(!p.blocked, `printed template does not parse: ${p.diagnostics[0]?.message}\n${g.text}`);
        if (!valueEquals(p.value!, g.model.value)) assert.deepEqual(p.value, g.model.value);
        if (g.style.syntax === 'json') assert.deepEqual(JSON.parse(g.text), g.model.value);
      }),
    );
  });

  test('detectStyle reads the style the template was written in', () => {
    fc.assert(
      fc.property(templateArb, (g) => {
        const p = parseText(g.text);
        const s = detectStyle(g.text, p.syntax);
        assert.equal(p.syntax, g.style.syntax);
        assert.equal(s.eol, g.style.eol);
        assert.equal(s.finalNewline, g.style.finalNewline);
        if (g.style.syntax === 'json') {
          assert.equal(s.indentChar, g.style.jsonIndent === '\t' ? '\t' : ' ');
          if (g.style.jsonIndent !== '\t') assert.equal(s.indent, g.style.jsonIndent.length);
        } else {
          assert.equal(s.indent, g.style.indent, 'indent');
          const hasShort = count(SHORT_TAG_RE, g.text) > 0;
          const hasLong = count(LONG_FORM_RE, g.text) > 0;
          if (hasShort || hasLong) assert.equal(s.shortForm, g.style.shortForm, 'intrinsic form');
        }
      }),
    );
  });

  test('an empty edit list, and a rename to the same name, return the exact text', () => {
    fc.assert(
      fc.property(templateArb, (g) => {
        const r = applyEdits(g.text, []);
        assert.ok(r.ok);
        assert.equal(r.text, g.text);
        const id = g.model.ids[0]!;
        const same = applyEdit(g.text, { op: 'renameResource', resource: id, to: id });
        assert.ok(same.ok);
        assert.equal(same.text, g.text);
      }),
    );
  });

  test('random edit sequences: apply or refuse with a code; parse; match the oracle; keep untouched bytes and the style', () => {
    const started = Date.now();
    fc.assert(fc.property(templateArb, fc.array(recipeArb, { minLength: 1, maxLength: 6 }), (g, recipes) => runSequence(g, recipes)));
    const top = (o: Record<string, number>) =>
      Object.entries(o)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k}=${n}`)
        .join(' ');
    console.log(`# ${stats.steps} edits in ${Date.now() - started} ms\n# applied: ${top(stats.applied)}\n# refused: ${top(stats.refused)}`);
  });

  test('Virtual Networks: placing each function changes only its entry; taking them all out gives back the bytes', () => {
    let placed = 0;
    fc.assert(
      fc.property(templateArb, (g) => {
        const added = applyEdit(g.text, { op: 'addNetwork', resource: 'CairnNet' });
        if (!added.ok) assert.fail(`addNetwork refused: ${added.diagnostics[0]!.code}\n${show(g.text)}`);
        let text = added.text;
        const fns = names(parseCached(text).value!, 'Resources').filter((id) => typeOfRes(parseCached(text).value!, id) === TYPE_OF.function);
        const inside: string[] = [];
        for (const fn of fns) {
          const before = text;
          const r = applyEdit(before, { op: 'placeInNetwork', resource: fn, network: 'CairnNet' });
          if (!r.ok) {
            assert.ok(!BUG_CODES.has(r.diagnostics[0]!.code), `placeInNetwork ${fn}: ${r.diagnostics[0]!.code} ${r.diagnostics[0]!.message}\n${show(before)}`);
            continue;
          }
          const pb = parseCached(before);
          const pa = parseCached(r.text);
          assert.ok(!pa.blocked, `placeInNetwork ${fn} made an unreadable file\n${show(r.text)}`);
          assert.equal(buildGraph(pa.value!).nodes.find((x) => x.id === fn)?.parent, 'CairnNet');
          const ea = entryTexts(r.text, pa);
          for (const [k, t] of entryTexts(before, pb)) if (k !== `Resources/${fn}`) assert.equal(ea.get(k), t, `placeInNetwork ${fn} changed ${k}\n${show(r.text)}`);
          text = r.text;
          inside.push(fn);
          placed++;
        }
        for (const fn of inside) {
          const r = applyEdit(text, { op: 'removeFromNetwork', resource: fn });
          if (!r.ok) assert.fail(`removeFromNetwork ${fn}: ${r.diagnostics[0]!.code} ${r.diagnostics[0]!.message}\n${show(text)}`);
          text = r.text;
        }
        assert.equal(text, added.text, 'taking every function out did not give back the text');
      }),
    );
    assert.ok(placed > RUNS / 2, `only ${placed} placements ran`);
  });
});

// ---------------------------------------------------------------------------------------------
// Engine bugs the properties above found, as minimal reproductions (regression tests now that
// they are fixed; `was:` says what the engine did).

function refusedWith(r: EditResult, code: string): void {
  assert.equal(r.ok, false, r.ok ? `applied: ${show(r.text)}` : '');
  if (!r.ok) assert.equal(r.diagnostics[0]!.code, code);
}

function valueOf(r: EditResult): CfnObject {
  if (!r.ok) assert.fail(`refused: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const p = parseText(r.text);
  assert.ok(!p.blocked && p.value);
  return p.value;
}

const props = (v: CfnObject, id: string) => ((v['Resources'] as CfnObject)[id] as CfnObject)['Properties'] as CfnObject;

describe('engine bugs found by the properties', () => {
  test('renameParameter onto a resource id is refused like addResource/renameResource/setParameter', () => {
    const text = 'Parameters:\n  Stage:\n    Type: String\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Stage\n';
    // was: Parameters.Queue and Resources.Queue, and `!Ref Stage` became `!Ref Queue` (which now names both)
    refusedWith(applyEdit(text, { op: 'renameParameter', name: 'Stage', to: 'Queue' }), 'EDIT_NAME_TAKEN');
  });

  test('connect refuses a wire from a resource to itself', () => {
    const text = 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n';
    // was: writes `LambdaInvokePolicy: {FunctionName: !Ref Fn}` and FN_NAME/FN_ARN env vars into Fn itself
    // (a circular dependency for CloudFormation); the graph drops self-edges, so disconnect then says WIRE_NOT_FOUND
    refusedWith(applyEdit(text, { op: 'connect', source: 'Fn', target: 'Fn', kind: 'access' }), 'WIRE_NOT_ALLOWED');
  });

  test('removing the last entry of a file without a final newline keeps it without one', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n\n  B:\n    Type: AWS::SQS::Queue';
    const r = applyEdit(text, { op: 'removeResource', resource: 'B' });
    assert.ok(r.ok);
    // was: 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n' (and '\r\n' in a CRLF file)
    assert.equal(r.text, 'Resources:\n  A:\n    Type: AWS::SQS::Queue');
  });

  test('setParameter accepts a new parameter named like an Object.prototype member', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n';
    // was: EDIT_NAME_TAKEN "The name 'toString' is already used by a resource."
    const v = valueOf(applyEdit(text, { op: 'setParameter', name: 'toString', value: { Type: 'String' } }));
    assert.deepEqual((v['Parameters'] as CfnObject)['toString'], { Type: 'String' });
  });

  test('strings starting with an empty line keep their value', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      A: 1\n';
    for (const value of ['\n', '\n b', '\n\n  x\n']) {
      // was: '\n' is written `B: |` + an empty line and reads back as ''; '\n b' reads back as '\nb'
      const v = valueOf(applyEdit(text, { op: 'setProperty', resource: 'Q', path: ['Properties', 'B'], value }));
      assert.equal(props(v, 'Q')['B'], value);
    }
  });

  test('a trailing comment (or trailing spaces) stays out of a new block scalar', () => {
    const cases: [string, Path][] = [
      ['Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: x  # note\n', ['Properties', 'QueueName']],
      ['Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName:  # note\n', ['Properties', 'QueueName']],
      ['Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        - x  # note\n', ['Properties', 'Tags', 0]],
      ['Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: x   \n', ['Properties', 'QueueName']],
    ];
    for (const [text, path] of cases) {
      // was: `QueueName: |-\n        a\n        b  # note` reads back as 'a\nb  # note'
      const v = valueOf(applyEdit(text, { op: 'setProperty', resource: 'Q', path, value: 'a\nb' }));
      assert.deepEqual(valueAt(v, ['Resources', 'Q', ...path]), { found: true, value: 'a\nb' });
    }
  });

  test('a list item written below its "-" can be replaced, and its list appended to', () => {
    const item = { Key: 'team', Value: 'x' };
    const texts = [
      // was: EDIT_PRODUCED_INVALID (Implicit map keys need to be followed by map values)
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n      -\n        Key: team\n        Value: x\n',
      // was: EDIT_UNSUPPORTED (Could not find the sequence item marker), for the append too
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n      - # the team\n        Key: team\n        Value: x\n',
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n      -\n        # the team\n        Key: team\n        Value: x\n',
    ];
    for (const text of texts) {
      for (const value of ['yes', { Key: 'a', Value: 'b' }] as CfnValue[]) {
        const v = valueOf(applyEdit(text, { op: 'setProperty', resource: 'Q', path: ['Properties', 'Tags', 0], value }));
        assert.deepEqual(props(v, 'Q')['Tags'], [value]);
        const w = valueOf(applyEdit(text, { op: 'setProperty', resource: 'Q', path: ['Properties', 'Tags', 1], value }));
        assert.deepEqual(props(w, 'Q')['Tags'], [item, value]);
      }
    }
  });

  test('a key cannot be added beside a long-form Ref, as it cannot beside !Ref', () => {
    const long = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName:\n        Ref: Name\n';
    const short = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Name\n';
    const edit: Edit = { op: 'setProperty', resource: 'Q', path: ['Properties', 'QueueName', 'Extra'], value: 1 };
    refusedWith(applyEdit(short, edit), 'EDIT_PATH_BLOCKED');
    // was: `QueueName:\n        Ref: Name\n        Extra: 1`, no longer a Ref (CloudFormation rejects it)
    refusedWith(applyEdit(long, edit), 'EDIT_PATH_BLOCKED');
  });

  test('detectStyle reads the indentation of lines that end in whitespace', () => {
    const yaml = 'Resources: \n    Q: \n        Type: AWS::SQS::Queue\n        Properties: \n            DelaySeconds: 1\n';
    assert.equal(detectStyle(yaml, 'yaml').indent, 4);
    // was: the new lines step by 2 in this 4-space file: `            Tags:\n              a:\n                b: 1`
    const r = applyEdit(yaml, { op: 'setProperty', resource: 'Q', path: ['Properties', 'Tags'], value: { a: { b: 1 } } });
    assert.ok(r.ok && r.text.endsWith('            Tags:\n                a:\n                    b: 1\n'));
    const json = '{ \n    "Resources": { \n        "Q": { \n            "Type": "AWS::SQS::Queue"\n        }\n    }\n}\n';
    assert.equal(detectStyle(json, 'json').indent, 4);
  });

  test('renameResource renames a Ref inside `Fn::Sub: {Ref: X}` as it does inside `!Sub {Ref: X}`', () => {
    const text = 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName:\n        Fn::Sub:\n          Ref: T\n';
    // not a valid Fn::Sub, but the Ref is left naming the old id
    const v = valueOf(applyEdit(text, { op: 'renameResource', resource: 'T', to: 'U' }));
    assert.deepEqual(props(v, 'U')['TopicName'], { 'Fn::Sub': { Ref: 'U' } });
  });

  test('a one-key mapping named like an Object.prototype member is a mapping, not an intrinsic', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';
    // was: `Outputs: function valueOf() { [native code] } 'yes'` (LONG_TO_SHORT['valueOf'] is a function), read back as that string
    const v = valueOf(applyEdit(text, { op: 'setOutput', name: 'valueOf', value: 'yes' }));
    assert.deepEqual(v['Outputs'], { valueOf: 'yes' });
    const w = valueOf(applyEdit(text, { op: 'setProperty', resource: 'Q', path: ['Properties', 'Tags'], value: { toString: 'x' } }));
    assert.deepEqual(props(w, 'Q')['Tags'], { toString: 'x' });
  });
});
