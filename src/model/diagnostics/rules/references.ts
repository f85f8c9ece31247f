import { subNames } from '../../graph/refs.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { RuleContext } from '../rule.ts';
import { isFileReference, isIntrinsic, isModuleType, macroTransforms, resourcesOf } from './resources.ts';

/** Shared reading of the names a template declares and the names its intrinsics use. */

/** Parameters CloudFormation defines in every stack (`Ref: AWS::Region`). */
export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** A name used by an intrinsic function, with the path of the intrinsic (`{Ref: X}`, `!GetAtt X.Y`). */
export interface NameUse {
  readonly via: 'ref' | 'getatt' | 'sub' | 'condition';
  readonly name: string;
  /** GetAtt's attribute, or `Y` of `${X.Y}` in a Sub string. */
  readonly attribute?: string;
  readonly path: Path;
  /** For a condition: `Fn::If` or `Condition`. */
  readonly fn?: 'Fn::If' | 'Condition';
}

const CONDITION_FUNCTIONS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not']);

/**
 * Every `Ref`, `Fn::GetAtt`, `Fn::Sub` variable and condition name (`Fn::If`'s first argument,
 * `{Condition: X}` inside `Fn::And` / `Fn::Or` / `Fn::Not` or a `Conditions` entry) in `value`.
 * `inCondition`: `value` is a condition (an entry of `Conditions`).
 */
export function* nameUses(value: CfnValue | undefined, base: Path, inCondition = false): Generator<NameUse> {
  const stack: { v: CfnValue | undefined; path: Path; cond: boolean }[] = [{ v: value, path: base, cond: inCondition }];
  while (stack.length) {
    const { v, path, cond } = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i], cond: false });
      continue;
    }
    if (!isObject(v)) continue;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const k = keys[0]!;
      const arg = v[k];
      if (k === 'Ref' && typeof arg === 'string') {
        yield { via: 'ref', name: arg, path };
        continue;
      }
      if (k === 'Condition' && typeof arg === 'string') {
        if (cond) yield { via: 'condition', name: arg, path, fn: 'Condition' };
        continue;
      }
      if (k === 'Fn::GetAtt') {
        if (typeof arg === 'string') {
          const dot = arg.indexOf('.');
          yield dot === -1 ? { via: 'getatt', name: arg, path } : { via: 'getatt', name: arg.slice(0, dot), attribute: arg.slice(dot + 1), path };
          continue;
        }
        if (Array.isArray(arg)) {
          // `[Name, Attr]`; either part may be computed (`!Sub 'Topic${Name}'` in a loop).
          if (typeof arg[0] === 'string') {
            yield typeof arg[1] === 'string' ? { via: 'getatt', name: arg[0], attribute: arg[1], path } : { via: 'getatt', name: arg[0], path };
          } else {
            stack.push({ v: arg[0], path: [...path, k, 0], cond: false });
          }
          if (typeof arg[1] !== 'string') stack.push({ v: arg[1], path: [...path, k, 1], cond: false });
          continue;
        }
      }
      if (k === 'Fn::Sub') {
        const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : null;
        if (text !== null) {
          const vars = Array.isArray(arg) && isObject(arg[1]) ? arg[1] : {};
          for (const n of subNames(text, new Set(Object.keys(vars)))) {
            yield n.attribute === undefined ? { via: 'sub', name: n.name, path } : { via: 'sub', name: n.name, attribute: n.attribute, path };
          }
          if (Array.isArray(arg)) stack.push({ v: arg[1], path: [...path, k, 1], cond: false });
          continue;
        }
      }
      if (k === 'Fn::If' && Array.isArray(arg)) {
        if (typeof arg[0] === 'string') yield { via: 'condition', name: arg[0], path, fn: 'Fn::If' };
        for (let i = arg.length - 1; i >= 1; i--) stack.push({ v: arg[i], path: [...path, k, i], cond: false });
        continue;
      }
      if (CONDITION_FUNCTIONS.has(k)) {
        const args = Array.isArray(arg) ? arg : [arg];
        for (let i = args.length - 1; i >= 0; i--) stack.push({ v: args[i], path: Array.isArray(arg) ? [...path, k, i] : [...path, k], cond: true });
        continue;
      }
    }
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: v[keys[i]!], path: [...path, keys[i]!], cond: false });
  }
}

/** `Fn::ForEach` loops (AWS::LanguageExtensions): their identifiers, and the ids their output keys make. */
export interface Loops {
  readonly identifiers: ReadonlySet<string>;
  /** Output keys such as `Topic${Name}` as patterns, with the `Type` of what they make. */
  readonly outputs: readonly { re: RegExp; type: string }[];
}

export function loopsOf(value: CfnValue): Loops {
  const identifiers = new Set<string>();
  const outputs: { re: RegExp; type: string }[] = [];
  const walk = (v: CfnValue | undefined): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isObject(v)) return;
    for (const key of Object.keys(v)) {
      const body = v[key];
      if (key.startsWith('Fn::ForEach::') && Array.isArray(body)) {
        if (typeof body[0] === 'string') identifiers.add(body[0]);
        const out = body[2];
        if (isObject(out)) {
          for (const k of Object.keys(out)) {
            if (!/[$&]\{/.test(k)) continue;
            const re = k
              .split(/[$&]\{[^}]*\}/)
              .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('[A-Za-z0-9]+');
            const o = out[k];
            outputs.push({ re: new RegExp(`^${re}$`), type: isObject(o) && typeof o.Type === 'string' ? o.Type : '' });
          }
        }
      }
      walk(body);
    }
  };
  walk(value);
  return { identifiers, outputs };
}

/**
 * Does an `Fn::Transform` (an `AWS::Include` snippet or a macro) sit where it can add names:
 * at the top of the template or of its Resources, Parameters or Conditions? One inside a
 * property (an OpenAPI body, say) only fills that property.
 */
export function includesNames(value: CfnObject): boolean {
  if (Object.hasOwn(value, 'Fn::Transform')) return true;
  return ['Resources', 'Parameters', 'Conditions'].some((s) => {
    const section = value[s];
    return isObject(section) && Object.hasOwn(section, 'Fn::Transform');
  });
}

/**
 * Why names may exist that the template does not declare: a macro transform, or an
 * `Fn::Transform` that includes a snippet. Findings about missing names become warnings.
 */
export function namesCaveat(ctx: RuleContext): { severity?: 'warning'; note: string } {
  const macros = macroTransforms(ctx);
  if (macros.length) return { severity: 'warning', note: ` (The template's transform ${macros.join(', ')} runs first and may define it.)` };
  if (includesNames(ctx.value)) return { severity: 'warning', note: ' (An Fn::Transform in the template runs first and may define it.)' };
  return { note: '' };
}

/** The names a template declares. */
export interface Declared {
  /** Logical id -> Type (`''` when it has none). */
  readonly resources: ReadonlyMap<string, string>;
  readonly parameters: ReadonlyMap<string, CfnObject>;
  readonly conditions: ReadonlySet<string>;
  /**
   * Ids of modules (`Org::X::Y::MODULE`, or a packaging tool's `!Rain::Module file.yml`): the
   * resources a module makes are named `<ModuleId><ResourceInModule>`.
   */
  readonly modules: readonly string[];
}

/** A module or a pre-processor's file reference in `Type`, replaced by resources before deploying. */
export function isModuleTypeValue(type: CfnValue | undefined): boolean {
  if (typeof type === 'string') return isModuleType(type) || isFileReference(type);
  return isObject(type) && !isIntrinsic(type) && Object.keys(type).length === 1 && Object.keys(type)[0]!.includes('::');
}

export function declared(ctx: RuleContext): Declared {
  const resources = new Map<string, string>();
  const modules: string[] = [];
  const r = resourcesOf(ctx);
  if (r) {
    for (const id of Object.keys(r.map)) {
      if (id.startsWith('Fn::ForEach::')) continue;
      const v = r.map[id];
      resources.set(id, isObject(v) && typeof v.Type === 'string' ? v.Type : '');
      if (isObject(v) && isModuleTypeValue(v.Type)) modules.push(id);
    }
  }
  const parameters = new Map<string, CfnObject>();
  const p = ctx.value.Parameters;
  if (isObject(p)) for (const k of Object.keys(p)) parameters.set(k, isObject(p[k]) ? (p[k] as CfnObject) : {});
  const c = ctx.value.Conditions;
  const conditions = new Set(isObject(c) ? Object.keys(c) : []);
  return { resources, parameters, conditions, modules };
}

/** `${X}`-style display of a use, for messages. */
export function describeUse(u: NameUse): string {
  const full = u.attribute === undefined ? u.name : `${u.name}.${u.attribute}`;
  switch (u.via) {
    case 'ref':
      return `Ref ${u.name}`;
    case 'getatt':
      return `Fn::GetAtt ${full}`;
    case 'sub':
      return `\${${full}} in Fn::Sub`;
    case 'condition':
      return `${u.fn ?? 'Condition'} ${u.name}`;
  }
}
