import { isServerless } from '../formats/serverless.ts';
import { parseCached } from '../yaml/cache.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { openProblem } from './problems.ts';
import type { OpenProblem } from './problems.ts';
import { quoted } from './names.ts';

/** Top-level sections of a CloudFormation or SAM template (any one makes a file a template). */
export const TEMPLATE_SECTIONS: readonly string[] = [
  'AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings',
  'Conditions', 'Transform', 'Resources', 'Outputs', 'Globals', 'Hooks',
];

export type Classified =
  | { readonly ok: true; readonly syntax: 'yaml' | 'json'; readonly parses: true }
  /** Opened anyway: the YAML panel shows the text and the error, the canvas says it cannot draw it. */
  | { readonly ok: true; readonly syntax: 'yaml' | 'json'; readonly parses: false; readonly error: Diagnostic }
  | { readonly ok: false; readonly problem: OpenProblem };

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');

/**
 * Is this text a template Cairn can open? A template that does not parse is opened anyway
 * (with its error), since the user may be halfway through fixing it; text that parses but is
 * not a template (a list, prose, some other JSON) is refused with what it looks like instead.
 */
export function classifyTemplate(name: string, text: string): Classified {
  const parsed = parseCached(text);
  const syntax = parsed.syntax;
  if (parsed.blocked) {
    const notMapping = parsed.diagnostics.some((d) => d.code === 'TEMPLATE_NOT_A_MAPPING');
    const syntaxError = parsed.diagnostics.some((d) => d.severity === 'error' && d.code !== 'TEMPLATE_NOT_A_MAPPING');
    if (notMapping && !syntaxError) {
      return { ok: false, problem: openProblem('FILE_UNKNOWN_FORMAT', `${quoted(name)} is not a template: a template is a mapping of sections (Resources, Parameters, …), and this is ${describe(parsed.doc?.contents)}.`) };
    }
    const error = parsed.diagnostics.find((d) => d.severity === 'error')!;
    return { ok: true, syntax, parses: false, error };
  }
  const value = parsed.value ?? {};
  const keys = Object.keys(value);
  if (!keys.length) return { ok: false, problem: openProblem('FILE_EMPTY', `${quoted(name)} has no template in it (only blank lines or comments).`) };
  if (isServerless(value) || keys.some((k) => TEMPLATE_SECTIONS.includes(k))) return { ok: true, syntax, parses: true };
  const shown = keys.slice(0, 5).map(clip).join(', ') + (keys.length > 5 ? ', …' : '');
  return {
    ok: false,
    problem: openProblem(
      'FILE_UNKNOWN_FORMAT',
      `${quoted(name)} is ${syntax === 'json' ? 'JSON' : 'YAML'} but not a CloudFormation, SAM or serverless.yml template: it has none of Resources, AWSTemplateFormatVersion, Transform, Parameters, … (its keys: ${shown}).`,
    ),
  };
}

function describe(node: unknown): string {
  const n = node as { items?: unknown; value?: unknown } | null | undefined;
  if (n && Array.isArray(n.items)) return 'a list';
  if (n && typeof n.value === 'string') return 'plain text';
  return 'a single value';
}
