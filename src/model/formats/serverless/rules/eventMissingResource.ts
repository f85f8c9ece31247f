import { collectRefs } from '../../../graph/refs.ts';
import type { Finding, Rule, RuleContext } from '../../../diagnostics/rule.ts';
import { mapAt } from '../builder.ts';
import { eventEntries, sourceValue } from '../events.ts';
import { nameScope } from '../names.ts';

const SELF_RESOURCES = /\$\{self:resources\.Resources\.([A-Za-z0-9]+)/g;

/**
 * An event whose source is a `Ref`, `Fn::GetAtt`, `Fn::Sub` or `${self:resources.Resources.X}`
 * naming a logical id that is neither in `resources.Resources` nor one the framework generates
 * for a function or layer. (Names and ARNs of things outside the stack are fine: they are drawn as
 * Existing resources.)
 */
export const eventMissingResource: Rule = {
  id: 'SLS_EVENT_MISSING_RESOURCE',
  severity: 'error',
  description: 'A function event names a resource that the stack does not define.',
  *check(ctx: RuleContext): Iterable<Finding> {
    const scope = nameScope(ctx.value);
    for (const [fn, def] of Object.entries(mapAt(ctx.value, 'functions'))) {
      for (const e of eventEntries(fn, def)) {
        const src = sourceValue(e);
        if (!src) continue;
        const named = collectRefs(src.value, src.path).filter((r) => r.via !== 'import-value').map((r) => ({ id: r.target, path: r.path }));
        if (typeof src.value === 'string') for (const m of src.value.matchAll(SELF_RESOURCES)) named.push({ id: m[1]!, path: src.path });
        for (const n of named) {
          if (scope.ids.has(n.id)) continue;
          yield { path: n.path, message: `The ${e.type} event of function ${fn} names ${n.id}, which is not in resources.Resources.` };
        }
      }
    }
  },
};
