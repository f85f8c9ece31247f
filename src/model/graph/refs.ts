import type { Path } from '../diagnostics/types.ts';
import { isObject } from '../value.ts';
import type { CfnValue } from '../value.ts';

export interface ValueRef {
  readonly target: string;
  readonly via: 'ref' | 'getatt' | 'sub' | 'import-value';
  readonly path: Path;
  /** For GetAtt: the attribute name. */
  readonly attribute?: string;
}

const SUB_VAR = /\$\{([^!}][^}]*)\}/g;

/** Names used as `${Name}` / `${Name.Attr}` in a Sub string, minus pseudo parameters and local vars. */
export function subNames(template: string, locals: ReadonlySet<string> = new Set()): Array<{ name: string; attribute?: string }> {
  const out: Array<{ name: string; attribute?: string }> = [];
  for (const m of template.matchAll(SUB_VAR)) {
    const expr = m[1]!.trim();
    if (expr.startsWith('AWS::')) continue;
    const dot = expr.indexOf('.');
    const name = dot === -1 ? expr : expr.slice(0, dot);
    if (locals.has(name)) continue;
    out.push(dot === -1 ? { name } : { name, attribute: expr.slice(dot + 1) });
  }
  return out;
}

/** Every Ref / GetAtt / Sub variable / ImportValue inside `value`, with its path. */
export function collectRefs(value: CfnValue | undefined, base: Path, out: ValueRef[] = []): ValueRef[] {
  const walk = (v: CfnValue | undefined, path: Path): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (!isObject(v)) return;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const k = keys[0]!;
      const arg = v[k];
      if (k === 'Ref') {
        if (typeof arg === 'string' && !arg.startsWith('AWS::')) out.push({ target: arg, via: 'ref', path });
        return;
      }
      if (k === 'Fn::GetAtt') {
        if (Array.isArray(arg) && typeof arg[0] === 'string') {
          out.push({ target: arg[0], via: 'getatt', path, ...(typeof arg[1] === 'string' ? { attribute: arg[1] } : {}) });
          if (typeof arg[1] !== 'string') walk(arg[1], [...path, k, 1]);
        } else if (typeof arg === 'string') {
          const dot = arg.indexOf('.');
          out.push({ target: dot === -1 ? arg : arg.slice(0, dot), via: 'getatt', path, ...(dot === -1 ? {} : { attribute: arg.slice(dot + 1) }) });
        }
        return;
      }
      if (k === 'Fn::Sub') {
        if (typeof arg === 'string') {
          for (const n of subNames(arg)) out.push({ target: n.name, via: 'sub', path, ...(n.attribute ? { attribute: n.attribute } : {}) });
        } else if (Array.isArray(arg) && typeof arg[0] === 'string') {
          const vars = isObject(arg[1]) ? arg[1] : {};
          for (const n of subNames(arg[0], new Set(Object.keys(vars)))) out.push({ target: n.name, via: 'sub', path, ...(n.attribute ? { attribute: n.attribute } : {}) });
          walk(arg[1], [...path, k, 1]);
        }
        return;
      }
      if (k === 'Fn::ImportValue') {
        if (typeof arg === 'string') out.push({ target: arg, via: 'import-value', path });
        else walk(arg, [...path, k]);
        return;
      }
    }
    for (const key of keys) walk(v[key], [...path, key]);
  };
  walk(value, base);
  return out;
}
