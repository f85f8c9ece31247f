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

/**
 * Every Ref / GetAtt / Sub variable / ImportValue inside `value`, with its path. The walk
 * keeps one mutable path and copies it only for a hit: it runs over every resource on import.
 */
export function collectRefs(value: CfnValue | undefined, base: Path, out: ValueRef[] = []): ValueRef[] {
  const path: Array<string | number> = [...base];
  const hit = (target: string, via: ValueRef['via'], attribute?: string) => {
    out.push(attribute === undefined ? { target, via, path: path.slice() } : { target, via, path: path.slice(), attribute });
  };
  const walk = (v: CfnValue | undefined): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
      return;
    }
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const k = keys[0]!;
      const arg = v[k];
      if (k === 'Ref') {
        if (typeof arg === 'string' && !arg.startsWith('AWS::')) hit(arg, 'ref');
        return;
      }
      if (k === 'Fn::GetAtt') {
        if (Array.isArray(arg) && typeof arg[0] === 'string') {
          hit(arg[0], 'getatt', typeof arg[1] === 'string' ? arg[1] : undefined);
          if (typeof arg[1] !== 'string') {
            path.push(k, 1);
            walk(arg[1]);
            path.length -= 2;
          }
        } else if (typeof arg === 'string') {
          const dot = arg.indexOf('.');
          hit(dot === -1 ? arg : arg.slice(0, dot), 'getatt', dot === -1 ? undefined : arg.slice(dot + 1));
        }
        return;
      }
      if (k === 'Fn::Sub') {
        if (typeof arg === 'string') {
          for (const n of subNames(arg)) hit(n.name, 'sub', n.attribute);
        } else if (Array.isArray(arg) && typeof arg[0] === 'string') {
          const vars = isObject(arg[1]) ? arg[1] : {};
          for (const n of subNames(arg[0], new Set(Object.keys(vars)))) hit(n.name, 'sub', n.attribute);
          path.push(k, 1);
          walk(arg[1]);
          path.length -= 2;
        }
        return;
      }
      if (k === 'Fn::ImportValue') {
        if (typeof arg === 'string') hit(arg, 'import-value');
        else {
          path.push(k);
          walk(arg);
          path.pop();
        }
        return;
      }
    }
    for (const key of keys) {
      path.push(key);
      walk(v[key]);
      path.pop();
    }
  };
  walk(value);
  return out;
}
