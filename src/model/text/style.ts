import type { Syntax } from '../yaml/parse.ts';

/** How a file is written, so that new text looks like the user's own. */
export interface Style {
  readonly syntax: Syntax;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
  /** Indentation step of block mappings (YAML) or objects (JSON, in units of `indentChar`). */
  readonly indent: number;
  readonly indentChar: ' ' | '\t';
  /** YAML: `key:\n  - item` (true) or `key:\n- item` (false). */
  readonly seqIndent: boolean;
  /** YAML: the quote used for strings that need quoting. */
  readonly quote: "'" | '"';
  /** YAML: `!Ref X` (true) or `Ref: X` (false). */
  readonly shortForm: boolean;
  /** YAML flow collections: `{ a: 1 }` (true) or `{a: 1}` (false). */
  readonly flowPadding: boolean;
  /** Blank line between top-level resources. */
  readonly blankBetweenResources: boolean;
}

function mostCommon(counts: Map<number, number>, fallback: number): number {
  let best = fallback;
  let bestN = 0;
  for (const [k, n] of counts) if (n > bestN || (n === bestN && k < best)) [best, bestN] = [k, n];
  return best;
}

const SHORT_RE = /(?:^|[\s:[,-])!(?:Ref|Sub|GetAtt|Join|If|Select|Split|FindInMap|GetAZs|ImportValue|Base64|Cidr|Equals|And|Or|Not|Condition)\b/g;
const LONG_RE = /(?:^|[\s{,"'-])["']?(?:Ref|Fn::[A-Za-z]+)["']?\s*:/g;

/** Style is read from the start of a file: enough lines to be sure, and a bounded cost. */
const SAMPLE = 64 * 1024;

export function detectStyle(whole: string, syntax: Syntax): Style {
  const cut = whole.length > SAMPLE ? whole.indexOf('\n', SAMPLE) : -1;
  const text = cut === -1 ? whole : whole.slice(0, cut + 1);
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  const eol: Style['eol'] = crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
  const finalNewline = whole.length === 0 || whole.endsWith('\n');
  const lines = text.split(/\r?\n/);

  const steps = new Map<number, number>();
  const seq = { indented: 0, flush: 0 };
  let tabs = 0;
  let spaces = 0;
  let prevIndent = -1;
  let prevOpens = false;
  let blankBefore = 0;
  let resourcesSeen = 0;
  let inResources = false;
  let resIndent = -1;
  let lastWasBlank = false;
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (!trimmed || trimmed.startsWith('#')) {
      if (!trimmed) lastWasBlank = true;
      continue;
    }
    const lead = line.slice(0, line.length - trimmed.length);
    if (lead.includes('\t')) tabs++;
    else if (lead.length) spaces++;
    const ind = lead.length;
    if (prevOpens && ind > prevIndent) {
      steps.set(ind - prevIndent, (steps.get(ind - prevIndent) ?? 0) + 1);
    }
    if (prevOpens && trimmed.startsWith('- ')) {
      if (ind > prevIndent) seq.indented++;
      else if (ind === prevIndent) seq.flush++;
    }
    if (syntax === 'yaml') {
      if (ind === 0) {
        inResources = /^Resources\s*:/.test(trimmed);
        resIndent = -1;
      } else if (inResources) {
        if (resIndent === -1) resIndent = ind;
        if (ind === resIndent && /^[^\s#-][^:]*:/.test(trimmed)) {
          if (resourcesSeen > 0 && lastWasBlank) blankBefore++;
          resourcesSeen++;
        }
      }
    }
    const content = trimmed.replace(/\s+#.*$/, '').trimEnd();
    prevOpens = syntax === 'json' ? /[{[]$/.test(content) : /:$/.test(content) || /^- [^:]*:$/.test(content) || content === '-';
    prevIndent = ind;
    lastWasBlank = false;
  }
  const indentChar = syntax === 'json' && tabs > spaces ? '\t' : ' ';
  const indent = indentChar === '\t' ? 1 : mostCommon(steps, 2);

  const single = (text.match(/(?:^|[\s:[{,-])'/gm) ?? []).length;
  const double = (text.match(/(?:^|[\s:[{,-])"/gm) ?? []).length;
  const shortN = (text.match(SHORT_RE) ?? []).length;
  const longN = (text.match(LONG_RE) ?? []).length;
  const padded = (text.match(/[{[] \S/g) ?? []).length;
  const tight = (text.match(/[{[][^\s\]}]/g) ?? []).length;

  return {
    syntax,
    eol,
    finalNewline,
    indent: Math.max(1, Math.min(indent, 8)),
    indentChar,
    seqIndent: seq.flush > seq.indented ? false : true,
    quote: double > single ? '"' : "'",
    shortForm: syntax === 'json' ? false : shortN > 0 || longN === 0,
    flowPadding: padded > tight,
    blankBetweenResources: resourcesSeen > 1 ? blankBefore * 2 >= resourcesSeen - 1 : /\n[ \t]*\r?\n/.test(text),
  };
}
