import type { CfnValue } from '../value.ts';
import { parseText } from './parse.ts';

export type FragmentResult =
  | { readonly ok: true; readonly value: CfnValue }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly line?: number };

/**
 * Reads a value the user typed as YAML (a condition, a property the form does not cover):
 * `!Equals [!Ref Stage, prod]`, a block mapping, a scalar. CloudFormation tags, the parser's
 * limits (aliases, depth, size) and its diagnostics apply as for a whole template; lines in
 * messages are the fragment's own, from 1.
 */
export function parseValueText(text: string): FragmentResult {
  if (!text.trim()) return { ok: false, code: 'VALUE_EMPTY', message: 'Type a value.' };
  const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const lines = body.split('\n');
  const wrapped = 'value:\n' + lines.map((l) => '  ' + l).join('\n') + '\n';
  const p = parseText(wrapped);
  const error = p.diagnostics.find((d) => d.severity === 'error');
  if (error || p.blocked || !p.value || !('value' in p.value)) {
    // the wrapper adds one line above; an error at the very end belongs to the last line
    const line = error?.range ? Math.min(lines.length, Math.max(1, error.range.start.line - 1)) : undefined;
    const message = error?.message ?? 'This is not a YAML value.';
    return { ok: false, code: error?.code ?? 'VALUE_UNREADABLE', message: line ? `Line ${line}: ${message}` : message, ...(line ? { line } : {}) };
  }
  if (Object.keys(p.value).length !== 1) return { ok: false, code: 'VALUE_UNREADABLE', message: 'Type one value (indent nested lines under it).' };
  return { ok: true, value: p.value['value']! };
}
