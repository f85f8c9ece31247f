import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { RuleContext } from '../rule.ts';

/** Shared reading of a template's resources for the resource and spec rules. */

export interface ResourceEntry {
  readonly id: string;
  /** Path of the resource (`['Resources', id]`, or under `resources` in serverless.yml). */
  readonly path: Path;
  readonly value: CfnValue;
}

/**
 * The resource map: `Resources` in a CloudFormation or SAM template, `resources.Resources` in a
 * serverless.yml (the raw CloudFormation it merges into what it generates).
 */
export function resourcesOf(ctx: RuleContext): { path: Path; map: CfnObject } | null {
  if (ctx.format === 'serverless') {
    const outer = ctx.value.resources;
    if (isObject(outer) && isObject(outer.Resources)) return { path: ['resources', 'Resources'], map: outer.Resources };
    return null;
  }
  const map = ctx.value.Resources;
  return isObject(map) ? { path: ['Resources'], map } : null;
}

/** Every resource entry, less `Fn::ForEach::*` loops (AWS::LanguageExtensions), whose value is a list. */
export function* resourceEntries(ctx: RuleContext): Generator<ResourceEntry> {
  const r = resourcesOf(ctx);
  if (!r) return;
  for (const id of Object.keys(r.map)) {
    if (id.startsWith('Fn::ForEach::')) continue;
    yield { id, path: [...r.path, id], value: r.map[id]! };
  }
}

/** A resource with a string `Type`. */
export interface TypedResource {
  readonly id: string;
  readonly path: Path;
  readonly type: string;
  readonly resource: CfnObject;
}

export function* typedResources(ctx: RuleContext): Generator<TypedResource> {
  for (const e of resourceEntries(ctx)) {
    if (isObject(e.value) && typeof e.value.Type === 'string' && e.value.Type !== '') {
      yield { id: e.id, path: e.path, type: e.value.Type, resource: e.value };
    }
  }
}

/** `{Ref: ...}`, `{"Fn::If": ...}`, `{Condition: ...}`: a value computed by CloudFormation. */
export function isIntrinsic(v: CfnValue | undefined): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'));
}

/** A key that stands for computed content inside a map (`Fn::Transform`, `Fn::ForEach::X`, `Fn::If`). */
export function isIntrinsicKey(key: string): boolean {
  return key.startsWith('Fn::');
}

/** `Custom::Anything` and `AWS::CloudFormation::CustomResource`: free-form properties. */
export function isCustomResourceType(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

/** `Org::Service::Thing::MODULE`: a CloudFormation registry module. */
export function isModuleType(type: string): boolean {
  return type.endsWith('::MODULE');
}

/** A file reference put in `Type` by a packaging tool (`!Rain::Module ./bucket.yml`). */
export function isFileReference(type: string): boolean {
  return /[/\\]/.test(type) || /\.(ya?ml|json|template)$/i.test(type);
}

/** Serverless Framework variables (`${self:custom.x}`) resolved before CloudFormation sees them. */
export function hasVariables(ctx: RuleContext, s: string): boolean {
  return ctx.format === 'serverless' && s.includes('${');
}

/**
 * Optimal-string-alignment distance (adjacent transpositions count 1), compared without case;
 * stops early and returns `max + 1` once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate within a small distance (about one typo per five characters, at most 3). */
export function closest(name: string, candidates: Iterable<string>): string | null {
  const max = Math.min(3, Math.max(1, Math.floor(name.length / 5)));
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = editDistance(name, c, Math.min(max, bestDistance));
    if (d < bestDistance || (d === bestDistance && best !== null && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= max ? best : null;
}

/**
 * Macros named in the template's `Transform` (anything not provided by AWS, such as
 * `AWS::Serverless-2016-10-31` or `AWS::LanguageExtensions`). A macro may add resource types
 * and rewrite properties before CloudFormation validates them.
 */
export function macroTransforms(ctx: RuleContext): string[] {
  if (ctx.format !== 'cloudformation') return [];
  const t = ctx.value.Transform;
  const list = Array.isArray(t) ? t : t === undefined || t === null ? [] : [t];
  const names = list.map((x) => (typeof x === 'string' ? x : isObject(x) && typeof x.Name === 'string' ? x.Name : null));
  return names.filter((n): n is string => n !== null && !n.startsWith('AWS::'));
}

/** Severity and message tail for a finding a macro might make moot. */
export function macroCaveat(macros: readonly string[]): { severity?: 'warning'; note: string } {
  if (macros.length === 0) return { note: '' };
  return { severity: 'warning', note: ` (The template's transform ${macros.join(', ')} runs first and may change this.)` };
}
