import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import { parseVariables, readChoice, sourceOf } from './variableSyntax.ts';
import type { Part, VariablePart } from './variableSyntax.ts';

/**
 * Resolving serverless.yml variables for one stage, with values the user gives: `self:` (this
 * file), `opt:` (`stage`, `region` and other options), `sls:stage`, `env:` (from a given map),
 * `param:` (given values, then `params.<stage>`, then `params.default`), and `aws:region`.
 * Everything else (`file(...)`, `ssm:`, `cf:`, `s3:`, `aws:accountId`, `sls:instanceId`,
 * plugin sources) needs I/O or a deployment: it is reported as unresolved and kept as written.
 * Pure: no I/O, and the text of the file is never changed.
 */

export interface VariableOptions {
  /** `--stage`; default: `provider.stage` as resolved, else `dev` (as the framework does). */
  readonly stage?: string;
  /** `--region`; default: `provider.region` as resolved, else `us-east-1`. */
  readonly region?: string;
  /** Other CLI options for `${opt:name}`. */
  readonly options?: Readonly<Record<string, string>>;
  /** Environment variables for `${env:NAME}`; absent ones fall back or stay unresolved. */
  readonly env?: Readonly<Record<string, string>>;
  /** Values for `${param:name}`, before the file's own `params`. */
  readonly params?: Readonly<Record<string, string>>;
}

/** Sources Cairn resolves when it has what they need; the rest need I/O. */
export const RESOLVABLE_SOURCES: ReadonlySet<string> = new Set(['self', 'opt', 'sls', 'env', 'param']);

export type UnresolvedReason =
  /** A source needing I/O or a deployment (`ssm`, `file`, `cf`, `aws:accountId`, a plugin's). */
  | 'external'
  /** The address names nothing: `self:custom.missing`, an `opt` / `env` / `param` without a value and no fallback. */
  | 'missing'
  /** The variable refers to itself through others. */
  | 'cycle'
  /** Resolution went deeper than MAX_DEPTH. */
  | 'depth'
  /** Not a reference Cairn can read (`${self:a b}` after nesting, an object inside a longer string). */
  | 'invalid';

export interface UnresolvedVariable {
  /** The variable as written. */
  readonly raw: string;
  /** Its source type (`self`, `ssm`, ...), or null when it starts with a nested variable. */
  readonly source: string | null;
  readonly reason: UnresolvedReason;
}

export interface Resolution {
  /** The value: a whole-string variable gives what it names (maybe an object); unresolved variables stay as written. */
  readonly value: CfnValue;
  /** Variables written in this string that could not be resolved (their own lookup failed). */
  readonly unresolved: readonly UnresolvedVariable[];
}

/** Resolution stops this many references deep (`self:a` -> `self:b` -> ...). */
export const MAX_DEPTH = 24;

export interface VariableResolver {
  readonly stage: string;
  readonly region: string;
  /** Resolves the variables in one string. */
  resolve(text: string): Resolution;
  /** Resolves every string in a value (for `${self:custom}` giving a map with variables in it). */
  resolveValue(value: CfnValue): CfnValue;
}

/** A resolver for one file and one set of options; it memoises, so share it across a graph. */
export function variableResolver(file: CfnObject, opts: VariableOptions = {}): VariableResolver {
  return new Resolver(file, opts);
}

const failure = (raw: string, source: string | null, reason: UnresolvedReason) => ({ raw, source, reason });

class Resolver implements VariableResolver {
  readonly stage: string;
  readonly region: string;
  private readonly memo = new Map<string, Resolution>();
  /** `self:` addresses being resolved, to catch cycles. */
  private readonly active = new Set<string>();
  private depth = 0;

  constructor(private readonly file: CfnObject, private readonly opts: VariableOptions) {
    const provider = isObject(file['provider']) ? file['provider'] : {};
    this.stage = '';
    this.region = '';
    this.stage = opts.stage ?? this.settled(provider['stage'], 'dev');
    this.region = opts.region ?? this.settled(provider['region'], 'us-east-1');
    // anything memoised while the stage was still unknown is stale
    this.memo.clear();
  }

  /** A provider setting resolved without the setting itself (its own `${sls:stage}` would loop): its value, or the default. */
  private settled(v: CfnValue | undefined, fallback: string): string {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string') return String(v);
    const r = this.resolveText(v);
    return typeof r.value === 'string' && r.unresolved.length === 0 && r.value ? r.value : fallback;
  }

  resolve(text: string): Resolution {
    const hit = this.memo.get(text);
    if (hit) return hit;
    const r = this.resolveText(text);
    // results depending on an in-progress address are not final
    if (this.active.size === 0) this.memo.set(text, r);
    return r;
  }

  resolveValue(value: CfnValue): CfnValue {
    if (typeof value === 'string') return this.resolve(value).value;
    if (Array.isArray(value)) return value.map((v) => this.resolveValue(v));
    if (isObject(value)) {
      const out: CfnObject = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.resolveValue(v);
      return out;
    }
    return value;
  }

  private resolveText(text: string): Resolution {
    const parts = parseVariables(text);
    if (parts.length === 1 && parts[0]!.kind === 'text') return { value: text, unresolved: [] };
    return this.parts(parts);
  }

  /** Resolves a list of parts: one variable alone keeps its value's type; otherwise a string. */
  private parts(parts: readonly Part[]): Resolution {
    const unresolved: UnresolvedVariable[] = [];
    const only = parts.length === 1 ? parts[0]! : null;
    if (only?.kind === 'variable') {
      const r = this.variable(only);
      return { value: r.value, unresolved: r.unresolved };
    }
    let out = '';
    for (const p of parts) {
      if (p.kind === 'text') {
        out += p.text;
        continue;
      }
      const r = this.variable(p);
      unresolved.push(...r.unresolved);
      if (typeof r.value === 'string' || typeof r.value === 'number' || typeof r.value === 'boolean') out += String(r.value);
      else if (r.value === null) out += 'null';
      else {
        out += p.raw;
        if (!r.unresolved.length) unresolved.push(failure(p.raw, sourceOf(p), 'invalid'));
      }
    }
    return { value: out, unresolved };
  }

  /** One variable: the first choice that resolves, else the variable as written. */
  private variable(v: VariablePart): Resolution {
    if (this.depth >= MAX_DEPTH) return { value: v.raw, unresolved: [failure(v.raw, sourceOf(v), 'depth')] };
    this.depth++;
    try {
      let firstFailure: UnresolvedVariable | null = null;
      for (const choice of v.choices) {
        const inner = this.parts(choice);
        if (inner.unresolved.length) {
          // a nested variable in this choice failed: the choice cannot be read
          firstFailure ??= inner.unresolved[0]!;
          continue;
        }
        // a choice that is a variable of its own (`${opt:stage, ${self:custom.stage}}`) gives its value
        if (choice.length === 1 && choice[0]!.kind === 'variable') return inner;
        const c = typeof inner.value === 'string' ? readChoice(inner.value) : null;
        if (!c) {
          firstFailure ??= failure(v.raw, sourceOf(v), 'invalid');
          continue;
        }
        if (c.kind === 'literal') return { value: c.value, unresolved: [] };
        const r = this.lookup(c.source, c.address, c.param);
        if (r.ok) return { value: r.value, unresolved: [] };
        firstFailure ??= failure(v.raw, c.source, r.reason);
        // a source that needs I/O would be tried first by the framework: its fallback is not the answer
        if (r.reason === 'external') break;
      }
      return { value: v.raw, unresolved: [firstFailure ?? failure(v.raw, sourceOf(v), 'invalid')] };
    } finally {
      this.depth--;
    }
  }

  private lookup(source: string, address: string, param: string | undefined): { ok: true; value: CfnValue } | { ok: false; reason: UnresolvedReason } {
    const found = (value: CfnValue | undefined): { ok: true; value: CfnValue } | { ok: false; reason: UnresolvedReason } =>
      value === undefined ? { ok: false, reason: 'missing' } : { ok: true, value };
    if (param !== undefined) return { ok: false, reason: 'external' };
    switch (source) {
      case 'self':
        return this.self(address);
      case 'opt':
        return found(address === 'stage' ? this.opts.stage : address === 'region' ? this.opts.region : this.opts.options?.[address]);
      case 'sls':
        return address === 'stage' ? { ok: true, value: this.stage } : { ok: false, reason: 'external' };
      case 'aws':
        return address === 'region' ? { ok: true, value: this.region } : { ok: false, reason: 'external' };
      case 'env':
        return found(this.opts.env?.[address]);
      case 'param':
        return this.param(address);
      default:
        return { ok: false, reason: 'external' };
    }
  }

  private param(name: string): { ok: true; value: CfnValue } | { ok: false; reason: UnresolvedReason } {
    const given = this.opts.params?.[name];
    if (given !== undefined) return { ok: true, value: given };
    const params = this.file['params'];
    for (const key of [this.stage, 'default']) {
      const set = isObject(params) ? params[key] : undefined;
      if (isObject(set) && Object.hasOwn(set, name)) return this.settle(`params.${key}.${name}`, set[name]!);
    }
    return { ok: false, reason: 'missing' };
  }

  private self(address: string): { ok: true; value: CfnValue } | { ok: false; reason: UnresolvedReason } {
    let v: CfnValue | undefined = this.file;
    for (const key of address ? address.split('.') : []) {
      if (Array.isArray(v) && /^\d+$/.test(key)) v = v[Number(key)];
      else if (isObject(v) && Object.hasOwn(v, key)) v = v[key];
      else return { ok: false, reason: 'missing' };
      if (v === undefined) return { ok: false, reason: 'missing' };
    }
    return this.settle(`self:${address}`, v);
  }

  /** A looked-up value with its own variables resolved; a cycle when it leads back to itself. */
  private settle(key: string, v: CfnValue): { ok: true; value: CfnValue } | { ok: false; reason: UnresolvedReason } {
    if (typeof v !== 'string' || !v.includes('${')) return { ok: true, value: isObject(v) || Array.isArray(v) ? this.nested(key, v) : v };
    if (this.active.has(key)) return { ok: false, reason: 'cycle' };
    this.active.add(key);
    try {
      const r = this.resolveText(v);
      // a loop or runaway depth further on is this reference's failure too; any other unresolved
      // variable is the referenced value's own (reported where it is written)
      const fatal = r.unresolved.find((u) => u.reason === 'cycle' || u.reason === 'depth');
      return fatal ? { ok: false, reason: fatal.reason } : { ok: true, value: r.value };
    } finally {
      this.active.delete(key);
    }
  }

  private nested(key: string, v: CfnObject | CfnValue[]): CfnValue {
    if (this.active.has(key)) return v;
    this.active.add(key);
    try {
      return this.resolveValue(v);
    } finally {
      this.active.delete(key);
    }
  }
}

/** Every variable written in a string, outermost first (for listing what a file uses). */
export function variablesIn(text: string): VariablePart[] {
  return parseVariables(text).filter((p): p is VariablePart => p.kind === 'variable');
}
