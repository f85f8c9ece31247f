import { isMap, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/types.ts';
import { LineIndex } from '../text/lines.ts';
import { detectStyle } from '../text/style.ts';
import type { Style } from '../text/style.ts';
import { AliasLimitError, toValue } from '../value.ts';
import type { CfnObject } from '../value.ts';
import { CFN_TAGS } from './tags.ts';
import { estimateNesting, MAX_ALIAS_DEREFS, MAX_NESTING, MAX_TEMPLATE_BYTES } from './limits.ts';

/** `*name` where YAML can read an alias: after a space, a flow indicator or a line start. */
const ALIAS_TOKEN = /(?:^|[\s[{,])\*[^\s,\]}]/gm;

export type Syntax = 'yaml' | 'json';

/** One template text, parsed. `value` is null when the text cannot be read safely. */
export interface ParsedText {
  readonly text: string;
  readonly syntax: Syntax;
  readonly doc: Document.Parsed | null;
  readonly value: CfnObject | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly lines: LineIndex;
  /** True when the text has YAML errors or hit a safety limit: it must never be rewritten. */
  readonly blocked: boolean;
}

/** The parts of a parse that a local re-parse may take over (see incremental.ts). */
export interface ParseState {
  readonly doc: Document.Parsed | null;
  readonly value: CfnObject | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly blocked: boolean;
  /** The tree has anchors or aliases (an edit in one place may show in another). */
  readonly anchors: boolean;
}

/**
 * A parse that can hand its tree over to the parse of an edited text (which then patches it
 * in place instead of parsing everything again). Once handed over, this object quietly parses
 * its own text again if anyone still reads it.
 */
export class Parsed implements ParsedText {
  readonly lines: LineIndex;
  readonly syntax: Syntax;
  private state: ParseState | null;
  private styleCache: Style | undefined;

  constructor(
    readonly text: string,
    state?: ParseState,
    /** The style of the text this one was edited from: our own edits keep the file's style. */
    style?: Style,
  ) {
    this.lines = new LineIndex(text);
    this.syntax = detectSyntax(text);
    this.state = state ?? parseState(text, this.lines, this.syntax);
    this.styleCache = style;
  }

  /** How the file is written (indentation, quotes, short or long intrinsics, line endings). */
  get style(): Style {
    return (this.styleCache ??= detectStyle(this.text, this.syntax));
  }

  private get current(): ParseState {
    return (this.state ??= parseState(this.text, this.lines, this.syntax));
  }
  get doc() {
    return this.current.doc;
  }
  get value() {
    return this.current.value;
  }
  get diagnostics() {
    return this.current.diagnostics;
  }
  get blocked() {
    return this.current.blocked;
  }
  get anchors() {
    return this.current.anchors;
  }

  /** Gives the tree away to be patched for another text. */
  handOver(): ParseState {
    const s = this.current;
    this.state = null;
    return s;
  }
}

export function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_TEMPLATE_BYTES) return text.length; // cannot exceed; exact size not needed
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function detectSyntax(text: string): Syntax {
  const m = /^\uFEFF?\s*(\S)/.exec(text);
  return m && m[1] === '{' ? 'json' : 'yaml';
}

const ERROR_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'YAML_DUPLICATE_KEY',
  MULTIPLE_DOCS: 'YAML_MULTIPLE_DOCUMENTS',
};

export function parseText(text: string): Parsed {
  return new Parsed(text);
}

function parseState(text: string, lines: LineIndex, syntax: Syntax): ParseState {
  void syntax;
  const refuse = (code: string, message: string): ParseState => ({
    doc: null,
    value: null,
    blocked: true,
    anchors: false,
    diagnostics: [{ code, severity: 'error', message, path: [], range: lines.range(0, 0) }],
  });

  const bytes = utf8Length(text);
  if (bytes > MAX_TEMPLATE_BYTES) {
    return refuse('TEMPLATE_TOO_LARGE', `The template is ${bytes} bytes; CloudFormation accepts at most ${MAX_TEMPLATE_BYTES} bytes.`);
  }
  // Counting alias tokens first keeps a flood of aliases from reaching the composer at all.
  const aliases = text.match(ALIAS_TOKEN)?.length ?? 0;
  if (aliases > MAX_ALIAS_DEREFS) {
    return refuse('YAML_ALIAS_LIMIT', `The YAML has ${aliases} aliases; at most ${MAX_ALIAS_DEREFS} are read (a possible alias bomb).`);
  }
  const depth = estimateNesting(text);
  if (depth > MAX_NESTING) {
    return refuse('YAML_TOO_DEEP', `The template nests more than ${MAX_NESTING} levels deep.`);
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: [...CFN_TAGS], prettyErrors: false, keepSourceTokens: false });
  } catch (e) {
    return refuse('YAML_UNREADABLE', `The YAML parser gave up: ${(e as Error).message}`);
  }

  const diagnostics: Diagnostic[] = [];
  const toDiag = (e: YAMLError, severity: 'error' | 'warning'): Diagnostic => ({
    code: ERROR_CODES[e.code] ?? (severity === 'error' ? 'YAML_SYNTAX' : 'YAML_WARNING'),
    severity,
    message: e.message.split('\n')[0]!,
    path: [],
    range: lines.range(e.pos[0], e.pos[1]),
  });
  for (const e of doc.errors) diagnostics.push(toDiag(e, 'error'));
  for (const w of doc.warnings) {
    // Unknown tags are kept byte-for-byte; CloudFormation itself decides whether it knows them.
    if (w.code === 'TAG_RESOLVE_FAILED') continue;
    diagnostics.push(toDiag(w, 'warning'));
  }

  let value: CfnObject | null = null;
  const stats = { anchors: false };
  let blocked = doc.errors.length > 0;
  if (doc.contents !== null && !isMap(doc.contents)) {
    diagnostics.push({
      code: 'TEMPLATE_NOT_A_MAPPING',
      severity: 'error',
      message: 'A template must be a mapping of sections (Resources, Parameters, ...).',
      path: [],
      range: lines.range(0, 0),
    });
    blocked = true;
  } else {
    try {
      const v = toValue(doc, doc.contents, stats);
      value = v === null ? {} : (v as CfnObject);
    } catch (e) {
      if (!(e instanceof AliasLimitError) && !(e instanceof RangeError)) throw e;
      const code = e instanceof AliasLimitError ? 'YAML_ALIAS_LIMIT' : 'YAML_TOO_DEEP';
      diagnostics.push({
        code,
        severity: 'error',
        message: e instanceof AliasLimitError ? 'The YAML expands too many aliases (a possible alias bomb).' : 'The template nests too deeply.',
        path: [],
        range: lines.range(0, 0),
      });
      blocked = true;
    }
  }
  return { doc, value: blocked ? null : value, diagnostics, blocked, anchors: stats.anchors };
}
