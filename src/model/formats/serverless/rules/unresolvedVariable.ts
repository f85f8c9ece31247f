import type { Path } from '../../../diagnostics/types.ts';
import type { Finding, Rule, RuleContext } from '../../../diagnostics/rule.ts';
import { isObject } from '../../../value.ts';
import type { CfnValue } from '../../../value.ts';
import { variableResolver } from '../variables.ts';
import type { UnresolvedVariable } from '../variables.ts';

/** Sources whose values are in the file or the options given: failing to resolve one is a mistake (or a missing option). */
const CHECKED = new Set(['self', 'opt', 'sls', 'param']);

/** Why a variable did not resolve for `stage`, as a clause ("it refers back to itself"); also shown by the inspector. */
export function whyUnresolved(u: UnresolvedVariable, stage: string): string {
  switch (u.reason) {
    case 'cycle':
      return 'it refers back to itself';
    case 'depth':
      return 'it goes through too many other variables';
    case 'invalid':
      return 'it is not a variable Cairn can read';
    default:
      return u.source === 'opt' ? 'no such option was given and it has no fallback' : `nothing in the file gives it a value for stage ${stage}`;
  }
}

/**
 * A `${self:...}`, `${opt:...}`, `${sls:...}` or `${param:...}` variable that does not resolve
 * for the chosen stage (ValidateOptions.variables). Variables of other sources (`ssm`, `file`,
 * `cf`, `env` without a value) need I/O or the shell: they are shown as written and not reported.
 */
export const unresolvedVariable: Rule = {
  id: 'SLS_UNRESOLVED_VARIABLE',
  severity: 'warning',
  description: 'A serverless variable (self, opt, sls, param) that does not resolve for the chosen stage.',
  *check(ctx: RuleContext): Iterable<Finding> {
    if (ctx.format !== 'serverless') return;
    const resolver = variableResolver(ctx.value, ctx.variables);
    const out: Finding[] = [];
    const walk = (v: CfnValue | undefined, path: Path): void => {
      if (typeof v === 'string') {
        if (!v.includes('${')) return;
        for (const u of resolver.resolve(v).unresolved) {
          if (u.source === null || !CHECKED.has(u.source) || u.reason === 'external') continue;
          out.push({
            path,
            // an option missing at validation time is often given at deploy time
            ...(u.source === 'opt' ? { severity: 'info' as const } : {}),
            message: `${u.raw} does not resolve for stage ${resolver.stage}: ${whyUnresolved(u, resolver.stage)}. It is shown as written.`,
          });
        }
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(ctx.value, []);
    yield* out;
  },
};
