import { closest } from '../../../diagnostics/rules/resources.ts';
import type { Finding, Rule, RuleContext } from '../../../diagnostics/rule.ts';
import { mapAt } from '../builder.ts';
import { eventEntries, SERVERLESS_EVENT_TYPES } from '../events.ts';

/** An event type the framework's AWS provider does not know (a typo, or a plugin's: then the warning can stay). */
export const unknownEvent: Rule = {
  id: 'SLS_UNKNOWN_EVENT',
  severity: 'warning',
  description: 'A function event whose type the Serverless Framework does not know (unless a plugin adds it).',
  *check(ctx: RuleContext): Iterable<Finding> {
    const provider = ctx.value['provider'];
    const name = typeof provider === 'object' && provider !== null && !Array.isArray(provider) ? provider['name'] : undefined;
    if (name !== undefined && name !== 'aws') return;
    for (const [fn, def] of Object.entries(mapAt(ctx.value, 'functions'))) {
      for (const e of eventEntries(fn, def)) {
        if (SERVERLESS_EVENT_TYPES.has(e.type)) continue;
        const near = closest(e.type, SERVERLESS_EVENT_TYPES);
        yield {
          path: e.path,
          atKey: e.body !== null,
          message: `Function ${fn} has an event of type '${e.type}', which the Serverless Framework does not know.${near ? ` Did you mean ${near}?` : ' A plugin may add it.'}`,
        };
      }
    }
  },
};
