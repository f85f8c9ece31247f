import type { Diagnostic } from './types.ts';
import type { Rule, RuleContext } from './rule.ts';

/** Runs rules and turns their findings into diagnostics; a crashing rule becomes a diagnostic too. */
export function runRules(rules: readonly Rule[], ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      for (const f of rule.check(ctx)) {
        out.push({
          code: rule.id,
          severity: f.severity ?? rule.severity,
          message: f.message,
          path: f.path,
          range: ctx.locate(f.path, f.atKey),
        });
      }
    } catch (e) {
      out.push({ code: 'RULE_FAILED', severity: 'warning', message: `Rule ${rule.id} failed: ${(e as Error).message}`, path: [], range: null });
    }
  }
  return out;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Sorts by position, then severity; diagnostics without a position come first. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1) || ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code),
  );
}
