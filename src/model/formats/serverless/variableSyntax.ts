/**
 * The syntax of Serverless Framework variables in a string: `${source:address}`,
 * `${source(param):address}`, fallbacks after commas (`${opt:stage, 'dev'}`,
 * `${opt:stage, self:provider.stage}`), and variables nested in addresses and fallbacks
 * (`${self:custom.${sls:stage}.table}`). Parsing never changes the text: every part keeps its
 * offsets, and anything that is not a variable (`${AWS::Region}` and `${Name}` for `Fn::Sub`,
 * an unclosed `${`, nesting deeper than MAX_NESTING) is text.
 */

/** Deeper nesting is read as text: no real file comes close, and it bounds the work. */
export const MAX_NESTING = 16;

export type Part = TextPart | VariablePart;

export interface TextPart {
  readonly kind: 'text';
  readonly text: string;
}

export interface VariablePart {
  readonly kind: 'variable';
  /** The variable as written, `${` to `}`. */
  readonly raw: string;
  /** Offsets of `raw` in the parsed string. */
  readonly start: number;
  readonly end: number;
  /** The comma-separated choices, first to last fallback, each as parts (it may hold nested variables). */
  readonly choices: readonly (readonly Part[])[];
}

/** One choice with no variables left in it: a reference to a source, or a literal fallback. */
export type Choice =
  | { readonly kind: 'reference'; readonly source: string; readonly param?: string; readonly address: string }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null };

const REFERENCE = /^([A-Za-z][A-Za-z0-9]*)(?:\(([^)]*)\))?:(?!:)([\s\S]*)$/;

/** Reads a choice once its nested variables are replaced; null when it is neither a reference nor a literal. */
export function readChoice(text: string): Choice | null {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === "'" || t[0] === '"') && t[t.length - 1] === t[0]) return { kind: 'literal', value: t.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { kind: 'literal', value: Number(t) };
  if (t === 'true' || t === 'false') return { kind: 'literal', value: t === 'true' };
  if (t === 'null') return { kind: 'literal', value: null };
  const m = REFERENCE.exec(t);
  if (!m) return null;
  return m[2] === undefined ? { kind: 'reference', source: m[1]!, address: m[3]!.trim() } : { kind: 'reference', source: m[1]!, param: m[2].trim(), address: m[3]!.trim() };
}

/** Does the inside of `${...}` look like a serverless variable (`source:` or `source(...):`, or a nested variable)? */
function isVariableBody(body: string): boolean {
  const t = body.trimStart();
  return t.startsWith('${') || /^[A-Za-z][A-Za-z0-9]*(\([^)]*\))?:(?!:)/.test(t);
}

/** Offset of the `}` closing each `${`, in one pass (unclosed ones have none). */
function closers(s: string): Map<number, number> {
  const out = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '{') {
      open.push(i);
      i++;
    } else if (s[i] === '}' && open.length) {
      out.set(open.pop()!, i);
    }
  }
  return out;
}

/** Splits a string into text and variables. Linear in the length of the string. */
export function parseVariables(s: string): Part[] {
  if (!s.includes('${')) return [{ kind: 'text', text: s }];
  return parseRange(s, 0, s.length, closers(s), 0);
}

function parseRange(s: string, from: number, to: number, close: Map<number, number>, depth: number): Part[] {
  const parts: Part[] = [];
  let text = '';
  let i = from;
  while (i < to) {
    const end = s[i] === '$' && s[i + 1] === '{' ? close.get(i) : undefined;
    if (end === undefined || end >= to || depth >= MAX_NESTING || !isVariableBody(s.slice(i + 2, Math.min(end, i + 200)))) {
      text += s[i];
      i++;
      continue;
    }
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'variable', raw: s.slice(i, end + 1), start: i, end: end + 1, choices: splitChoices(s, i + 2, end, close, depth + 1) });
    i = end + 1;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** The comma-separated choices inside a variable; commas in quotes or nested variables do not split. */
function splitChoices(s: string, from: number, to: number, close: Map<number, number>, depth: number): Part[][] {
  const out: Part[][] = [];
  let start = from;
  let quote: string | null = null;
  for (let i = from; i < to; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '$' && s[i + 1] === '{' && close.has(i) && close.get(i)! < to) {
      i = close.get(i)!;
    } else if (c === ',') {
      out.push(trimParts(parseRange(s, start, i, close, depth)));
      start = i + 1;
    }
  }
  out.push(trimParts(parseRange(s, start, to, close, depth)));
  return out;
}

/** Choices are written with spaces after commas: the spaces are not part of them. */
function trimParts(parts: Part[]): Part[] {
  const out = parts.slice();
  const first = out[0];
  if (first?.kind === 'text') out[0] = { kind: 'text', text: first.text.trimStart() };
  const last = out[out.length - 1];
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text.trimEnd() };
  return out.filter((p) => p.kind !== 'text' || p.text !== '');
}

/** The source type of a variable's first choice as written (`self`, `opt`, `file`), or null when it starts with a nested variable. */
export function sourceOf(v: VariablePart): string | null {
  const first = v.choices[0]?.[0];
  if (first?.kind !== 'text') return null;
  const m = /^([A-Za-z][A-Za-z0-9]*)/.exec(first.text);
  return m ? m[1]! : null;
}
