/**
 * fast-check generators for the edit layer's property tests: template models (CloudFormation
 * JSON values), an independent printer that writes them as YAML or JSON in many styles, and
 * random edit recipes.
 *
 * The printer deliberately shares no code with src/model/text/emit.ts: it is the "user" who
 * wrote the file, so its choices (quoting, flow/block, comments, block scalars, intrinsic
 * forms) must be free to differ from what the engine would write. `printTemplate` is checked
 * by a property of its own: the printed text parses to exactly the model value.
 */
import fc from 'fast-check';
import type { CfnObject, CfnValue } from '../value.ts';

// ---------------------------------------------------------------------------------------------
// Print styles

export interface PrintStyle {
  readonly syntax: 'yaml' | 'json';
  /** YAML block indentation step. */
  readonly indent: 2 | 4;
  /** JSON indentation unit. */
  readonly jsonIndent: '  ' | '    ' | '\t';
  /** YAML: `key:\n  - a` (true) or `key:\n- a` (false). */
  readonly seqIndent: boolean;
  /** Quote used for strings that need (or get) quotes. */
  readonly quote: "'" | '"';
  /** Chance that a string which may be plain is written plain. */
  readonly plainBias: number;
  /** YAML: `!Ref X` (true) or `Ref: X` (false). */
  readonly shortForm: boolean;
  /** Chance that a small collection is written in flow style (`{a: 1}`, `[a, b]`); JSON: on one line. */
  readonly flowBias: number;
  readonly flowPadding: boolean;
  /** Chance of a full-line comment above a key. */
  readonly commentBias: number;
  /** Chance of a trailing comment after a one-line value. */
  readonly trailingCommentBias: number;
  /** Chance of a blank line between two keys of an inner mapping. */
  readonly blankBias: number;
  /** Chance of trailing spaces after a line, and of blank lines holding spaces. */
  readonly messyBias: number;
  /** Chance that a flow collection chosen by `flowBias` spans several lines (YAML). */
  readonly multilineFlowBias: number;
  /** Chance that a mapping in a list starts below a bare `-` instead of on its line. */
  readonly bareDashBias: number;
  readonly blankBetweenResources: boolean;
  readonly blankBetweenSections: boolean;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
  /** Multi-line strings as `|`/`|-`, long one-line strings as `>-` where possible. */
  readonly blockScalars: boolean;
  /** A `---` line first. */
  readonly docStart: boolean;
  /** Chance that a key is quoted although it need not be. */
  readonly quotedKeyBias: number;
  /** Seed of the per-node choices. */
  readonly seed: number;
}

export const printStyleArb: fc.Arbitrary<PrintStyle> = fc.record({
  syntax: fc.constantFrom<PrintStyle['syntax']>('yaml', 'yaml', 'yaml', 'json'),
  indent: fc.constantFrom<PrintStyle['indent']>(2, 4),
  jsonIndent: fc.constantFrom<PrintStyle['jsonIndent']>('  ', '    ', '\t'),
  seqIndent: fc.boolean(),
  quote: fc.constantFrom<PrintStyle['quote']>("'", '"'),
  plainBias: fc.constantFrom(0, 0.5, 0.9, 1),
  shortForm: fc.boolean(),
  flowBias: fc.constantFrom(0, 0.2, 0.6),
  flowPadding: fc.boolean(),
  commentBias: fc.constantFrom(0, 0, 0.1, 0.3),
  trailingCommentBias: fc.constantFrom(0, 0.1, 0.3),
  blankBias: fc.constantFrom(0, 0, 0.1),
  messyBias: fc.constantFrom(0, 0, 0.2),
  multilineFlowBias: fc.constantFrom(0, 0, 0.3),
  bareDashBias: fc.constantFrom(0, 0, 0, 0.2),
  blankBetweenResources: fc.boolean(),
  blankBetweenSections: fc.boolean(),
  eol: fc.constantFrom<PrintStyle['eol']>('\n', '\r\n'),
  finalNewline: fc.boolean(),
  blockScalars: fc.boolean(),
  docStart: fc.constantFrom(false, false, false, true),
  quotedKeyBias: fc.constantFrom(0, 0, 0.1),
  seed: fc.integer(),
});

/** mulberry32: small deterministic PRNG for the printer's per-node choices. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Printer

const isObj = (v: CfnValue | undefined): v is CfnObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Intrinsics the printer may write with a short tag. */
const SHORT_TAGS: Readonly<Record<string, string>> = {
  Ref: '!Ref',
  'Fn::Sub': '!Sub',
  'Fn::GetAtt': '!GetAtt',
  'Fn::If': '!If',
  'Fn::Join': '!Join',
  'Fn::Select': '!Select',
  'Fn::Split': '!Split',
  'Fn::FindInMap': '!FindInMap',
  'Fn::GetAZs': '!GetAZs',
  'Fn::ImportValue': '!ImportValue',
  'Fn::Base64': '!Base64',
  'Fn::Equals': '!Equals',
  'Fn::And': '!And',
  'Fn::Or': '!Or',
  'Fn::Not': '!Not',
};

export function intrinsicOf(v: CfnValue | undefined): { fn: string; arg: CfnValue } | null {
  if (!isObj(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 1) return null;
  const fn = keys[0]!;
  if (fn !== 'Ref' && fn !== 'Condition' && !fn.startsWith('Fn::')) return null;
  return { fn, arg: v[fn]! };
}

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029\ufeff]/;
const CONTROL_OR_TAB = /[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/;

/**
 * Can `s` be written as a plain scalar and read back as the same string (Cairn's reading:
 * `054676820928`, `1.10` and dates stay strings as written)? Deliberately conservative.
 */
function plainOk(s: string, inFlow: boolean): boolean {
  if (s === '' || /^\s|\s$/.test(s) || CONTROL_OR_TAB.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/: |:$| #/.test(s)) return false;
  if (inFlow && /[,[\]{}:]/.test(s)) return false;
  if (/^(?:true|false|yes|no|on|off|y|n|null|~|<<|=|---|\.\.\.)$/i.test(s)) return false;
  if (/^0\d+$/.test(s) || /^\d+\.\d*0$/.test(s) || /^\d{4}-\d\d-\d\d$/.test(s)) return true;
  if (/^[-+]?(?:\.?\d|\.(?:inf|nan)\b)|^0[xo]/i.test(s)) return false;
  return true;
}

function doubleQuote(s: string): string {
  return JSON.stringify(s).replace(/[\u0085\u2028\u2029\u007f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function singleQuote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export const COMMENTS: readonly string[] = ['# note', '# TODO: check this: later', '#no space', '# é ✓ unicode', '# - looks like a list item', '# Timeout: 3 (commented out)', "# it's \"quoted\""];

export function printTemplate(value: CfnObject, style: PrintStyle): string {
  const text = style.syntax === 'json' ? new JsonPrinter(style).root(value) : new YamlPrinter(style).root(value);
  return text;
}

interface Rendered {
  /** Text after `key:` or `-` (with its leading space), '' when the value is all below. */
  readonly head: string;
  readonly body: readonly string[];
  /** The head may be followed by a trailing comment. */
  readonly commentable: boolean;
}

class YamlPrinter {
  private readonly rng: Rng;
  constructor(private readonly st: PrintStyle) {
    this.rng = new Rng(st.seed);
  }

  root(v: CfnObject): string {
    const lines: string[] = [];
    if (this.st.docStart) lines.push('---');
    const keys = Object.keys(v);
    keys.forEach((k, i) => {
      if (i > 0 && this.st.blankBetweenSections) lines.push(this.blank(0));
      if (this.rng.chance(this.st.commentBias)) lines.push(this.rng.pick(COMMENTS));
      const child = v[k]!;
      if ((k === 'Resources' || k === 'Parameters' || k === 'Outputs') && isObj(child) && Object.keys(child).length) {
        lines.push(this.key(k, false) + ':' + this.trailing(true));
        Object.keys(child).forEach((id, j) => {
          if (j > 0 && this.st.blankBetweenResources) lines.push(this.blank(this.st.indent));
          lines.push(...this.entry(id, child[id]!, this.st.indent, false, k === 'Resources'));
        });
        return;
      }
      lines.push(...this.entry(k, child, 0, false, false));
    });
    return lines.join(this.st.eol) + (this.st.finalNewline ? this.st.eol : '');
  }

  private trailing(ok: boolean): string {
    const comment = ok && this.rng.chance(this.st.trailingCommentBias) ? '  ' + this.rng.pick(COMMENTS) : '';
    return comment + (ok && this.rng.chance(this.st.messyBias) ? this.rng.pick([' ', '   ', '\t']) : '');
  }

  /** A blank line; messy files leave spaces on it (never more than `col`: inside a block scalar more would be content). */
  private blank(col: number): string {
    return this.rng.chance(this.st.messyBias) ? ' '.repeat(Math.floor(this.rng.next() * (col + 1))) : '';
  }

  /** `[` / `{` on the key's line, one item per line at `child`, the closer at `close`. */
  private multiFlow(v: CfnValue[] | CfnObject, child: number, close: number): Rendered {
    const items = Array.isArray(v) ? v.map((x) => this.flow(x)) : Object.keys(v).map((k) => `${this.key(k, true)}: ${this.flow(v[k]!)}`);
    const [o, c] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    return { head: ' ' + o, body: [...items.map((x, i) => ' '.repeat(child) + x + (i < items.length - 1 ? ',' : '')), ' '.repeat(close) + c], commentable: true };
  }

  private key(k: string, inFlow: boolean): string {
    if (plainOk(k, inFlow) && !this.rng.chance(this.st.quotedKeyBias)) return k;
    return this.quoted(k);
  }

  private quoted(s: string): string {
    return this.st.quote === "'" && !CONTROL_OR_TAB.test(s) ? singleQuote(s) : doubleQuote(s);
  }

  private scalar(v: null | boolean | number | string, inFlow: boolean): string {
    if (v === null) return this.rng.pick(['null', '~', 'Null']);
    if (typeof v === 'boolean') return v ? this.rng.pick(['true', 'True']) : 'false';
    if (typeof v === 'number') return String(v);
    if (plainOk(v, inFlow) && this.rng.chance(this.st.plainBias)) return v;
    return this.quoted(v);
  }

  /** `|`, `|-` or `>-` for a string, with its lines at `col`; null when not suitable. */
  private blockScalar(s: string, col: number): Rendered | null {
    if (!this.st.blockScalars || CONTROL.test(s.replace(/\n/g, ''))) return null;
    if (s.includes('\n')) {
      if (s.endsWith('\n\n') || s.includes('\r') || s.includes('\t')) return null;
      const body = (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
      if (!body[0] || /^\s/.test(body[0]) || body.some((l) => /^\s*$/.test(l) || /\s$/.test(l))) return null;
      if (!this.rng.chance(0.7)) return null;
      return { head: s.endsWith('\n') ? ' |' : ' |-', body: body.map((l) => ' '.repeat(col) + l), commentable: false };
    }
    if (s.length < 12 || !/^\S+(?: \S+)+$/.test(s) || /\t/.test(s) || !this.rng.chance(0.5)) return null;
    const words = s.split(' ');
    const cut = 1 + Math.floor(this.rng.next() * (words.length - 1));
    return { head: ' >-', body: [words.slice(0, cut).join(' '), words.slice(cut).join(' ')].map((l) => ' '.repeat(col) + l), commentable: false };
  }

  private small(v: CfnValue, depth = 0): boolean {
    if (depth > 2) return false;
    if (Array.isArray(v)) return v.length <= 4 && v.every((x) => this.small(x, depth + 1));
    if (isObj(v)) return Object.keys(v).length <= 3 && Object.values(v).every((x) => this.small(x, depth + 1));
    return true;
  }

  private shortable(v: CfnValue): { tag: string; arg: CfnValue } | null {
    if (!this.st.shortForm) return null;
    const i = intrinsicOf(v);
    if (!i || !SHORT_TAGS[i.fn] || intrinsicOf(i.arg)) return null;
    if (i.fn === 'Ref' && typeof i.arg !== 'string') return null;
    return { tag: SHORT_TAGS[i.fn]!, arg: i.arg };
  }

  private dotted(tag: string, arg: CfnValue): string | null {
    if (tag !== '!GetAtt' || !Array.isArray(arg) || arg.length !== 2) return null;
    const [a, b] = arg;
    if (typeof a !== 'string' || typeof b !== 'string' || a.includes('.') || !plainOk(`${a}.${b}`, true)) return null;
    return `${a}.${b}`;
  }

  flow(v: CfnValue): string {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'string' && (v.includes('\n') || CONTROL_OR_TAB.test(v))) return doubleQuote(v);
      return this.scalar(v, true);
    }
    const s = this.shortable(v);
    if (s) {
      const d = this.dotted(s.tag, s.arg);
      if (d && this.rng.chance(0.8)) return `${s.tag} ${d}`;
      return `${s.tag} ${this.flow(s.arg)}`;
    }
    const [o, c] = this.st.flowPadding ? [' ', ' '] : ['', ''];
    if (Array.isArray(v)) return v.length ? `[${o}${v.map((x) => this.flow(x)).join(', ')}${c}]` : '[]';
    const keys = Object.keys(v);
    if (!keys.length) return '{}';
    return `{${o}${keys.map((k) => `${this.key(k, true)}: ${this.flow(v[k]!)}`).join(', ')}${c}}`;
  }

  /** A value after `key:` (key at `col`, children at `child`) or after `-` (children at `child`). */
  private value(v: CfnValue, col: number, child: number, inSeq: boolean): Rendered {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'string') {
        const b = this.blockScalar(v, child);
        if (b) return b;
        if (v.includes('\n') || CONTROL_OR_TAB.test(v)) return { head: ' ' + doubleQuote(v), body: [], commentable: true };
      }
      if (v === null && !inSeq && this.rng.chance(0.3)) return { head: '', body: [], commentable: true };
      return { head: ' ' + this.scalar(v, false), body: [], commentable: true };
    }
    const s = this.shortable(v);
    if (s) {
      const d = this.dotted(s.tag, s.arg);
      if (d && this.rng.chance(0.8)) return { head: ` ${s.tag} ${d}`, body: [], commentable: true };
      const arg = s.arg;
      if (arg === null || typeof arg !== 'object') {
        const r = this.value(arg, col, child, true);
        return { head: ` ${s.tag}${r.head}`, body: r.body, commentable: r.commentable };
      }
      if ((Array.isArray(arg) ? !arg.length : !Object.keys(arg).length) || this.rng.chance(0.7)) {
        return { head: ` ${s.tag} ${this.flow(arg)}`, body: [], commentable: true };
      }
      // tagged block collections are always indented below their tag
      return { head: ` ${s.tag}`, body: Array.isArray(arg) ? this.seq(arg, child) : this.map(arg, child), commentable: false };
    }
    if (Array.isArray(v)) {
      if (!v.length) return { head: ' []', body: [], commentable: true };
      if (this.small(v) && this.rng.chance(this.st.flowBias)) {
        if (v.length > 1 && this.rng.chance(this.st.multilineFlowBias)) return this.multiFlow(v, child, inSeq ? child : col);
        return { head: ' ' + this.flow(v), body: [], commentable: true };
      }
      return { head: '', body: this.seq(v, inSeq || this.st.seqIndent ? child : col), commentable: !inSeq };
    }
    if (!Object.keys(v).length) return { head: ' {}', body: [], commentable: true };
    if (this.small(v) && this.rng.chance(this.st.flowBias)) {
      if (Object.keys(v).length > 1 && this.rng.chance(this.st.multilineFlowBias)) return this.multiFlow(v, child, inSeq ? child : col);
      return { head: ' ' + this.flow(v), body: [], commentable: true };
    }
    return { head: '', body: this.map(v, child), commentable: !inSeq };
  }

  private entry(k: string, v: CfnValue, col: number, noComment: boolean, resource: boolean): string[] {
    const out: string[] = [];
    if (!noComment && this.rng.chance(this.st.commentBias)) {
      out.push((this.rng.chance(0.2) ? '' : ' '.repeat(col)) + this.rng.pick(COMMENTS));
    }
    const r = resource && this.small(v) && this.rng.chance(this.st.flowBias / 2)
      ? { head: ' ' + this.flow(v), body: [], commentable: true }
      : this.value(v, col, col + this.st.indent, false);
    out.push(' '.repeat(col) + this.key(k, false) + ':' + r.head + this.trailing(r.commentable), ...r.body);
    return out;
  }

  map(v: CfnObject, col: number, firstOnDash = false): string[] {
    const out: string[] = [];
    Object.keys(v).forEach((k, i) => {
      if (i > 0 && this.rng.chance(this.st.blankBias)) out.push(this.blank(col));
      out.push(...this.entry(k, v[k]!, col, firstOnDash && i === 0, false));
    });
    return out;
  }

  seq(v: readonly CfnValue[], col: number): string[] {
    const out: string[] = [];
    const child = col + 2;
    for (const item of v) {
      if (isObj(item) && Object.keys(item).length && !this.shortable(item) && !(this.small(item) && this.rng.chance(this.st.flowBias))) {
        if (this.rng.chance(this.st.bareDashBias)) {
          // `-` alone, the mapping on the lines below (its first key may have a comment above it)
          out.push(' '.repeat(col) + '-' + this.trailing(true), ...this.map(item, child));
          continue;
        }
        const lines = this.map(item, child, true);
        out.push(' '.repeat(col) + '- ' + lines[0]!.slice(child), ...lines.slice(1));
        continue;
      }
      if (Array.isArray(item) && item.length && !(this.small(item) && this.rng.chance(this.st.flowBias))) {
        const lines = this.seq(item, child);
        out.push(' '.repeat(col) + '- ' + lines[0]!.slice(child), ...lines.slice(1));
        continue;
      }
      const r = this.value(item, col, child, true);
      out.push(' '.repeat(col) + '-' + r.head + this.trailing(r.commentable), ...r.body);
    }
    return out;
  }
}

class JsonPrinter {
  private readonly rng: Rng;
  constructor(private readonly st: PrintStyle) {
    this.rng = new Rng(st.seed);
  }

  root(v: CfnObject): string {
    // no JSON string holds a raw newline, so every line end is outside strings: messy files get trailing spaces
    const lines = this.value(v, 0).split('\n').map((l) => (this.rng.chance(this.st.messyBias) ? l + this.rng.pick([' ', '  ', '\t']) : l));
    return lines.join(this.st.eol) + (this.st.finalNewline ? this.st.eol : '');
  }

  private scalarsOnly(v: readonly CfnValue[]): boolean {
    return v.length <= 4 && v.every((x) => x === null || typeof x !== 'object');
  }

  private value(v: CfnValue, level: number): string {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const unit = this.st.jsonIndent;
    const inner = unit.repeat(level + 1);
    const [o, c] = this.st.flowPadding ? [' ', ' '] : ['', ''];
    if (Array.isArray(v)) {
      if (!v.length) return '[]';
      if (this.scalarsOnly(v) && this.rng.chance(this.st.flowBias)) return `[${o}${v.map((x) => JSON.stringify(x)).join(', ')}${c}]`;
      return '[\n' + v.map((x) => inner + this.value(x, level + 1)).join(',\n') + '\n' + unit.repeat(level) + ']';
    }
    const keys = Object.keys(v);
    if (!keys.length) return '{}';
    const i = intrinsicOf(v);
    if (i && (i.arg === null || typeof i.arg !== 'object' || (Array.isArray(i.arg) && this.scalarsOnly(i.arg))) && this.rng.chance(this.st.flowBias * 1.5)) {
      return `{${o}${JSON.stringify(i.fn)}: ${Array.isArray(i.arg) ? `[${i.arg.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(i.arg)}${c}}`;
    }
    if (keys.length <= 3 && keys.every((k) => v[k] === null || typeof v[k] !== 'object') && this.rng.chance(this.st.flowBias / 2)) {
      return `{${o}${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(v[k])}`).join(', ')}${c}}`;
    }
    return '{\n' + keys.map((k) => `${inner}${JSON.stringify(k)}: ${this.value(v[k]!, level + 1)}`).join(',\n') + '\n' + unit.repeat(level) + '}';
  }
}

// ---------------------------------------------------------------------------------------------
// Values

/** Strings that stress quoting and type resolution. */
export const STRESS_STRINGS: readonly string[] = [
  'yes', 'no', 'null', 'true', 'Off', '~', '054676820928', '1.10', '2010-09-09', '0x1F', '1e3', '.inf', '-1',
  ': x', '# y', '-a', '-', '', ' lead', 'trail ', "quote's", 'dq"x', 'é', 'naïve café', '🚀 launch',
  'line1\nline2', 'multi\nline\n', 'crlf\r\nin', 'tab\there', '${AWS::Region}', '*', '{a}', '[b]', 'a: b', 'a #b',
  '!Ref X', '&anchor', '@at', '%pct', '`tick', '|pipe', '>gt', '?q', 'a,b', '\\back', '=', '<<', 'Ref', 'Fn::Sub',
  'arn:aws:s3:::bucket/*', 's3://bucket/key', 'rate(5 minutes)', 'a very long description with several words in it',
];

const CHARS = ['a', 'Z', '0', '9', ' ', ':', '#', "'", '"', '\n', '\\', '{', '}', '[', ']', ',', '-', '!', '&', '*', '%', '@', '`', '|', '>', '?', 'é', '😀', '$', '.', '/', '\t', '~'];

export const stressStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...STRESS_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 }) },
);

export const stressScalarArb: fc.Arbitrary<CfnValue> = fc.oneof(
  { weight: 6, arbitrary: stressStringArb },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 100000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1.5, 0.25, -2.75, 1e21) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

// ---------------------------------------------------------------------------------------------
// Template models

export type ResourceKind = 'function' | 'table' | 'queue' | 'bucket' | 'topic';

export const TYPE_OF: Readonly<Record<ResourceKind, string>> = {
  function: 'AWS::Serverless::Function',
  table: 'AWS::DynamoDB::Table',
  queue: 'AWS::SQS::Queue',
  bucket: 'AWS::S3::Bucket',
  topic: 'AWS::SNS::Topic',
};

const ID_POOL: Readonly<Record<ResourceKind, readonly string[]>> = {
  function: ['OrdersFunction', 'ApiHandler', 'Worker', 'ProcessFn'],
  table: ['OrdersTable', 'Sessions', 'Table'],
  queue: ['JobsQueue', 'DeadLetterQueue', 'Queue'],
  bucket: ['UploadsBucket', 'Assets'],
  topic: ['AlertsTopic', 'Notifications'],
};

/** Parameter names; never resource names, so Ref targets are unambiguous. */
export const PARAM_POOL: readonly string[] = ['Stage', 'LogLevel', 'RetentionDays', 'Prefix'];
/** New names for edits. */
export const NEW_RESOURCE_IDS: readonly string[] = ['NewQueue', 'ExtraTable', 'Worker2', 'Uploads2', 'Alerts9', 'Zeta', 'A1', 'constructor'];
export const NEW_PARAM_NAMES: readonly string[] = ['NewParam', 'Stage2', 'Level', 'Suffix', 'toString'];
export const OUTPUT_POOL: readonly string[] = ['FunctionArn', 'TableName', 'QueueUrl', 'BucketName', 'TopicArn', 'ApiUrl', 'valueOf'];

interface Ctx {
  readonly byKind: Readonly<Record<ResourceKind, readonly string[]>>;
  readonly all: readonly string[];
  readonly params: readonly string[];
  readonly conditions: readonly string[];
}

/** Drops `undefined` fields. */
function compact(o: Record<string, CfnValue | undefined>): CfnObject {
  const out: CfnObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** fc.dictionary builds null-prototype objects; templates are plain JSON objects. */
function plain<T extends object>(o: T): T {
  return { ...o };
}

function opt<T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq });
}

function fromList(xs: readonly string[]): fc.Arbitrary<string> | null {
  return xs.length ? fc.constantFrom(...xs) : null;
}

const ref = (id: string): CfnObject => ({ Ref: id });
const att = (id: string, a: string): CfnObject => ({ 'Fn::GetAtt': [id, a] });

/** An intrinsic pointing at something in the template. */
function intrinsicArb(ctx: Ctx): fc.Arbitrary<CfnValue> {
  const any = fromList(ctx.all)!;
  const parts: fc.Arbitrary<CfnValue>[] = [
    any.map(ref),
    any.map((id) => att(id, 'Arn')),
    any.map((id) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:x:\${AWS::Region}::\${${id}}/*` })),
    fc.constant({ 'Fn::Sub': '${AWS::StackName}-${AWS::Region}' }),
    any.map((id) => ({ 'Fn::Sub': ['${Name}-x', { Name: ref(id) }] })),
    fc.constant({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }),
    any.map((id) => ({ 'Fn::Join': ['-', [ref('AWS::StackName'), ref(id)]] })),
    // `${Id.Attr}`, the `${!Id}` literal, and a variable shadowing a logical id (renames must skip it)
    any.map((id) => ({ 'Fn::Sub': `\${${id}.Arn}/\${!${id}}` })),
    any.map((id) => ({ 'Fn::Sub': [`\${${id}}-x`, { [id]: 'shadowed' }] })),
    any.map((id) => att(id, 'Endpoint.Address')),
  ];
  const p = fromList(ctx.params);
  if (p) parts.push(p.map(ref), p.map((n) => ({ 'Fn::Sub': `\${${n}}-suffix` })));
  const c = fromList(ctx.conditions);
  if (c) parts.push(fc.tuple(c, stressScalarArb, any).map(([cond, a, id]) => ({ 'Fn::If': [cond, a, ref(id)] })));
  return fc.oneof(...parts);
}

function envArb(ctx: Ctx): fc.Arbitrary<CfnObject> {
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom('TABLE_NAME', 'QUEUE_URL', 'STAGE', 'LOG_LEVEL', 'ACCOUNT', 'NOTE', 'EMPTY'), fc.oneof(stressScalarArb, intrinsicArb(ctx))), {
      minLength: 1,
      maxLength: 4,
      selector: (t) => t[0],
    })
    .map((entries) => Object.fromEntries(entries));
}

function tagsList(): fc.Arbitrary<CfnValue[]> {
  return fc.uniqueArray(fc.tuple(fc.constantFrom('team', 'cost-center', 'yes', 'env'), stressStringArb), { minLength: 1, maxLength: 3, selector: (t) => t[0] }).map((xs) => xs.map(([Key, Value]) => ({ Key, Value })));
}

const INLINE_CODE = [
  'exports.handler = async (event) => {\n  console.log(event);\n  return { ok: true };\n};\n',
  'def handler(event, context):\n    return {"statusCode": 200}',
];

function functionProps(ctx: Ctx): fc.Arbitrary<CfnObject> {
  const policies: fc.Arbitrary<CfnValue>[] = [fc.constant('AWSLambdaBasicExecutionRole')];
  const t = fromList(ctx.byKind.table);
  const q = fromList(ctx.byKind.queue);
  const b = fromList(ctx.byKind.bucket);
  const tp = fromList(ctx.byKind.topic);
  if (t) policies.push(t.map((id) => ({ DynamoDBCrudPolicy: { TableName: ref(id) } })));
  if (q) policies.push(q.map((id) => ({ SQSSendMessagePolicy: { QueueName: att(id, 'QueueName') } })));
  if (b) policies.push(b.map((id) => ({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${${id}}/*` } }] })));
  const events: fc.Arbitrary<[string, CfnValue]>[] = [
    fc.constant<[string, CfnValue]>(['Api', { Type: 'Api', Properties: { Path: '/orders', Method: 'get' } }]),
    fc.constant<[string, CfnValue]>(['Nightly', { Type: 'Schedule', Properties: { Schedule: 'cron(0 3 * * ? *)' } }]),
  ];
  if (q) events.push(q.map((id): [string, CfnValue] => [`${id}Event`, { Type: 'SQS', Properties: { Queue: att(id, 'Arn'), BatchSize: 10 } }]));
  if (tp) events.push(tp.map((id): [string, CfnValue] => [`${id}Event`, { Type: 'SNS', Properties: { Topic: ref(id) } }]));
  if (t) events.push(t.map((id): [string, CfnValue] => [`${id}Stream`, { Type: 'DynamoDB', Properties: { Stream: att(id, 'StreamArn'), StartingPosition: 'LATEST' } }]));
  return fc
    .record({
      Handler: fc.constantFrom('index.handler', 'app.lambda_handler'),
      Runtime: opt(fc.constantFrom('nodejs20.x', 'python3.12'), 4),
      CodeUri: opt(fc.constantFrom('src/', 'functions/orders/', './'), 3),
      InlineCode: opt(fc.constantFrom(...INLINE_CODE), 5),
      MemorySize: opt(fc.constantFrom(128, 512, 1024)),
      Timeout: opt(fc.constantFrom(3, 30, 900)),
      Description: opt(stressStringArb),
      Environment: opt(envArb(ctx).map((Variables) => ({ Variables }))),
      Policies: opt(fc.oneof(fc.constant('AWSLambdaBasicExecutionRole'), fc.uniqueArray(fc.oneof(...policies), { minLength: 1, maxLength: 3, selector: (x) => JSON.stringify(x) }))),
      Events: opt(fc.uniqueArray(fc.oneof(...events), { minLength: 1, maxLength: 3, selector: (e) => e[0] }).map((es) => Object.fromEntries(es))),
      Architectures: opt(fc.constant<CfnValue>(['arm64']), 5),
      Tags: opt(fc.dictionary(fc.constantFrom('team', 'cost-center', 'yes'), stressStringArb, { minKeys: 1, maxKeys: 2 }).map(plain), 4),
    })
    .map(compact);
}

function tableProps(): fc.Arbitrary<CfnObject> {
  return fc
    .record({
      BillingMode: fc.constant('PAY_PER_REQUEST'),
      AttributeDefinitions: opt(fc.constant<CfnValue>([{ AttributeName: 'pk', AttributeType: 'S' }]), 1),
      KeySchema: opt(fc.constant<CfnValue>([{ AttributeName: 'pk', KeyType: 'HASH' }]), 1),
      TableName: opt(fc.constantFrom<CfnValue>({ 'Fn::Sub': '${AWS::StackName}-orders' }, 'orders', 'yes')),
      StreamSpecification: opt(fc.constant({ StreamViewType: 'NEW_IMAGE' }), 3),
      Tags: opt(tagsList(), 3),
    })
    .map(compact);
}

function queueProps(ctx: Ctx): fc.Arbitrary<CfnObject> {
  const q = fromList(ctx.byKind.queue)!;
  return fc
    .record({
      VisibilityTimeout: opt(fc.constantFrom(30, 900)),
      QueueName: opt(stressStringArb, 3),
      MessageRetentionPeriod: opt(fc.constant(1209600), 3),
      RedrivePolicy: opt(q.map((id) => ({ deadLetterTargetArn: att(id, 'Arn'), maxReceiveCount: 3 })), 3),
      Tags: opt(tagsList(), 3),
    })
    .map(compact);
}

function bucketProps(): fc.Arbitrary<CfnObject> {
  return fc
    .record({
      BucketName: opt(fc.constantFrom<CfnValue>({ 'Fn::Sub': '${AWS::StackName}-uploads-${AWS::AccountId}' }, 'my-bucket')),
      VersioningConfiguration: opt(fc.constant({ Status: 'Enabled' })),
      Tags: opt(tagsList(), 3),
    })
    .map(compact);
}

function topicProps(ctx: Ctx): fc.Arbitrary<CfnObject> {
  const q = fromList(ctx.byKind.queue);
  return fc
    .record({
      TopicName: opt(stressStringArb, 3),
      DisplayName: opt(stressStringArb),
      Subscription: q ? opt(q.map((id) => [{ Protocol: 'sqs', Endpoint: att(id, 'Arn') }])) : fc.constant(undefined),
    })
    .map(compact);
}

function propsFor(kind: ResourceKind, ctx: Ctx): fc.Arbitrary<CfnObject> {
  switch (kind) {
    case 'function':
      return functionProps(ctx);
    case 'table':
      return tableProps();
    case 'queue':
      return queueProps(ctx);
    case 'bucket':
      return bucketProps();
    case 'topic':
      return topicProps(ctx);
  }
}

function resourceArb(id: string, kind: ResourceKind, ctx: Ctx): fc.Arbitrary<CfnObject> {
  const others = ctx.all.filter((x) => x !== id);
  return fc
    .record({
      Condition: ctx.conditions.length ? opt(fc.constantFrom(...ctx.conditions), 5) : fc.constant(undefined),
      DependsOn: others.length ? opt(fc.oneof(fc.constantFrom(...others), fc.uniqueArray(fc.constantFrom(...others), { minLength: 1, maxLength: 2 })), 4) : fc.constant(undefined),
      Properties: fc.option(propsFor(kind, ctx), { nil: undefined, freq: 6 }),
      DeletionPolicy: opt(fc.constant('Retain'), 6),
      Metadata: opt(fc.record({ Note: stressStringArb }), 8),
      order: fc.boolean(),
    })
    .map(({ order, ...r }) => {
      const props = r.Properties && Object.keys(r.Properties).length ? r.Properties : undefined;
      const head = { Type: TYPE_OF[kind] };
      const attrs = { Condition: r.Condition, DependsOn: r.DependsOn, DeletionPolicy: r.DeletionPolicy, Metadata: r.Metadata };
      return order ? compact({ ...head, Properties: props, ...attrs }) : compact({ ...head, ...attrs, Properties: props });
    });
}

function assignIds(kinds: readonly ResourceKind[]): string[] {
  const seen: Record<string, number> = {};
  return kinds.map((k) => {
    const n = (seen[k] = (seen[k] ?? -1) + 1);
    const pool = ID_POOL[k];
    return pool[n % pool.length]! + (n >= pool.length ? String(n) : '');
  });
}

export interface TemplateModel {
  readonly value: CfnObject;
  readonly ids: readonly string[];
}

export const templateModelArb: fc.Arbitrary<TemplateModel> = fc
  .tuple(
    fc.array(fc.constantFrom<ResourceKind>('function', 'function', 'table', 'queue', 'bucket', 'topic'), { minLength: 1, maxLength: 8 }),
    fc.subarray([...PARAM_POOL]),
    fc.boolean(),
  )
  .chain(([kinds, params, withCondition]) => {
    const ids = assignIds(kinds);
    const byKind = { function: [], table: [], queue: [], bucket: [], topic: [] } as Record<ResourceKind, string[]>;
    kinds.forEach((k, i) => byKind[k].push(ids[i]!));
    const conditions = withCondition && params.includes('Stage') ? ['IsProd'] : [];
    const ctx: Ctx = { byKind, all: ids, params, conditions };
    const paramArb = fc
      .record({
        Type: fc.constantFrom('String', 'Number', 'CommaDelimitedList'),
        Default: opt(stressScalarArb, 1),
        Description: opt(stressStringArb),
        AllowedValues: opt(fc.uniqueArray(stressStringArb, { minLength: 1, maxLength: 3 }), 4),
      })
      .map(compact);
    const outputArb = fc
      .record({
        Description: opt(stressStringArb),
        Value: intrinsicArb(ctx),
        Export: opt(fc.constant({ Name: { 'Fn::Sub': '${AWS::StackName}-out' } }), 3),
      })
      .map(compact);
    return fc
      .record({
        version: fc.boolean(),
        description: opt(stressStringArb),
        globals: kinds.includes('function') ? opt(fc.constant({ Function: { Timeout: 10, Runtime: 'python3.12' } }), 3) : fc.constant(undefined),
        params: fc.tuple(...params.map(() => paramArb)),
        resources: fc.tuple(...ids.map((id, i) => resourceArb(id, kinds[i]!, ctx))),
        outputs: fc.uniqueArray(fc.tuple(fc.constantFrom(...OUTPUT_POOL), outputArb), { maxLength: 3, selector: (o) => o[0] }),
        outputsFirst: fc.constantFrom(false, false, false, true),
      })
      .map((r) => {
        const value: CfnObject = {};
        if (r.version) value['AWSTemplateFormatVersion'] = '2010-09-09';
        if (kinds.includes('function')) value['Transform'] = 'AWS::Serverless-2016-10-31';
        if (r.description !== undefined) value['Description'] = r.description;
        if (r.globals) value['Globals'] = r.globals;
        if (params.length) value['Parameters'] = Object.fromEntries(params.map((p, i) => [p, r.params[i]!]));
        if (conditions.length) value['Conditions'] = { IsProd: { 'Fn::Equals': [ref('Stage'), 'prod'] } };
        const outputs = r.outputs.length ? Object.fromEntries(r.outputs) : undefined;
        if (outputs && r.outputsFirst) value['Outputs'] = outputs;
        value['Resources'] = Object.fromEntries(ids.map((id, i) => [id, r.resources[i]!]));
        if (outputs && !r.outputsFirst) value['Outputs'] = outputs;
        // fc.record / fc.dictionary build null-prototype objects; a template is plain JSON
        return { value: JSON.parse(JSON.stringify(value)) as CfnObject, ids };
      });
  });

export interface GeneratedTemplate {
  readonly style: PrintStyle;
  readonly model: TemplateModel;
  readonly text: string;
}

export const templateArb: fc.Arbitrary<GeneratedTemplate> = fc
  .tuple(templateModelArb, printStyleArb)
  .map(([model, style]) => ({ model, style, text: printTemplate(model.value, style) }));

// ---------------------------------------------------------------------------------------------
// Edit recipes: edits with placeholders, resolved against the template as it is at that step

/** Placeholders inside values, replaced with a current logical id when the edit is resolved. */
export const resourcePlaceholder = (n: number): string => `\u0001R${n}\u0001`;
export const paramPlaceholder = (n: number): string => `\u0001P${n}\u0001`;

const nat = fc.nat({ max: 50 });

const NEW_KEYS = ['NewKey', 'Extra', 'yes', '1.10', 'a b', 'key: colon', '#hash', 'é', 'Tags', 'Variables', 'x'];

/** A value for setProperty & co: stress scalars, intrinsics naming current ids, lists, maps, empties. */
export const editValueArb: fc.Arbitrary<CfnValue> = fc.letrec<{ value: CfnValue; list: CfnValue[]; map: CfnObject; intrinsic: CfnValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: stressScalarArb },
    { weight: 3, arbitrary: tie('intrinsic') },
    { weight: 2, arbitrary: tie('list') },
    { weight: 2, arbitrary: tie('map') },
    { weight: 1, arbitrary: fc.constantFrom<CfnValue>([], {}) },
  ),
  list: fc.array(tie('value'), { minLength: 1, maxLength: 3 }),
  map: fc.dictionary(fc.constantFrom(...NEW_KEYS), tie('value'), { minKeys: 1, maxKeys: 3 }).map(plain),
  intrinsic: fc.oneof(
    nat.map((n): CfnValue => ({ Ref: resourcePlaceholder(n) })),
    nat.map((n): CfnValue => ({ Ref: paramPlaceholder(n) })),
    fc.constant<CfnValue>({ Ref: 'AWS::Region' }),
    fc.tuple(nat, fc.constantFrom('Arn', 'StreamArn', 'QueueName')).map(([n, a]): CfnValue => ({ 'Fn::GetAtt': [resourcePlaceholder(n), a] })),
    nat.map((n): CfnValue => ({ 'Fn::Sub': `arn:\${AWS::Partition}:x:::\${${resourcePlaceholder(n)}}/*` })),
    fc.constant<CfnValue>({ 'Fn::Sub': '${AWS::StackName}-${AWS::Region}' }),
    nat.map((n): CfnValue => ({ 'Fn::Sub': ['${Name}-x', { Name: { Ref: resourcePlaceholder(n) } }] })),
    fc.tuple(tie('value'), tie('value')).map(([a, b]): CfnValue => ({ 'Fn::If': ['IsProd', a, b] })),
    nat.map((n): CfnValue => ({ 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, { Ref: resourcePlaceholder(n) }]] })),
    fc.constant<CfnValue>({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }),
    nat.map((n): CfnValue => ({ 'Fn::Sub': [`\${${resourcePlaceholder(n)}}-x`, { [resourcePlaceholder(n)]: 'shadowed' }] })),
    nat.map((n): CfnValue => ({ 'Fn::GetAtt': [resourcePlaceholder(n), 'Endpoint.Address'] })),
  ),
})).value;

export type ResourceSel = number | 'missing';
export type PathRecipe =
  | { readonly mode: 'existing'; readonly walk: readonly number[] }
  | { readonly mode: 'new'; readonly walk: readonly number[]; readonly tail: readonly string[]; readonly append: boolean }
  | { readonly mode: 'fixed'; readonly path: readonly (string | number)[] };

export type Recipe =
  | { readonly op: 'setProperty'; readonly r: ResourceSel; readonly path: PathRecipe; readonly value: CfnValue }
  | { readonly op: 'deleteProperty'; readonly r: ResourceSel; readonly path: PathRecipe }
  | { readonly op: 'addResource'; readonly id: string | number; readonly kind: ResourceKind; readonly properties?: CfnObject; readonly attributes?: CfnObject }
  | { readonly op: 'removeResource'; readonly r: ResourceSel }
  | { readonly op: 'renameResource'; readonly r: ResourceSel; readonly to: string | number }
  | { readonly op: 'setParameter'; readonly p: string | number; readonly path?: readonly (string | number)[]; readonly value: CfnValue }
  | { readonly op: 'removeParameter'; readonly p: string | number }
  | { readonly op: 'renameParameter'; readonly p: string | number; readonly to: string | { readonly resource: number } }
  | { readonly op: 'setOutput'; readonly o: string | number; readonly path?: readonly (string | number)[]; readonly value: CfnValue }
  | { readonly op: 'removeOutput'; readonly o: string | number }
  | { readonly op: 'renameOutput'; readonly o: number; readonly to: string }
  | { readonly op: 'connect' | 'disconnect'; readonly kind: 'trigger' | 'access'; readonly a: number; readonly b: number; readonly anyPair: boolean; readonly level?: 'read' | 'write' | 'crud' }
  | { readonly op: 'setAccessLevel'; readonly a: number; readonly level: 'read' | 'write' | 'crud' }
  /** Virtual Networks: add one, place a resource (`a`) in a network (`b`), take one out. */
  | { readonly op: 'addNetwork' | 'placeInNetwork' | 'removeFromNetwork'; readonly a: number; readonly b: number; readonly id: string };

const FIXED_PATHS: readonly (readonly (string | number)[])[] = [
  ['Properties', 'Timeout'],
  ['Properties', 'Description'],
  ['Properties', 'Environment', 'Variables', 'NEW_VAR'],
  ['Properties', 'Tags'],
  ['Properties', 'Tags', 0],
  ['Properties', 'Tags', 0, 'Value'],
  ['Properties', 'Policies'],
  ['Properties', 'Policies', 0],
  ['Properties', 'Events', 'Extra'],
  ['Properties', 'MemorySize'],
  ['Properties'],
  ['DependsOn'],
  ['DependsOn', 0],
  ['Metadata', 'Note'],
  ['Condition'],
  ['DeletionPolicy'],
  ['Type'],
  ['Type', 'X'],
];

const resourceSel: fc.Arbitrary<ResourceSel> = fc.oneof({ weight: 19, arbitrary: nat }, { weight: 1, arbitrary: fc.constant<'missing'>('missing') });

const pathRecipeArb: fc.Arbitrary<PathRecipe> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ mode: fc.constant<'existing'>('existing'), walk: fc.array(nat, { minLength: 1, maxLength: 5 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      mode: fc.constant<'new'>('new'),
      walk: fc.array(nat, { maxLength: 3 }),
      tail: fc.array(fc.constantFrom(...NEW_KEYS), { minLength: 1, maxLength: 2 }),
      append: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...FIXED_PATHS).map((path) => ({ mode: 'fixed' as const, path })) },
);

const newPropsArb: fc.Arbitrary<CfnObject | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant<CfnObject>({ VisibilityTimeout: 60, Tags: [{ Key: 'team', Value: { 'Fn::Sub': '${AWS::StackName}-q' } }] }),
  nat.map((n): CfnObject => ({ Handler: 'index.handler', Runtime: 'nodejs20.x', Environment: { Variables: { TARGET: { Ref: resourcePlaceholder(n) } } } })),
  fc.constant<CfnObject>({ BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }),
  editValueArb.filter((v): v is CfnObject => typeof v === 'object' && v !== null && !Array.isArray(v)),
);

const newAttrsArb: fc.Arbitrary<CfnObject | undefined> = fc.oneof(
  fc.constant(undefined),
  nat.map((n): CfnObject => ({ DependsOn: resourcePlaceholder(n) })),
  fc.constant<CfnObject>({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }),
  fc.constant<CfnObject>({ Condition: 'IsProd', Metadata: { Note: 'yes' } }),
);

const outputValueArb: fc.Arbitrary<CfnValue> = fc
  .record({
    Value: fc.oneof(
      nat.map((n): CfnValue => ({ Ref: resourcePlaceholder(n) })),
      nat.map((n): CfnValue => ({ 'Fn::GetAtt': [resourcePlaceholder(n), 'Arn'] })),
      stressStringArb,
    ),
    Description: opt(stressStringArb),
  })
  .map(compact);

export const recipeArb: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('setProperty' as const), r: resourceSel, path: pathRecipeArb, value: editValueArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deleteProperty' as const), r: resourceSel, path: pathRecipeArb }) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        op: fc.constant('addResource' as const),
        id: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NEW_RESOURCE_IDS) }, { weight: 1, arbitrary: nat }, { weight: 1, arbitrary: fc.constantFrom(...PARAM_POOL, 'Bad-Id', '') }),
        kind: fc.constantFrom<ResourceKind>('function', 'table', 'queue', 'bucket', 'topic'),
        properties: newPropsArb,
        attributes: newAttrsArb,
      },
      { requiredKeys: ['op', 'id', 'kind'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeResource' as const), r: resourceSel }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('renameResource' as const),
      r: resourceSel,
      to: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...NEW_RESOURCE_IDS) }, { weight: 1, arbitrary: nat }, { weight: 1, arbitrary: fc.constantFrom(...PARAM_POOL, 'bad name') }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        op: fc.constant('setParameter' as const),
        p: fc.oneof({ weight: 3, arbitrary: nat }, { weight: 1, arbitrary: fc.constantFrom(...NEW_PARAM_NAMES) }),
        path: fc.constantFrom<(string | number)[]>(['Default'], ['Description'], ['AllowedValues'], ['AllowedValues', 0], ['Type']),
        value: fc.oneof(editValueArb, fc.record({ Type: fc.constantFrom('String', 'Number'), Default: stressScalarArb }).map(plain)),
      },
      { requiredKeys: ['op', 'p', 'value'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeParameter' as const), p: fc.oneof({ weight: 5, arbitrary: nat }, { weight: 1, arbitrary: fc.constant('Nope') }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('renameParameter' as const),
      p: fc.oneof(nat, fc.constant('Nope')),
      to: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...NEW_PARAM_NAMES) }, { weight: 1, arbitrary: nat.map((resource) => ({ resource })) }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        op: fc.constant('setOutput' as const),
        o: fc.oneof({ weight: 3, arbitrary: nat }, { weight: 1, arbitrary: fc.constantFrom(...OUTPUT_POOL) }),
        path: fc.constantFrom<(string | number)[]>(['Description'], ['Value'], ['Export', 'Name']),
        value: fc.oneof(outputValueArb, editValueArb),
      },
      { requiredKeys: ['op', 'o', 'value'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeOutput' as const), o: fc.oneof({ weight: 5, arbitrary: nat }, { weight: 1, arbitrary: fc.constant('Nope') }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('renameOutput' as const), o: nat, to: fc.constantFrom(...OUTPUT_POOL, 'Renamed1') }) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        op: fc.constantFrom('connect' as const, 'connect' as const, 'disconnect' as const),
        kind: fc.constantFrom('trigger' as const, 'access' as const),
        a: nat,
        b: nat,
        anyPair: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        level: fc.constantFrom('read' as const, 'write' as const, 'crud' as const),
      },
      { requiredKeys: ['op', 'kind', 'a', 'b', 'anyPair'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('setAccessLevel' as const), a: nat, level: fc.constantFrom('read' as const, 'write' as const, 'crud' as const) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom('addNetwork' as const, 'placeInNetwork' as const, 'placeInNetwork' as const, 'removeFromNetwork' as const),
      a: nat,
      b: nat,
      id: fc.constantFrom('Net', 'Vpc9', 'Worker2', ...PARAM_POOL.slice(0, 1)),
    }),
  },
);
