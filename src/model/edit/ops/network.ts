import type { Path } from '../../diagnostics/types.ts';
import { defaultProperties, kindOfType, kindPhrase } from '../../catalog/nodeKinds.ts';
import {
  DB_SUBNET_GROUP,
  IAM_ROLE,
  Networks,
  SECURITY_GROUP,
  SUBNET,
  VPC,
  VPC_ACCESS_POLICY_ARN,
  dbSecurityGroupProperties,
  dbSubnetGroupProperties,
  enginePort,
  freeName,
  isCairnDbSecurityGroup,
  isCairnSubnetGroup,
  isVpcAccessPolicy,
  lambdaSecurityGroupProperties,
  placementOf,
  planSubnetCidrs,
  privateSubnetProperties,
  subnetCidr,
} from '../../catalog/network.ts';
import { buildGraph } from '../../graph/build.ts';
import { collectRefs } from '../../graph/refs.ts';
import { isObject, valueEquals } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import { EditError } from '../cst.ts';
import type { EditSession } from '../session.ts';
import { resourceMap, setAt } from './common.ts';
import { addResource } from './resources.ts';
import { removeResource } from './remove.ts';
import { appendToList, deletePaths } from './wires.ts';

/**
 * Virtual Networks (PRODUCT.md): `addNetwork` writes a VPC with what makes it usable (two
 * private subnets in two zones, the functions' security group); `placeInNetwork` puts a function
 * (`VpcConfig`) or a database (a DB subnet group and its own security group) in a network's
 * private subnets, adding them when the network has none; `removeFromNetwork` takes out exactly
 * what placing wrote. The knowledge of what is written lives in catalog/network.ts.
 */

const PLACEABLE = 'Only functions and databases can sit in a Virtual Network';

function ref(id: string): CfnObject {
  return { Ref: id };
}

function checkNetwork(s: EditSession, network: string): Networks {
  resourceMap(s, network);
  const n = new Networks(s.value);
  if (n.type(network) !== VPC) {
    throw new EditError('NETWORK_NOT_A_NETWORK', `'${network}' is ${n.type(network) || 'not typed'}, not a Virtual Network (AWS::EC2::VPC).`, ['Resources', network]);
  }
  return n;
}

export function addNetwork(s: EditSession, id: string, properties?: CfnObject): void {
  addResource(s, id, VPC, properties ?? defaultProperties('virtual-network', id));
  privateSubnets(s, id);
  lambdaSecurityGroup(s, id);
}

/** The network's private subnets; two new ones (two zones) when it has none. */
function privateSubnets(s: EditSession, network: string): string[] {
  const n = new Networks(s.value);
  const have = n.privateSubnets(network);
  if (have.length) return have;
  const plan = planSubnetCidrs(n, network, 2);
  if (!plan.ok) throw new EditError('NETWORK_NO_ROOM', plan.reason, ['Resources', network]);
  const taken = n.taken();
  const ids: string[] = [];
  plan.indexes.forEach((index, az) => {
    const id = freeName(`${network}PrivateSubnet`, taken, true);
    taken.add(id);
    addResource(s, id, SUBNET, privateSubnetProperties(network, az, subnetCidr(network, index, plan.count, plan.bits)));
    ids.push(id);
  });
  return ids;
}

/** The functions' security group of the network, added when it has none. */
function lambdaSecurityGroup(s: EditSession, network: string): string {
  const n = new Networks(s.value);
  const have = n.lambdaSecurityGroup(network);
  if (have) return have;
  const id = freeName(`${network}LambdaSecurityGroup`, n.taken());
  addResource(s, id, SECURITY_GROUP, lambdaSecurityGroupProperties(network));
  return id;
}

/** The network the graph draws `id` in (the canvas shows the same). */
function networkOf(s: EditSession, id: string): string | undefined {
  return buildGraph(s.value).nodes.find((x) => x.id === id)?.parent;
}

function placement(s: EditSession, id: string): 'function' | 'database' {
  resourceMap(s, id);
  const type = new Networks(s.value).type(id);
  const how = placementOf(type);
  if (!how) throw new EditError('NETWORK_NOT_PLACEABLE', `${PLACEABLE}; '${id}' is ${kindPhrase(kindOfType(type))} (${type || 'no type'}).`, ['Resources', id]);
  return how;
}

/** Is the function a Lambda@Edge function (named, often as `!Ref Fn.Version`, in a CloudFront distribution's LambdaFunctionAssociations)? */
function isEdgeFunction(n: Networks, fn: string): boolean {
  const walk = (v: CfnValue | undefined): boolean => {
    if (Array.isArray(v)) return v.some(walk);
    if (!isObject(v)) return false;
    return Object.entries(v).some(([k, x]) => (k === 'LambdaFunctionAssociations' ? collectRefs(x, []).some((r) => r.target === fn || r.target.startsWith(`${fn}.`)) : walk(x)));
  };
  return Object.keys(n.resources).some((id) => n.type(id) === 'AWS::CloudFront::Distribution' && walk(n.props(id)));
}

export function placeInNetwork(s: EditSession, resource: string, network: string): void {
  const how = placement(s, resource);
  const n = checkNetwork(s, network);
  if (how === 'function' && isEdgeFunction(n, resource)) {
    throw new EditError('NETWORK_NOT_PLACEABLE', `'${resource}' runs at CloudFront edge locations (Lambda@Edge), which cannot reach a VPC.`, ['Resources', resource]);
  }
  if (how === 'database' && n.type(resource) === 'AWS::RDS::DBInstance' && n.props(resource)['DBClusterIdentifier'] !== undefined) {
    const cluster = n.target(n.props(resource)['DBClusterIdentifier']);
    throw new EditError('NETWORK_PLACE_CLUSTER', `'${resource}' is an instance of a cluster: place ${cluster ? `'${cluster}'` : 'its cluster'} in the network instead.`, ['Resources', resource, 'Properties', 'DBClusterIdentifier']);
  }
  if (networkOf(s, resource) === network) return; // already there: nothing to write
  if (how === 'function') placeFunction(s, resource, network);
  else placeDatabase(s, resource, network);
}

// ---------------------------------------------------------------------------------------------
// Functions

function vpcConfigPath(fn: string): Path {
  return ['Resources', fn, 'Properties', 'VpcConfig'];
}

function placeFunction(s: EditSession, fn: string, network: string): void {
  const subnets = privateSubnets(s, network);
  const group = lambdaSecurityGroup(s, network);
  const want: CfnObject = { SecurityGroupIds: [ref(group)], SubnetIds: subnets.map(ref) };
  const n = new Networks(s.value);
  const base = vpcConfigPath(fn);
  const cfg = n.props(fn)['VpcConfig'];
  if (cfg === undefined || cfg === null) setAt(s, base, want);
  else if (isObject(cfg) && !Object.keys(cfg).some((k) => k === 'Ref' || k.startsWith('Fn::'))) {
    for (const key of ['SecurityGroupIds', 'SubnetIds']) {
      if (!valueEquals(cfg[key], want[key])) setAt(s, [...base, key], want[key]!);
    }
  } else {
    throw new EditError('NETWORK_VPC_CONFIG_UNREADABLE', `The VpcConfig of '${fn}' is computed (an intrinsic function); change it in the YAML view.`, base);
  }
  grantVpcAccess(s, fn);
}

/**
 * The role a function names (`Role: !GetAtt R.Arn`), if it is one of the template's. A SAM
 * function without `Role` gets one from the transform, with the VPC access policy when it has
 * a VpcConfig; a function that names its own role (SAM or not) does not.
 */
function roleOf(n: Networks, fn: string): string | undefined {
  const role = n.target(n.props(fn)['Role']);
  return role && n.type(role) === IAM_ROLE ? role : undefined;
}

/** SAM adds the VPC access policy to the roles it makes; a role in the template gets it here. */
function grantVpcAccess(s: EditSession, fn: string): void {
  const n = new Networks(s.value);
  const role = roleOf(n, fn);
  if (!role) return; // a role outside the template: LAMBDA_VPC_PERMISSIONS says what it needs
  const arns = n.props(role)['ManagedPolicyArns'];
  if (arns !== undefined && !Array.isArray(arns)) return; // computed: the rule reports it if it lacks the policy
  if (Array.isArray(arns) && arns.some(isVpcAccessPolicy)) return;
  appendToList(s, ['Resources', role, 'Properties', 'ManagedPolicyArns'], [VPC_ACCESS_POLICY_ARN]);
}

/** Takes the policy back when Cairn's form of it is there and no other function of the role is in a VPC. */
function revokeVpcAccess(s: EditSession, fn: string): void {
  const n = new Networks(s.value);
  const role = roleOf(n, fn);
  if (!role) return;
  const arns = n.props(role)['ManagedPolicyArns'];
  if (!Array.isArray(arns)) return;
  const others = Object.keys(n.resources).some((id) => id !== fn && placementOf(n.type(id)) === 'function' && roleOf(n, id) === role && n.props(id)['VpcConfig'] !== undefined);
  if (others) return;
  const paths: Path[] = [];
  arns.forEach((a, i) => {
    if (a === VPC_ACCESS_POLICY_ARN) paths.push(['Resources', role, 'Properties', 'ManagedPolicyArns', i]);
  });
  deletePaths(s, paths);
}

// ---------------------------------------------------------------------------------------------
// Databases

/** Cairn-made pieces a database uses now: its subnet group and security groups. */
function cairnPieces(n: Networks, db: string): string[] {
  const props = n.props(db);
  const out: string[] = [];
  const group = n.target(props['DBSubnetGroupName']);
  if (group && n.type(group) === DB_SUBNET_GROUP && isCairnSubnetGroup(n.props(group))) out.push(group);
  const sgs = props['VpcSecurityGroupIds'];
  if (Array.isArray(sgs)) {
    for (const x of sgs) {
      const sg = n.target(x);
      if (sg && n.type(sg) === SECURITY_GROUP && isCairnDbSecurityGroup(n.props(sg))) out.push(sg);
    }
  }
  return out;
}

/** Removes the pieces nothing mentions any more. */
function dropUnused(s: EditSession, pieces: readonly string[]): void {
  const n = new Networks(s.value);
  deletePaths(
    s,
    pieces.filter((id) => n.has(id) && n.usedBy(id).length === 0).map((id) => ['Resources', id]),
  );
}

function placeDatabase(s: EditSession, db: string, network: string): void {
  const before = cairnPieces(new Networks(s.value), db);
  const subnets = privateSubnets(s, network);
  const lambdaGroup = lambdaSecurityGroup(s, network);
  let n = new Networks(s.value);
  let group = n.subnetGroupOver(subnets);
  if (!group) {
    group = freeName(`${network}DBSubnetGroup`, n.taken());
    addResource(s, group, DB_SUBNET_GROUP, dbSubnetGroupProperties(network, subnets));
    n = new Networks(s.value);
  }
  const props = n.props(db);
  const sgProps = dbSecurityGroupProperties(db, network, lambdaGroup, enginePort(props['Engine'], props['Port']));
  // moving between networks: the database's own group is rewritten in place, keeping its name
  let sg = before.find((id) => n.type(id) === SECURITY_GROUP && n.usedBy(id, [db]).length === 0);
  if (sg) setAt(s, ['Resources', sg, 'Properties'], sgProps);
  else addResource(s, (sg = freeName(`${db}SecurityGroup`, n.taken())), SECURITY_GROUP, sgProps);
  const base: Path = ['Resources', db, 'Properties'];
  if (!valueEquals(props['DBSubnetGroupName'], ref(group))) setAt(s, [...base, 'DBSubnetGroupName'], ref(group));
  if (!valueEquals(props['VpcSecurityGroupIds'], [ref(sg)])) setAt(s, [...base, 'VpcSecurityGroupIds'], [ref(sg)]);
  dropUnused(s, before);
}

function removeDatabase(s: EditSession, db: string, network: string): void {
  const n = new Networks(s.value);
  const pieces = cairnPieces(n, db);
  const base: Path = ['Resources', db, 'Properties'];
  const paths: Path[] = [[...base, 'DBSubnetGroupName']];
  // security groups of the network it leaves would not fit the default network
  const sgs = n.refList(n.props(db)['VpcSecurityGroupIds']);
  if (sgs && sgs.every((sg) => n.type(sg) === SECURITY_GROUP && n.target(n.props(sg)['VpcId']) === network)) paths.push([...base, 'VpcSecurityGroupIds']);
  deletePaths(s, paths);
  dropUnused(s, pieces);
}

// ---------------------------------------------------------------------------------------------

export function removeFromNetwork(s: EditSession, resource: string): void {
  const how = placement(s, resource);
  const network = networkOf(s, resource);
  const n = new Networks(s.value);
  const own = n.props(resource)['VpcConfig'];
  if (!network) {
    throw new EditError('NETWORK_NOT_PLACED', `'${resource}' is not in a Virtual Network.`, ['Resources', resource]);
  }
  if (how === 'database') return removeDatabase(s, resource, network);
  if (own === undefined) {
    throw new EditError('NETWORK_FROM_GLOBALS', `'${resource}' is in '${network}' through Globals.Function.VpcConfig; change that in the YAML view.`, ['Globals', 'Function', 'VpcConfig']);
  }
  const base = vpcConfigPath(resource);
  deletePaths(s, [
    [...base, 'SecurityGroupIds'],
    [...base, 'SubnetIds'],
  ]);
  revokeVpcAccess(s, resource);
}

/**
 * Deletes a network with what is in it: the functions and databases placed in it are taken out
 * (and stay), its own parts (subnets, security groups, ...) are removed with it.
 */
export function removeNetwork(s: EditSession, network: string): void {
  checkNetwork(s, network);
  const children = buildGraph(s.value).nodes.filter((n) => n.parent === network && !n.part);
  for (const c of children) {
    const n = new Networks(s.value);
    const how = placementOf(n.type(c.id));
    // (a function in it through Globals.Function.VpcConfig is left as it is)
    if (!how || (how === 'function' && n.props(c.id)['VpcConfig'] === undefined)) continue;
    removeFromNetwork(s, c.id);
  }
  for (const part of buildGraph(s.value).nodes.filter((n) => n.parent === network && n.part)) {
    if (new Networks(s.value).has(part.id)) removeResource(s, part.id);
  }
  removeResource(s, network);
}
