import { isObject } from '../../value.ts';
import type { CfnValue } from '../../value.ts';
import type { Path, PathSegment } from '../types.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';

/**
 * A mapping key that parsers disagree about. `__proto__` is an ordinary key to CloudFormation
 * and to Cairn (see `setKey`), but sets the prototype in code that copies objects naively.
 * `<<` is a YAML 1.1 merge key: CloudFormation does not merge (it sees a property named `<<`),
 * Cairn keeps it as a key, and js-yaml-based tools merge, so the file means different things
 * to each. serverless.yml is read by js-yaml, where merge keys are a feature: there `<<` is a
 * warning that Cairn shows the unmerged map.
 */
export const suspiciousKey: Rule = {
  id: 'SUSPICIOUS_KEY',
  severity: 'error',
  description: 'A `__proto__` or YAML merge (`<<`) key.',
  *check(ctx: RuleContext): Iterable<Finding> {
    // Iterative, with parent links: a deep template neither overflows the stack nor copies paths.
    interface Step {
      readonly v: CfnValue;
      readonly parent: Step | null;
      readonly seg: PathSegment;
    }
    const pathOf = (step: Step, key: string): Path => {
      const out: PathSegment[] = [key];
      for (let s: Step | null = step; s && s.parent; s = s.parent) out.push(s.seg);
      return out.reverse();
    };
    const stack: Step[] = [{ v: ctx.value, parent: null, seg: '' }];
    const found: Finding[] = [];
    while (stack.length) {
      const step = stack.pop()!;
      const v = step.v;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) stack.push({ v: v[i]!, parent: step, seg: i });
        continue;
      }
      if (!isObject(v)) continue;
      for (const key of Object.keys(v)) {
        if (key === '__proto__') {
          found.push({
            path: pathOf(step, key),
            atKey: true,
            message: 'A key named __proto__: tools that copy templates into plain objects can change their prototype with it. Rename or remove it.',
          });
        } else if (key === '<<') {
          found.push(
            ctx.format === 'serverless'
              ? {
                  path: pathOf(step, key),
                  atKey: true,
                  severity: 'warning',
                  message: 'A YAML merge key (<<): the Serverless Framework merges it, but Cairn shows and edits the map without the merge. Write the merged keys out to see them on the canvas.',
                }
              : {
                  path: pathOf(step, key),
                  atKey: true,
                  message: 'A YAML merge key (<<): CloudFormation does not merge maps and reads it as a property named <<, while other YAML tools merge it. Write the keys out instead of merging them.',
                },
          );
        }
        stack.push({ v: v[key]!, parent: step, seg: key });
      }
    }
    yield* found;
  },
};
