import { isVpcAccessPolicy } from '../../catalog/network.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { allows, items, policyStatements } from './iam.ts';
import { isIntrinsic, typedResources } from './resources.ts';

const FUNCTIONS = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
/** Actions that let Lambda create the function's network interfaces. */
const ENI_ACTIONS = new Set(['*', 'ec2:*', 'ec2:create*', 'ec2:createnetworkinterface']);

function target(v: CfnValue | undefined): string | undefined {
  if (!isObject(v)) return undefined;
  if (typeof v.Ref === 'string') return v.Ref;
  const g = v['Fn::GetAtt'];
  if (Array.isArray(g) && typeof g[0] === 'string') return g[0];
  return typeof g === 'string' ? g.split('.')[0] : undefined;
}

function grantsEni(statement: CfnObject): boolean {
  if (!allows(statement)) return false;
  for (const a of items(statement.Action, [])) if (typeof a.value === 'string' && ENI_ACTIONS.has(a.value.toLowerCase())) return true;
  return false;
}

/**
 * A Lambda function in a VPC creates network interfaces there, which its role must allow
 * (`AWSLambdaVPCAccessExecutionRole`). SAM adds that policy to the role it generates, but not to
 * a role the function names itself. Warned when the named role is in the template and grants
 * nothing of the kind; noted (info) when the role is outside the template, where Cairn cannot see.
 */
export const lambdaVpcPermissions: Rule = {
  id: 'LAMBDA_VPC_PERMISSIONS',
  severity: 'warning',
  description: "A function in a VPC whose role does not allow creating its network interfaces (AWSLambdaVPCAccessExecutionRole).",
  *check(ctx: RuleContext): Iterable<Finding> {
    if (ctx.format !== 'cloudformation') return;
    const all = [...typedResources(ctx)];
    const byId = new Map(all.map((r) => [r.id, r]));
    const statements = [...policyStatements(ctx)];
    for (const fn of all) {
      if (!FUNCTIONS.has(fn.type)) continue;
      const props = fn.resource.Properties;
      if (!isObject(props) || !isObject(props.VpcConfig) || isIntrinsic(props.VpcConfig) || props.Role === undefined) continue;
      const at = [...fn.path, 'Properties', 'VpcConfig'];
      const roleId = target(props.Role);
      const role = roleId ? byId.get(roleId) : undefined;
      if (!role || role.type !== 'AWS::IAM::Role') {
        if (!roleId) {
          yield { path: at, atKey: true, severity: 'info', message: `${fn.id} runs in a VPC with a role from outside the template: that role needs AWSLambdaVPCAccessExecutionRole (or ec2:CreateNetworkInterface, DescribeNetworkInterfaces and DeleteNetworkInterface).` };
        }
        continue;
      }
      const rp = isObject(role.resource.Properties) ? role.resource.Properties : {};
      const arns = rp.ManagedPolicyArns;
      const arnList = [...items(arns, [])].map((a) => a.value);
      if (arnList.some(isVpcAccessPolicy)) continue;
      // a managed policy named by parameter (or otherwise computed) may well be the one
      if (arnList.some((a) => typeof a !== 'string' && !(isObject(a) && byId.get(target(a) ?? '')?.type === 'AWS::IAM::ManagedPolicy'))) continue;
      const managed = new Set(arnList.map((a) => target(a)).filter((x): x is string => Boolean(x)));
      const attached = (s: (typeof statements)[number]) => {
        if (s.resourceId === role.id) return true;
        if (!s.resourceId) return false;
        if (managed.has(s.resourceId)) return true;
        const p = byId.get(s.resourceId)?.resource.Properties;
        return isObject(p) && [...items(p.Roles, [])].some((r) => target(r.value) === role.id);
      };
      if (statements.some((s) => s.kind === 'identity' && attached(s) && grantsEni(s.statement))) continue;
      yield {
        path: at,
        atKey: true,
        message: `${fn.id} runs in a VPC, but its role ${role.id} does not allow creating network interfaces, so the function cannot start there. Add arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole to the ManagedPolicyArns of ${role.id}.`,
      };
    }
  },
};
