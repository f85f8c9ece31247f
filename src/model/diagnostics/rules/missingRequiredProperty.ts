import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { isIntrinsic, isIntrinsicKey, macroCaveat, macroTransforms, typedResources } from './resources.ts';

/** SAM types whose properties can come from the template's `Globals.<Section>`. */
const GLOBALS_SECTION: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
  'AWS::Serverless::WebSocketApi': 'WebSocketApi',
  'AWS::Serverless::CapacityProvider': 'CapacityProvider',
};

/** Where a SAM function's code can come from: one of these is needed. */
const SAM_CODE = ['CodeUri', 'InlineCode', 'ImageUri'] as const;

/** Properties the resource's `Globals` section gives it, less those its `IgnoreGlobals` drops. */
function globalsFor(ctx: RuleContext, type: string, resource: CfnObject): (name: string) => boolean {
  const section = GLOBALS_SECTION[type];
  const globals = ctx.value.Globals;
  if (!section || !isObject(globals)) return () => false;
  const g = globals[section];
  if (!isObject(g) || isIntrinsic(g)) return () => false;
  const ignore: CfnValue | undefined = resource.IgnoreGlobals;
  if (ignore === '*') return () => false;
  const ignored = new Set(Array.isArray(ignore) ? ignore.filter((x): x is string => typeof x === 'string') : typeof ignore === 'string' ? [ignore] : []);
  return (name) => Object.hasOwn(g, name) && !ignored.has(name);
}

/** The SAM CLI builds a container image function from its `Metadata` (Dockerfile, DockerContext). */
function builtImage(resource: CfnObject): boolean {
  const m = resource.Metadata;
  return isObject(m) && (Object.hasOwn(m, 'Dockerfile') || Object.hasOwn(m, 'DockerContext'));
}

/**
 * A required property is absent. SAM `Globals` count as present; a `Properties` map computed
 * by a function, or holding `Fn::Transform` / `Fn::ForEach` keys that may add properties, is
 * skipped. `Custom::*` resources need `ServiceToken` like AWS::CloudFormation::CustomResource.
 */
export const missingRequiredProperty: Rule = {
  id: 'MISSING_REQUIRED_PROPERTY',
  severity: 'error',
  description: 'A resource lacks a property its type requires.',
  *check(ctx: RuleContext): Iterable<Finding> {
    const spec = ctx.spec;
    // serverless.yml may list a generated resource only to override some of its properties.
    if (!spec || ctx.format === 'serverless') return;
    const { severity, note } = macroCaveat(macroTransforms(ctx));
    for (const { id, path, type, resource } of typedResources(ctx)) {
      const info = spec.type(type.startsWith('Custom::') ? 'AWS::CloudFormation::CustomResource' : type);
      if (!info) continue;
      const props = resource.Properties;
      if (props !== undefined && props !== null && (!isObject(props) || isIntrinsic(props))) continue;
      const present: CfnObject = isObject(props) ? props : {};
      if (Object.keys(present).some(isIntrinsicKey)) continue;
      const fromGlobals = globalsFor(ctx, type, resource);
      const has = (name: string) => Object.hasOwn(present, name) || fromGlobals(name);
      const at = isObject(props) ? [...path, 'Properties'] : path;
      const missing = [...info.properties].filter(([name, p]) => p.required && !has(name)).map(([name]) => name);
      for (const name of missing) {
        yield { path: at, atKey: true, ...(severity && { severity }), message: `${type} ${id} is missing required property ${name}.${note}` };
      }
      if (type === 'AWS::Serverless::Function' && !SAM_CODE.some(has) && !builtImage(resource)) {
        yield {
          path: at,
          atKey: true,
          severity: 'warning',
          message: `AWS::Serverless::Function ${id} has no CodeUri, InlineCode or ImageUri: the SAM transform rejects it unless a packaging step (sam build, sam package) fills in the code.`,
        };
      }
    }
  },
};
