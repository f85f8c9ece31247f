import { collectRefs } from '../graph/refs.ts';
import { isObject } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';

/**
 * What a Virtual Network is made of and what placing a node in it writes (PRODUCT.md, "Virtual
 * Network"): the value-level knowledge behind the `addNetwork`, `placeInNetwork` and
 * `removeFromNetwork` ops (edit/ops/network.ts), which turn it into text. See docs/model.md.
 */

export const VPC = 'AWS::EC2::VPC';
export const SUBNET = 'AWS::EC2::Subnet';
export const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
export const DB_SUBNET_GROUP = 'AWS::RDS::DBSubnetGroup';
export const IAM_ROLE = 'AWS::IAM::Role';

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
const DATABASE_TYPES = new Set(['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance']);

/** How a resource of `type` sits in a network, or null when it cannot. */
export function placementOf(type: string): 'function' | 'database' | null {
  if (FUNCTION_TYPES.has(type)) return 'function';
  if (DATABASE_TYPES.has(type)) return 'database';
  return null;
}

/**
 * The managed policy a Lambda function's role needs to create its network interfaces in a VPC.
 * SAM adds it to the role it generates for a function with `VpcConfig` (see the golden
 * expansions in ../shared/data/sam/translator-output, e.g. globals_for_function.json); a plain
 * `AWS::Lambda::Function` gets it from `placeInNetwork` when its role is in the template.
 */
export const VPC_ACCESS_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole';

/** Does a `ManagedPolicyArns` entry name the VPC access policy (literal, or `!Sub` with the partition)? */
export function isVpcAccessPolicy(v: CfnValue | undefined): boolean {
  const s = typeof v === 'string' ? v : isObject(v) && typeof v['Fn::Sub'] === 'string' ? v['Fn::Sub'] : null;
  return s !== null && /:iam::aws:policy\/service-role\/AWSLambdaVPCAccessExecutionRole$/.test(s);
}

/** Default ports of the RDS engines, for the database's security group. */
export function enginePort(engine: CfnValue | undefined, port: CfnValue | undefined): number | null {
  const explicit = typeof port === 'number' ? port : typeof port === 'string' && /^\d{1,5}$/.test(port) ? Number(port) : null;
  if (explicit !== null && explicit > 0 && explicit < 65536) return explicit;
  if (typeof engine !== 'string') return null;
  const e = engine.toLowerCase();
  if (e.includes('postgres')) return 5432;
  if (e.startsWith('aurora') || e.includes('mysql') || e.includes('mariadb')) return 3306;
  if (e.startsWith('sqlserver')) return 1433;
  if (e.startsWith('oracle')) return 1521;
  if (e.startsWith('db2')) return 50000;
  return null;
}

// ---------------------------------------------------------------------------------------------
// What Cairn writes

/** `!Select [i, !Cidr [!GetAtt Net.CidrBlock, count, bits]]`: the i-th block of the network's range. */
export function subnetCidr(network: string, index: number, count: number, bits: number): CfnValue {
  return { 'Fn::Select': [index, { 'Fn::Cidr': [{ 'Fn::GetAtt': [network, 'CidrBlock'] }, count, bits] }] };
}

export function privateSubnetProperties(network: string, az: number, cidr: CfnValue): CfnObject {
  return {
    VpcId: { Ref: network },
    CidrBlock: cidr,
    AvailabilityZone: { 'Fn::Select': [az, { 'Fn::GetAZs': '' }] },
  };
}

/** The functions' security group: no ingress at all, every egress (to the database, to endpoints). */
export function lambdaSecurityGroupProperties(network: string): CfnObject {
  return {
    GroupDescription: `Functions in ${network} (outbound only)`,
    VpcId: { Ref: network },
    SecurityGroupEgress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }],
  };
}

const SUBNET_GROUP_DESCRIPTION = 'Private subnets of ';

export function dbSubnetGroupProperties(network: string, subnets: readonly string[]): CfnObject {
  return { DBSubnetGroupDescription: `${SUBNET_GROUP_DESCRIPTION}${network}`, SubnetIds: subnets.map((s) => ({ Ref: s })) };
}

/** A database's security group: connections on its port from the network's functions only. */
export function dbSecurityGroupProperties(database: string, network: string, lambdaGroup: string, port: number | null): CfnObject {
  const [from, to] = port === null ? [0, 65535] : [port, port];
  return {
    GroupDescription: `Connections to ${database} from functions in ${network}`,
    VpcId: { Ref: network },
    SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: from, ToPort: to, SourceSecurityGroupId: { Ref: lambdaGroup } }],
  };
}

function keysAre(props: CfnObject, keys: readonly string[]): boolean {
  const own = Object.keys(props);
  return own.length === keys.length && keys.every((k) => own.includes(k));
}

/** A DB subnet group in the shape `dbSubnetGroupProperties` writes (ids may have been renamed since). */
export function isCairnSubnetGroup(props: CfnObject): boolean {
  const d = props['DBSubnetGroupDescription'];
  return keysAre(props, ['DBSubnetGroupDescription', 'SubnetIds']) && typeof d === 'string' && d.startsWith(SUBNET_GROUP_DESCRIPTION);
}

/** A security group in the shape `dbSecurityGroupProperties` writes. */
export function isCairnDbSecurityGroup(props: CfnObject): boolean {
  const d = props['GroupDescription'];
  return keysAre(props, ['GroupDescription', 'VpcId', 'SecurityGroupIngress']) && typeof d === 'string' && /^Connections to \S+ from functions in \S+$/.test(d);
}

// ---------------------------------------------------------------------------------------------
// Reading a template's networks

/** Value-level reading of the networks of a template. */
export class Networks {
  readonly resources: CfnObject;

  constructor(readonly template: CfnObject) {
    this.resources = isObject(template['Resources']) ? template['Resources'] : {};
  }

  has(id: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.resources, id);
  }

  type(id: string): string {
    const d = this.has(id) ? this.resources[id] : undefined;
    return isObject(d) && typeof d['Type'] === 'string' ? d['Type'] : '';
  }

  props(id: string): CfnObject {
    const d = this.has(id) ? this.resources[id] : undefined;
    const p = isObject(d) ? d['Properties'] : undefined;
    return isObject(p) ? p : {};
  }

  /** The resource a value points at (`!Ref X`, `!GetAtt X.Y`), if it is one of the template's. */
  target(v: CfnValue | undefined): string | undefined {
    if (!isObject(v)) return undefined;
    const keys = Object.keys(v);
    if (keys.length !== 1 || (keys[0] !== 'Ref' && keys[0] !== 'Fn::GetAtt')) return undefined;
    const hit = collectRefs(v, [])[0];
    return hit && this.has(hit.target) ? hit.target : undefined;
  }

  /** Resources of `type` whose `VpcId` is the network, in template order. */
  inNetwork(network: string, type: string): string[] {
    return Object.keys(this.resources).filter((id) => this.type(id) === type && this.target(this.props(id)['VpcId']) === network);
  }

  /**
   * Is the subnet public: it maps public IPs on launch, is named Public, or its route table
   * (through a SubnetRouteTableAssociation) has a route to an internet gateway.
   */
  isPublic(subnet: string): boolean {
    const p = this.props(subnet);
    if (p['MapPublicIpOnLaunch'] === true || p['MapPublicIpOnLaunch'] === 'true') return true;
    if (/public/i.test(subnet)) return true;
    const tables = new Set<string>();
    for (const id of Object.keys(this.resources)) {
      if (this.type(id) !== 'AWS::EC2::SubnetRouteTableAssociation') continue;
      const a = this.props(id);
      const rt = this.target(a['RouteTableId']);
      if (rt && this.target(a['SubnetId']) === subnet) tables.add(rt);
    }
    if (!tables.size) return false;
    return Object.keys(this.resources).some((id) => {
      if (this.type(id) !== 'AWS::EC2::Route') return false;
      const r = this.props(id);
      const rt = this.target(r['RouteTableId']);
      const gw = this.target(r['GatewayId']);
      return rt !== undefined && tables.has(rt) && gw !== undefined && this.type(gw) === 'AWS::EC2::InternetGateway';
    });
  }

  /** The network's private subnets: not public, and those named Private when some are. */
  privateSubnets(network: string): string[] {
    const candidates = this.inNetwork(network, SUBNET).filter((s) => !this.isPublic(s));
    const named = candidates.filter((s) => /private/i.test(s));
    return named.length ? named : candidates;
  }

  /** The functions' security group of the network: no ingress, named for functions or Lambda. */
  lambdaSecurityGroup(network: string): string | undefined {
    return this.inNetwork(network, SECURITY_GROUP).find((id) => {
      const ingress = this.props(id)['SecurityGroupIngress'];
      const none = ingress === undefined || (Array.isArray(ingress) && !ingress.length);
      return none && /lambda|function/i.test(id);
    });
  }

  /** Ids a list of `!Ref`s names, or null when an item is anything else. */
  refList(v: CfnValue | undefined): string[] | null {
    if (!Array.isArray(v)) return null;
    const out: string[] = [];
    for (const item of v) {
      const t = this.target(item);
      if (!t) return null;
      out.push(t);
    }
    return out;
  }

  /** A DB subnet group over exactly these subnets. */
  subnetGroupOver(subnets: readonly string[]): string | undefined {
    const want = [...subnets].sort().join(',');
    return Object.keys(this.resources).find((id) => {
      if (this.type(id) !== DB_SUBNET_GROUP) return false;
      const have = this.refList(this.props(id)['SubnetIds']);
      return have !== null && [...have].sort().join(',') === want;
    });
  }

  /** Where else the template mentions `id`: resources other than `except`, and Outputs. */
  usedBy(id: string, except: readonly string[] = []): string[] {
    const out: string[] = [];
    for (const [other, def] of Object.entries(this.resources)) {
      if (other === id || except.includes(other)) continue;
      if (collectRefs(def, []).some((r) => r.target === id)) out.push(other);
      else if (isObject(def) && dependsOn(def['DependsOn']).includes(id)) out.push(other);
    }
    const outputs = this.template['Outputs'];
    if (isObject(outputs)) {
      for (const [name, o] of Object.entries(outputs)) if (collectRefs(o, []).some((r) => r.target === id)) out.push(`Outputs.${name}`);
    }
    return out;
  }

  /** Ids the template uses in any section (logical ids share one namespace with parameters). */
  taken(): Set<string> {
    const ids = new Set<string>();
    for (const section of ['Resources', 'Parameters', 'Conditions', 'Mappings', 'Outputs']) {
      const sec = this.template[section];
      if (isObject(sec)) for (const k of Object.keys(sec)) ids.add(k);
    }
    return ids;
  }
}

function dependsOn(v: CfnValue | undefined): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** `base`, else `base2`, `base3`, ... (or `base1`, `base2`, ... with `numbered`): the first free one. */
export function freeName(base: string, taken: ReadonlySet<string>, numbered = false, from = 1): string {
  if (!numbered && !taken.has(base)) return base;
  for (let n = numbered ? from : 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

// ---------------------------------------------------------------------------------------------
// Address ranges for new subnets

function parseCidr(s: CfnValue | undefined): { base: number; prefix: number } | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return null;
  const ip = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { base: (ip & mask) >>> 0, prefix };
}

export type CidrPlan = { readonly ok: true; readonly indexes: readonly number[]; readonly count: number; readonly bits: number } | { readonly ok: false; readonly reason: string };

/**
 * Blocks of the network's range for `n` new subnets: `!Cidr` blocks `bits` longer than the
 * network's prefix (a /16 gives /24s), skipping blocks that existing subnets of the network
 * already use (literal CIDRs when the network's range is literal, and `!Select [i, !Cidr ...]`).
 */
export function planSubnetCidrs(net: Networks, network: string, n: number): CidrPlan {
  const range = parseCidr(net.props(network)['CidrBlock']);
  const bits = range ? Math.min(8, 28 - range.prefix) : 8;
  if (bits < 2) return { ok: false, reason: `The address range of '${network}' is too small for two more subnets (/28 is the smallest subnet).` };
  const blocks = 2 ** bits;
  const taken = new Set<number>();
  for (const s of net.inNetwork(network, SUBNET)) {
    const c = net.props(s)['CidrBlock'];
    const sel = isObject(c) ? c['Fn::Select'] : undefined;
    if (Array.isArray(sel) && typeof sel[0] === 'number' && isObject(sel[1])) {
      const cidr = sel[1]['Fn::Cidr'];
      if (Array.isArray(cidr) && Number(cidr[2]) === bits) taken.add(sel[0]);
      continue;
    }
    const lit = parseCidr(c);
    if (!range || !lit) continue;
    const shift = 32 - range.prefix - bits;
    const first = Math.floor((lit.base - range.base) / 2 ** shift);
    const span = lit.prefix >= range.prefix + bits ? 1 : 2 ** (range.prefix + bits - lit.prefix);
    for (let i = first; i < first + span; i++) taken.add(i);
  }
  const indexes: number[] = [];
  for (let i = 0; i < blocks && indexes.length < n; i++) if (!taken.has(i)) indexes.push(i);
  if (indexes.length < n) return { ok: false, reason: `The address range of '${network}' has no room for ${n} more subnets.` };
  return { ok: true, indexes, count: Math.min(blocks, Math.max(4, indexes[indexes.length - 1]! + 1)), bits };
}
