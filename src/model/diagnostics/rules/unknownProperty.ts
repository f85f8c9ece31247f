import { isObject } from '../../value.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { closest, isCustomResourceType, isIntrinsic, isIntrinsicKey, macroCaveat, macroTransforms, typedResources } from './resources.ts';

/** A property under `Resources.X.Properties` that the resource type does not have. */
export const unknownProperty: Rule = {
  id: 'UNKNOWN_PROPERTY',
  severity: 'error',
  description: 'A resource property that its type does not define.',
  *check(ctx: RuleContext): Iterable<Finding> {
    const spec = ctx.spec;
    if (!spec) return;
    const { severity, note } = macroCaveat(macroTransforms(ctx));
    for (const { id, path, type, resource } of typedResources(ctx)) {
      if (isCustomResourceType(type)) continue;
      const info = spec.type(type);
      const props = resource.Properties;
      if (!info || !isObject(props) || isIntrinsic(props)) continue;
      for (const key of Object.keys(props)) {
        if (info.properties.has(key) || isIntrinsicKey(key)) continue;
        const near = closest(key, info.properties.keys());
        yield {
          path: [...path, 'Properties', key],
          atKey: true,
          ...(severity && { severity }),
          message: `${type} has no property ${key} (resource ${id}).${near ? ` Did you mean ${near}?` : ''}${note}`,
        };
      }
    }
  },
};
