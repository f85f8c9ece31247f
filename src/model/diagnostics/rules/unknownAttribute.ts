import { isObject } from '../../value.ts';
import type { CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { closest, isCustomResourceType } from './resources.ts';
import { declared, describeUse, nameUses } from './references.ts';
import { samGenerated } from './samGenerated.ts';

/** Types whose `Outputs.<Name>` attributes are the outputs of another stack. */
const STACK_OUTPUTS = new Set([
  'AWS::CloudFormation::Stack',
  'AWS::Serverless::Application',
  'AWS::ServiceCatalog::CloudFormationProvisionedProduct',
]);

/**
 * `Fn::GetAtt X.Attr` (or `${X.Attr}` in `Fn::Sub`) where the specification lists no `Attr`
 * for X's type. Needs the spec; skips custom resources (any attribute their handler returns),
 * types the spec does not know (another rule), `Outputs.*` of nested stacks, attributes given
 * by a function, SAM's `Id.Property` references, and serverless.yml.
 */
export const unknownAttribute: Rule = {
  id: 'UNKNOWN_ATTRIBUTE',
  severity: 'warning',
  description: 'Fn::GetAtt asks for an attribute that the resource type does not have.',
  *check(ctx: RuleContext): Iterable<Finding> {
    const spec = ctx.spec;
    if (!spec || ctx.format !== 'cloudformation') return;
    const d = declared(ctx);
    const sam = samGenerated(ctx);
    const typeOf = (name: string): string | undefined => d.resources.get(name) ?? sam.typeOf(name);

    const check = function* (value: CfnValue | undefined, base: Path): Generator<Finding> {
      for (const u of nameUses(value, base)) {
        if (u.via !== 'getatt' && u.via !== 'sub') continue;
        if (u.attribute === undefined || u.name.includes('.')) continue;
        const type = typeOf(u.name);
        if (!type || isCustomResourceType(type)) continue;
        const info = spec.type(type);
        if (!info || info.attributes.has(u.attribute)) continue;
        if (STACK_OUTPUTS.has(type) && u.attribute.startsWith('Outputs.') && u.attribute.length > 'Outputs.'.length) continue;
        // `!GetAtt MyFunction.Alias.Name`: SAM resolves the generated alias first.
        if (sam.typeOf(`${u.name}.${u.attribute.split('.')[0]}`) !== undefined) continue;
        const names = [...info.attributes].sort();
        const near = closest(u.attribute, names);
        const list = names.length === 0
          ? `${type} has no attributes: use Ref ${u.name}.`
          : near
            ? `Did you mean ${near}?`
            : `Its attributes: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}.`;
        yield {
          path: u.path,
          message: `${describeUse(u)}: ${type} has no attribute ${u.attribute} (resource ${u.name}). ${list}`,
        };
      }
    };

    for (const section of ['Resources', 'Outputs', 'Globals']) {
      const v = ctx.value[section];
      if (isObject(v)) yield* check(v, [section]);
    }
  },
};
