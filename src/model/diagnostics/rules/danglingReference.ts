import { isObject } from '../../value.ts';
import type { CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { closest } from './resources.ts';
import { declared, describeUse, loopsOf, nameUses, namesCaveat, PSEUDO_PARAMETERS } from './references.ts';
import type { NameUse } from './references.ts';
import { samGenerated } from './samGenerated.ts';

/** The SAM property that makes `<Id>.<Property>` referenceable, for the hint on a dotted `Ref`. */
const SAM_REFERENCEABLE: Readonly<Record<string, string>> = {
  Version: 'AutoPublishAlias',
  Alias: 'AutoPublishAlias',
  DestinationTopic: 'EventInvokeConfig with an SNS destination',
  DestinationQueue: 'EventInvokeConfig with an SQS destination',
  DomainName: 'Domain',
  DomainNameV2: 'Domain',
  UsagePlan: 'Auth.UsagePlan',
  UsagePlanKey: 'Auth.UsagePlan',
  ApiKey: 'Auth.UsagePlan',
};

/**
 * A `Ref`, `Fn::GetAtt`, `Fn::Sub` variable, `DependsOn` or condition name that names nothing
 * the template declares. In a SAM template, the ids SAM generates count as declared (see
 * samGenerated.ts); under a macro or `Fn::Transform` the finding is a warning. serverless.yml
 * is skipped: the framework generates most of the stack's names.
 */
export const danglingReference: Rule = {
  id: 'DANGLING_REFERENCE',
  severity: 'error',
  description: 'A reference to a resource, parameter or condition that the template does not define.',
  *check(ctx: RuleContext): Iterable<Finding> {
    if (ctx.format !== 'cloudformation') return;
    const d = declared(ctx);
    const sam = samGenerated(ctx);
    const loops = loopsOf(ctx.value);
    const { severity, note } = namesCaveat(ctx);
    const sev = severity ? { severity } : {};
    const loopMade = (name: string): boolean => loops.outputs.some((o) => o.re.test(name));
    const moduleMade = (name: string): boolean => d.modules.some((m) => name.length > m.length && name.startsWith(m));
    const isResource = (name: string): boolean => d.resources.has(name) || sam.typeOf(name) !== undefined || loopMade(name) || moduleMade(name);
    const isValue = (name: string): boolean =>
      PSEUDO_PARAMETERS.has(name) || d.parameters.has(name) || isResource(name) || loops.identifiers.has(name);
    const suggest = (name: string, candidates: Iterable<string>): string => {
      const near = closest(name, candidates);
      return near ? ` Did you mean ${near}?` : '';
    };
    const valueNames = (): string[] => [...d.resources.keys(), ...d.parameters.keys()];

    const checkUse = (u: NameUse): Finding | null => {
      const what = describeUse(u);
      if (u.via === 'condition') {
        if (d.conditions.has(u.name)) return null;
        return {
          path: u.path,
          ...sev,
          message: `${u.fn ?? 'Condition'} names condition ${u.name}, which is not defined in Conditions.${suggest(u.name, d.conditions)} Add it to Conditions or fix the name.${note}`,
        };
      }
      const attribute = u.via === 'getatt' || (u.via === 'sub' && u.attribute !== undefined);
      if (attribute) {
        if (isResource(u.name)) return null;
        // SAM resolves `${MyFunction.Alias}` and `!GetAtt MyApi.Stage...` to the generated resource.
        if (u.attribute !== undefined && sam.typeOf(`${u.name}.${u.attribute.split('.')[0]}`) !== undefined) return null;
        if (d.parameters.has(u.name) || PSEUDO_PARAMETERS.has(u.name)) {
          return { path: u.path, ...sev, message: `${what} names parameter ${u.name}: attributes belong to resources. Use Ref ${u.name} (\${${u.name}} in Fn::Sub) for a parameter's value.${note}` };
        }
        return {
          path: u.path,
          ...sev,
          message: `${what} names ${u.name}, which is not a resource in this template.${suggest(u.name, d.resources.keys())} Add a resource named ${u.name} or fix the name.${note}`,
        };
      }
      if (isValue(u.name)) return null;
      if (u.name.startsWith('AWS::')) {
        return { path: u.path, ...sev, message: `${what}: ${u.name} is not a pseudo parameter.${suggest(u.name, PSEUDO_PARAMETERS)} The pseudo parameters are ${[...PSEUDO_PARAMETERS].join(', ')}.${note}` };
      }
      const dot = u.name.indexOf('.');
      if (u.via === 'ref' && dot > 0) {
        const base = u.name.slice(0, dot);
        const prop = u.name.slice(dot + 1);
        const type = d.resources.get(base);
        if (type !== undefined) {
          const needs = SAM_REFERENCEABLE[prop];
          const hint = type.startsWith('AWS::Serverless::') && needs
            ? `SAM defines ${u.name} only when ${base} has ${needs}.`
            : `Ref takes a logical id: for an attribute use Fn::GetAtt ${u.name}.`;
          return { path: u.path, ...sev, message: `${what}: ${base} has no ${prop} to refer to. ${hint}${note}` };
        }
      }
      const escape = u.via === 'sub' ? ` To write a literal \${${u.name}}, escape it as \${!${u.name}}.` : '';
      return {
        path: u.path,
        ...sev,
        message: `${what} names ${u.name}, which is not a resource, parameter or pseudo parameter of this template.${suggest(u.name, valueNames())} Add a resource or parameter named ${u.name} or fix the name.${escape}${note}`,
      };
    };

    const uses = function* (value: CfnValue | undefined, base: Path, inCondition = false): Generator<Finding> {
      for (const u of nameUses(value, base, inCondition)) {
        const f = checkUse(u);
        if (f) yield f;
      }
    };

    const conditionAttribute = function* (owner: string, v: CfnValue | undefined, path: Path): Generator<Finding> {
      if (typeof v !== 'string' || d.conditions.has(v)) return;
      yield {
        path,
        ...sev,
        message: `${owner} has Condition ${v}, which is not defined in Conditions.${suggest(v, d.conditions)} Add it to Conditions or fix the name.${note}`,
      };
    };

    const resources = isObject(ctx.value.Resources) ? ctx.value.Resources : {};
    for (const id of Object.keys(resources)) {
      const r = resources[id];
      const path: Path = ['Resources', id];
      if (!isObject(r) || id.startsWith('Fn::ForEach::')) {
        yield* uses(r, path);
        continue;
      }
      for (const key of Object.keys(r)) {
        const v = r[key];
        if (key === 'Condition') {
          yield* conditionAttribute(`Resource ${id}`, v, [...path, key]);
        } else if (key === 'DependsOn') {
          const list = Array.isArray(v) ? v : [v];
          for (let i = 0; i < list.length; i++) {
            const name = list[i];
            if (typeof name !== 'string' || isResource(name)) continue;
            const param = d.parameters.has(name) ? ` ${name} is a parameter; DependsOn takes resources.` : suggest(name, d.resources.keys());
            yield {
              path: Array.isArray(v) ? [...path, key, i] : [...path, key],
              ...sev,
              message: `Resource ${id} DependsOn ${name}, which is not a resource in this template.${param} Remove it or fix the name.${note}`,
            };
          }
        } else {
          yield* uses(v, [...path, key]);
        }
      }
    }

    const outputs = ctx.value.Outputs;
    if (isObject(outputs)) {
      for (const id of Object.keys(outputs)) {
        const o = outputs[id];
        if (!isObject(o)) continue;
        for (const key of Object.keys(o)) {
          if (key === 'Condition') yield* conditionAttribute(`Output ${id}`, o[key], ['Outputs', id, key]);
          else yield* uses(o[key], ['Outputs', id, key]);
        }
      }
    }

    const conditions = ctx.value.Conditions;
    if (isObject(conditions)) {
      for (const id of Object.keys(conditions)) yield* uses(conditions[id], ['Conditions', id], true);
    }
    for (const section of ['Rules', 'Globals']) {
      if (ctx.value[section] !== undefined) yield* uses(ctx.value[section], [section]);
    }
  },
};
