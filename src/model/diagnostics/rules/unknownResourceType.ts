import type { Finding, Rule, RuleContext } from '../rule.ts';
import type { ResourceSpec } from '../../spec/types.ts';
import {
  closest,
  hasVariables,
  isCustomResourceType,
  isFileReference,
  isModuleType,
  macroCaveat,
  macroTransforms,
  typedResources,
} from './resources.ts';

const SHAPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

const suggestions = new WeakMap<ResourceSpec, Map<string, string | null>>();

function suggest(spec: ResourceSpec, type: string): string | null {
  let cache = suggestions.get(spec);
  if (!cache) suggestions.set(spec, (cache = new Map()));
  let s = cache.get(type);
  if (s === undefined) {
    s = closest(type, spec.typeNames());
    cache.set(type, s);
  }
  return s;
}

/**
 * A `Type` that is not a CloudFormation resource type. Types outside `AWS::` (and Alexa's) may
 * be third-party extensions activated in the account's registry, so they only warn.
 */
export const unknownResourceType: Rule = {
  id: 'UNKNOWN_RESOURCE_TYPE',
  severity: 'error',
  description: 'A resource Type that CloudFormation does not know.',
  *check(ctx: RuleContext): Iterable<Finding> {
    const spec = ctx.spec;
    if (!spec) return;
    const { severity, note } = macroCaveat(macroTransforms(ctx));
    for (const { id, path, type } of typedResources(ctx)) {
      if (spec.type(type) || isCustomResourceType(type) || isModuleType(type)) continue;
      if (isFileReference(type) || hasVariables(ctx, type)) continue;
      const near = suggest(spec, type);
      const hint = near ? ` Did you mean ${near}?` : '';
      const at = [...path, 'Type'];
      if (!SHAPE.test(type)) {
        yield {
          path: at,
          ...(severity && { severity }),
          message: `Resource ${id} has Type "${type}", which is not a resource type (expected Service::Product::Resource, like AWS::S3::Bucket).${hint}${note}`,
        };
      } else if (type.startsWith('AWS::') || near) {
        yield { path: at, ...(severity && { severity }), message: `Unknown resource type ${type} (resource ${id}).${hint}${note}` };
      } else {
        yield {
          path: at,
          severity: 'warning',
          message: `Resource type ${type} (resource ${id}) is not a built-in type: it deploys only if it is registered in the account's CloudFormation registry.`,
        };
      }
    }
  },
};
