import { isObject } from '../../value.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { isIntrinsic, resourceEntries } from './resources.ts';

/** Every resource needs a literal `Type` string: CloudFormation rejects the template otherwise. */
export const resourceMissingType: Rule = {
  id: 'RESOURCE_MISSING_TYPE',
  severity: 'error',
  description: 'A resource has no Type, or its Type is not a string.',
  *check(ctx: RuleContext): Iterable<Finding> {
    // serverless.yml may list a generated resource only to override some of its properties.
    if (ctx.format === 'serverless') return;
    for (const { id, path, value } of resourceEntries(ctx)) {
      if (!isObject(value)) {
        yield { path, atKey: true, message: `Resource ${id} has no Type: a resource must be a map with a Type.` };
        continue;
      }
      if (!Object.hasOwn(value, 'Type') || value.Type === null) {
        yield { path, atKey: true, message: `Resource ${id} has no Type.` };
        continue;
      }
      const type = value.Type;
      if (typeof type === 'string') {
        if (type.trim() === '') yield { path: [...path, 'Type'], message: `Resource ${id} has an empty Type.` };
        continue;
      }
      // A tag of a pre-processor (`{"Rain::Module": "bucket.yml"}`) is replaced before deploying.
      if (isObject(type) && !isIntrinsic(type) && Object.keys(type).length === 1 && Object.keys(type)[0]!.includes('::')) continue;
      yield {
        path: [...path, 'Type'],
        message: `Type of resource ${id} must be a literal string${isIntrinsic(type) ? ': CloudFormation does not resolve functions in Type' : ''}.`,
      };
    }
  },
};
