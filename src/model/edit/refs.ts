import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Scalar } from 'yaml';
import type { Path } from '../diagnostics/types.ts';
import { keyString } from '../value.ts';

/** A place in the source that names a logical id. */
export interface RefSite {
  readonly kind: 'ref' | 'getatt' | 'sub' | 'depends-on';
  readonly node: Scalar;
  readonly path: Path;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `${Name}` and `${Name.Attr}` inside a Fn::Sub string (not the `${!Name}` literal). */
export function subPattern(name: string): RegExp {
  return new RegExp(`\\$\\{${escapeRe(name)}(\\.[A-Za-z0-9_.]*)?\\}`, 'g');
}

function str(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * Finds every place that refers to `name`: `Ref`, `Fn::GetAtt`, `${name}` in `Fn::Sub` (unless
 * shadowed by the Sub's own variable map) and resource `DependsOn`, in short and long forms.
 * Aliases are not followed: the anchored source is the one place to edit.
 */
export interface ReferenceOptions {
  readonly getAtt?: boolean;
  readonly dependsOn?: boolean;
  /** Where the resources are, for `DependsOn`: `Resources` in a template, `resources.Resources` in a serverless.yml. */
  readonly resourcesAt?: Path;
}

export function findReferenceSites(doc: Document.Parsed, name: string, opts: ReferenceOptions = {}): RefSite[] {
  const sites: RefSite[] = [];
  const getAtt = opts.getAtt ?? true;
  const dependsOn = opts.dependsOn ?? true;
  const resourcesAt = opts.resourcesAt ?? ['Resources'];
  const isResource = (path: Path) => path.length === resourcesAt.length + 1 && resourcesAt.every((seg, i) => path[i] === seg);
  const sub = subPattern(name);

  const subSite = (node: unknown, path: Path) => {
    const s = str(node);
    sub.lastIndex = 0;
    if (s !== undefined && sub.test(s)) sites.push({ kind: 'sub', node: node as Scalar, path });
  };
  const shadowed = (vars: unknown) => isMap(vars) && vars.items.some((p) => keyString(p.key) === name);

  const walk = (node: unknown, path: Path): void => {
    if (node === null || node === undefined || isAlias(node)) return;
    if (isScalar(node)) {
      const tag = node.tag;
      const s = str(node);
      if (tag === '!Ref' && s === name) sites.push({ kind: 'ref', node, path });
      else if (tag === '!GetAtt' && getAtt && s !== undefined && s.startsWith(name + '.')) sites.push({ kind: 'getatt', node, path });
      else if (tag === '!Sub') subSite(node, path);
      return;
    }
    if (isSeq(node)) {
      const items = node.items;
      if (node.tag === '!GetAtt' && getAtt && str(items[0]) === name) sites.push({ kind: 'getatt', node: items[0] as Scalar, path: [...path, 0] });
      if (node.tag === '!Sub') {
        if (!shadowed(items[1])) subSite(items[0], [...path, 0]);
        walk(items[1], [...path, 1]);
        return;
      }
      items.forEach((item, i) => walk(isPair(item) ? item.value : item, [...path, i]));
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyString(pair.key);
        const value = pair.value;
        const p = [...path, key];
        if (key === 'Ref' && str(value) === name) sites.push({ kind: 'ref', node: value as Scalar, path: p });
        else if (key === 'Fn::GetAtt' && getAtt) {
          const s = str(value);
          if (s !== undefined && s.startsWith(name + '.')) sites.push({ kind: 'getatt', node: value as Scalar, path: p });
          else if (isSeq(value) && str(value.items[0]) === name) sites.push({ kind: 'getatt', node: value.items[0] as Scalar, path: [...p, 0] });
          else walk(value, p);
        } else if (key === 'Fn::Sub') {
          if (isSeq(value)) {
            if (!shadowed(value.items[1])) subSite(value.items[0], [...p, 0]);
            walk(value.items[1], [...p, 1]);
          } else if (isScalar(value)) subSite(value, p);
          else walk(value, p);
        } else if (key === 'DependsOn' && dependsOn && isResource(path)) {
          if (str(value) === name) sites.push({ kind: 'depends-on', node: value as Scalar, path: p });
          else if (isSeq(value)) value.items.forEach((it, i) => str(it) === name && sites.push({ kind: 'depends-on', node: it as Scalar, path: [...p, i] }));
        } else walk(value, p);
      }
    }
  };
  walk(doc.contents, []);
  return sites;
}

/**
 * Finds every place that names the condition `name`: a resource's or output's `Condition`
 * attribute, the first argument of `Fn::If`, and `Condition` / `!Condition` inside other
 * conditions (`Fn::And`, `Fn::Or`, `Fn::Not`), in short and long forms. Aliases are not
 * followed.
 */
export function findConditionSites(doc: Document.Parsed, name: string): RefSite[] {
  const sites: RefSite[] = [];
  const site = (node: unknown, path: Path) => {
    if (str(node) === name) sites.push({ kind: 'ref', node: node as Scalar, path });
  };
  const ifArgs = (seq: unknown, path: Path) => {
    if (isSeq(seq)) site(seq.items[0], [...path, 0]);
  };
  const walk = (node: unknown, path: Path): void => {
    if (node === null || node === undefined || isAlias(node)) return;
    if (isScalar(node)) {
      if (node.tag === '!Condition') site(node, path);
      return;
    }
    if (isSeq(node)) {
      if (node.tag === '!If') ifArgs(node, path);
      node.items.forEach((item, i) => walk(isPair(item) ? item.value : item, [...path, i]));
      return;
    }
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = keyString(pair.key);
      const p = [...path, key];
      // `Condition` names a condition as a resource/output attribute and as the Condition function
      const attribute = path.length === 2 && (path[0] === 'Resources' || path[0] === 'Outputs');
      const inConditions = path[0] === 'Conditions';
      if (key === 'Condition' && (attribute || inConditions)) site(pair.value, p);
      else if (key === 'Fn::If') ifArgs(pair.value, p);
      walk(pair.value, p);
    }
  };
  walk(doc.contents, []);
  return sites;
}

/** Every string scalar whose value matches `pattern` (serverless.yml variables such as `${self:functions.x.name}`). Aliases are not followed. */
export function findStringSites(doc: Document.Parsed, pattern: RegExp): Scalar[] {
  const out: Scalar[] = [];
  const walk = (node: unknown): void => {
    if (node === null || node === undefined || isAlias(node)) return;
    if (isScalar(node)) {
      pattern.lastIndex = 0;
      if (typeof node.value === 'string' && pattern.test(node.value)) out.push(node);
    } else if (isSeq(node)) node.items.forEach(walk);
    else if (isMap(node)) node.items.forEach((p) => walk(p.value));
  };
  walk(doc.contents);
  return out;
}
