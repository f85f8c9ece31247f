import { isObject } from '../value.ts';
import type { CfnValue } from '../value.ts';
import { LONG_TO_SHORT } from '../yaml/tags.ts';
import type { Style } from './style.ts';

/**
 * Renders new values in the file's own style. Only new text goes through here: values the
 * user wrote are never re-serialised.
 */

const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|<<|=)$/i;
const NUMBERISH = /^[-+]?(?:\.?\d|\.(?:inf|nan)$)|^0[xo]/i;
const DATEISH = /^\d{4}-\d\d?-\d\d?/;

function needsQuotes(s: string, flow: boolean): boolean {
  if (s === '') return true;
  if (/^\s|\s$/.test(s)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return true;
  if (/: |:$| #|[\u0000-\u001f\u007f\u2028\u2029\ufeff]/.test(s)) return true;
  if (flow && /[,[\]{}]/.test(s)) return true;
  return RESERVED.test(s) || NUMBERISH.test(s) || DATEISH.test(s);
}

export function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\L' : '\\P'));
}

export function quoted(s: string, style: Pick<Style, 'quote'>): string {
  if (style.quote === "'" && !/[\u0000-\u001f\u007f\u2028\u2029\ufeff]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return doubleQuoted(s);
}

export function yamlScalar(v: null | boolean | number | string, style: Pick<Style, 'quote'>, flow = false): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return String(v);
  }
  return needsQuotes(v, flow) ? quoted(v, style) : v;
}

export function yamlKey(k: string, style: Pick<Style, 'quote'>, flow = false): string {
  return yamlScalar(k, style, flow);
}

/** The single intrinsic of `{Ref: X}` / `{"Fn::Sub": ...}` style objects, if `v` is one. */
export function asIntrinsic(v: CfnValue | undefined): { fn: string; arg: CfnValue } | null {
  if (!isObject(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 1) return null;
  const fn = keys[0]!;
  if (!LONG_TO_SHORT[fn]) return null;
  return { fn, arg: v[fn]! };
}

/** The short form `!GetAtt A.B` when a GetAtt argument allows it. */
function getAttDotted(arg: CfnValue): string | null {
  if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && typeof arg[1] === 'string' && !arg[0].includes('.')) {
    return `${arg[0]}.${arg[1]}`;
  }
  return null;
}

/** Can `v` be written with a short tag (and not nested tag-on-tag)? */
function shortable(v: CfnValue): { tag: string; arg: CfnValue } | null {
  const i = asIntrinsic(v);
  if (!i) return null;
  if (asIntrinsic(i.arg)) return null; // `!Base64 !Sub x` is not YAML; write the outer one long
  return { tag: LONG_TO_SHORT[i.fn]!, arg: i.arg };
}

const MAX_FLOW = 100;

/** One-line flow rendering, or null when the value should be a block. */
export function emitFlow(v: CfnValue, style: Style, budget = MAX_FLOW): string | null {
  const out = flow(v, style);
  return out !== null && out.length <= budget ? out : null;
}

function flow(v: CfnValue, style: Style): string | null {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'string' && v.includes('\n')) return doubleQuoted(v);
    return yamlScalar(v, style, true);
  }
  if (style.shortForm) {
    const s = shortable(v);
    if (s) {
      if (s.tag === '!GetAtt') {
        const d = getAttDotted(s.arg);
        if (d) return `!GetAtt ${d}`;
      }
      const inner = flow(s.arg, style);
      return inner === null ? null : `${s.tag} ${inner}`;
    }
  }
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (const x of v) {
      const p = flow(x, style);
      if (p === null) return null;
      parts.push(p);
    }
    return `[${parts.join(', ')}]`;
  }
  const keys = Object.keys(v);
  if (!keys.length) return '{}';
  const parts: string[] = [];
  for (const k of keys) {
    const p = flow(v[k]!, style);
    if (p === null) return null;
    parts.push(`${yamlKey(k, style, true)}: ${p}`);
  }
  return style.flowPadding ? `{ ${parts.join(', ')} }` : `{${parts.join(', ')}}`;
}

/** A value rendered for a block context: text after `key:` on the same line, then lines below. */
export interface Emitted {
  readonly inline: string | null;
  readonly block: readonly string[];
}

function pad(style: Style, n: number): string {
  return style.indentChar === '\t' ? '\t'.repeat(n) : ' '.repeat(n);
}

function literalBlock(s: string, style: Style, indent: number): Emitted | null {
  // A literal block reads its indentation from its first line: that line must have content
  // that does not start with a space (otherwise a double-quoted string is exact).
  if (/^[\s]|[\u0000-\u0008\u000b-\u001f\u007f]|\r/.test(s)) return null;
  const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? null : '') : '-';
  if (chomp === null) return null;
  const body = (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
  if (body.some((l) => /[ \t]$/.test(l))) return null;
  return { inline: `|${chomp}`, block: body.map((l) => (l ? pad(style, indent) + l : '')) };
}

/**
 * Renders `v` as the value of a block mapping key whose children sit at column `indent`.
 * Block lines are already indented; sequences honour `seqIndent` via `seqColumn`.
 */
export function emitYaml(v: CfnValue, style: Style, indent: number, seqColumn = indent): Emitted {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'string' && v.includes('\n')) {
      const lit = literalBlock(v, style, indent);
      if (lit) return lit;
    }
    return { inline: yamlScalar(v, style), block: [] };
  }
  if (style.shortForm) {
    const s = shortable(v);
    if (s) {
      if (s.tag === '!GetAtt') {
        const d = getAttDotted(s.arg);
        if (d) return { inline: `!GetAtt ${d}`, block: [] };
      }
      const f = typeof s.arg === 'object' && s.arg !== null ? emitFlow(s.arg, style, MAX_FLOW - s.tag.length) : null;
      if (f !== null) return { inline: `${s.tag} ${f}`, block: [] };
      const inner = emitYaml(s.arg, style, indent, seqColumn);
      return { inline: inner.inline === null ? s.tag : `${s.tag} ${inner.inline}`, block: inner.block };
    }
  }
  if (Array.isArray(v)) {
    if (!v.length) return { inline: '[]', block: [] };
    return { inline: null, block: seqLines(v, style, seqColumn) };
  }
  const keys = Object.keys(v);
  if (!keys.length) return { inline: '{}', block: [] };
  return { inline: null, block: mapLines(v as Record<string, CfnValue>, style, indent) };
}

export function mapLines(v: Record<string, CfnValue>, style: Style, indent: number): string[] {
  const lines: string[] = [];
  const p = pad(style, indent);
  const step = style.indent;
  for (const k of Object.keys(v)) {
    const child = v[k]!;
    const childIndent = indent + step;
    const seqCol = style.seqIndent ? childIndent : indent;
    const e = emitYaml(child, style, childIndent, seqCol);
    const key = yamlKey(k, style);
    lines.push(e.inline === null ? `${p}${key}:` : `${p}${key}: ${e.inline}`);
    lines.push(...e.block);
  }
  return lines;
}

export function seqLines(v: readonly CfnValue[], style: Style, column: number): string[] {
  const lines: string[] = [];
  const p = pad(style, column);
  for (const item of v) {
    const e = emitYaml(item, style, column + 2, column + 2);
    if (e.inline !== null) {
      lines.push(`${p}- ${e.inline}`);
      lines.push(...e.block);
    } else if (e.block.length) {
      // The first nested line moves onto the dash: `- Key: v` / `- - x`.
      lines.push(`${p}- ${e.block[0]!.slice(column + 2)}`);
      lines.push(...e.block.slice(1));
    }
  }
  return lines;
}

/** JSON rendering indented to sit at `baseIndent` columns (first line not indented). */
export function emitJson(v: CfnValue, style: Style, baseIndent: number, eol: string): string {
  const unit = style.indentChar === '\t' ? '\t'.repeat(style.indent) : ' '.repeat(style.indent);
  const text = JSON.stringify(v, null, unit);
  const base = pad(style, baseIndent);
  return text.split('\n').join(eol + base);
}
