import type { UnresolvedVariable, VariableResolver } from '../model/formats/serverless/variables.ts';
import type { CfnValue } from '../model/value.ts';
import { whyUnresolved } from '../model/formats/serverless/rules/unresolvedVariable.ts';

/**
 * What a setting written with serverless.yml variables comes to for the chosen stage, shown
 * beside the written text (which stays what the field edits): `${self:service}-${sls:stage}`
 * -> `orders-prod`, and the variables that cannot be resolved here with why.
 */
export interface ResolvedHint {
  /** The value resolved as far as it can be; null when nothing in it could be. */
  readonly text: string | null;
  readonly unresolved: readonly { readonly raw: string; readonly why: string }[];
}

/** Longest resolved text shown; the rest is cut with an ellipsis (a `${self:custom}` map can be large). */
const MAX_SHOWN = 160;

function why(u: UnresolvedVariable, stage: string): string {
  if (u.reason === 'external') return 'read from AWS or a file when deployed';
  if (u.reason === 'missing' && u.source === 'env') return 'no value given: add it under Env values';
  return whyUnresolved(u, stage);
}

function shown(v: CfnValue): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
}

/** The hint for one written value, or null when it has no variables (or there is no resolver: not a serverless.yml). */
export function resolvedHint(resolver: VariableResolver | null, value: CfnValue | undefined): ResolvedHint | null {
  if (!resolver || typeof value !== 'string' || !value.includes('${')) return null;
  const r = resolver.resolve(value);
  const unresolved = r.unresolved.map((u) => ({ raw: u.raw, why: why(u, resolver.stage) }));
  if (!unresolved.length && r.value === value) return null;
  const text = unresolved.length && r.value === value ? null : shown(r.value);
  return { text, unresolved };
}

/** One line of text for a hint (an inherited value's note, a title): `→ orders-prod`, `unresolved: ${ssm:/x}`. */
export function hintLine(h: ResolvedHint): string {
  const parts = [...(h.text !== null ? [`→ ${h.text}`] : []), ...(h.unresolved.length ? [`unresolved: ${h.unresolved.map((u) => u.raw).join(', ')}`] : [])];
  return parts.join('; ');
}
