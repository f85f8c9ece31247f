import type { CfnObject, CfnValue } from '../value.ts';
import { defaultProperties, NODE_KINDS } from './nodeKinds.ts';

/**
 * Values for required properties that have one obvious, correct answer. Anything else stays
 * absent: a made-up ARN or name would deploy something wrong, where a missing property is
 * refused by CloudFormation before anything happens (and Cairn lists it).
 */
export const OBVIOUS: Readonly<Record<string, (id: string) => CfnObject>> = {
  // unique per stack, within the name's allowed characters ([/.\-_A-Za-z0-9]+)
  'AWS::Events::EventBus': (id) => ({ Name: { 'Fn::Sub': `\${AWS::StackName}-${id}` } }),
  'AWS::Lambda::Permission': () => ({ Action: 'lambda:InvokeFunction' }),
  'AWS::SSM::Parameter': () => ({ Type: 'String' }),
  'AWS::EC2::SecurityGroup': (id) => ({ GroupDescription: `${id} security group` }),
  // no flexible window: the schedule runs when it says
  'AWS::Scheduler::Schedule': () => ({ FlexibleTimeWindow: { Mode: 'OFF' } }),
  // signed requests only; NONE would make the function public
  'AWS::Lambda::Url': () => ({ AuthType: 'AWS_IAM' }),
};

export interface NewResourcePlan {
  readonly properties: CfnObject;
  /** Required properties given a value. */
  readonly filled: readonly string[];
  /** Required properties left for the user to set. */
  readonly missing: readonly string[];
}

/**
 * What a new resource of `type` starts with: Cairn's defaults when a palette kind writes that
 * type (a Table gets its key and billing mode), else the obvious values above; and which
 * required properties are still to be set.
 */
export function planNewResource(type: string, id: string, required: readonly string[]): NewResourcePlan {
  const kind = NODE_KINDS.find((k) => k.writes === type);
  const properties: Record<string, CfnValue> = { ...((kind && defaultProperties(kind.kind, id)) ?? OBVIOUS[type]?.(id) ?? {}) };
  const has = (p: string) => Object.hasOwn(properties, p);
  return { properties, filled: required.filter(has), missing: required.filter((p) => !has(p)) };
}
