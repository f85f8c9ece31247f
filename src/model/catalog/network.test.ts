import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CfnObject, CfnValue } from '../value.ts';
import { Networks, enginePort, freeName, isVpcAccessPolicy, planSubnetCidrs } from './network.ts';

const vpc = (CidrBlock: CfnValue = '10.0.0.0/16'): CfnObject => ({ Type: 'AWS::EC2::VPC', Properties: { CidrBlock } });
const subnet = (props: CfnObject = {}, net = 'Net'): CfnObject => ({ Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: net }, ...props } });
const cidrSel = (i: number, count: number, bits: number): CfnValue => ({ 'Fn::Select': [i, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Net', 'CidrBlock'] }, count, bits] }] });

describe('privateSubnets', () => {
  const routed = {
    Igw: { Type: 'AWS::EC2::InternetGateway' },
    PublicTable: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Net' } } },
    DefaultRoute: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'PublicTable' }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'Igw' } } },
    Assoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { RouteTableId: { Ref: 'PublicTable' }, SubnetId: { Ref: 'Web' } } },
  };
  const cases: { name: string; resources: CfnObject; expect: string[] }[] = [
    { name: 'no subnets', resources: { Net: vpc() }, expect: [] },
    { name: 'every subnet of the network, in template order', resources: { Net: vpc(), B: subnet(), A: subnet(), Other: subnet({}, 'Elsewhere'), Elsewhere: vpc() }, expect: ['B', 'A'] },
    { name: 'MapPublicIpOnLaunch makes a subnet public', resources: { Net: vpc(), A: subnet({ MapPublicIpOnLaunch: true }), B: subnet({ MapPublicIpOnLaunch: 'true' }), C: subnet({ MapPublicIpOnLaunch: false }) }, expect: ['C'] },
    { name: 'so does a route to an internet gateway', resources: { Net: vpc(), Web: subnet(), App: subnet(), ...routed }, expect: ['App'] },
    { name: 'and the name Public', resources: { Net: vpc(), PublicA: subnet(), AppA: subnet() }, expect: ['AppA'] },
    { name: 'subnets named Private win over unnamed ones', resources: { Net: vpc(), DataA: subnet(), PrivateA: subnet(), PrivateB: subnet() }, expect: ['PrivateA', 'PrivateB'] },
    { name: 'a subnet of the network by GetAtt', resources: { Net: vpc(), A: subnet({ VpcId: { 'Fn::GetAtt': ['Net', 'VpcId'] } }) }, expect: ['A'] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(new Networks({ Resources: c.resources }).privateSubnets('Net'), c.expect));
});

describe('lambdaSecurityGroup', () => {
  const sg = (props: CfnObject = {}): CfnObject => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Net' }, ...props } });
  const cases: { name: string; resources: CfnObject; expect: string | undefined }[] = [
    { name: 'none', resources: { Net: vpc() }, expect: undefined },
    { name: 'a group named for functions, without ingress', resources: { Net: vpc(), WebSg: sg(), FunctionSg: sg() }, expect: 'FunctionSg' },
    { name: 'one with ingress is not it', resources: { Net: vpc(), LambdaSg: sg({ SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }] }) }, expect: undefined },
    { name: 'nor one of another network', resources: { Net: vpc(), LambdaSg: sg({ VpcId: { Ref: 'Other' } }), Other: vpc() }, expect: undefined },
  ];
  for (const c of cases) test(c.name, () => assert.equal(new Networks({ Resources: c.resources }).lambdaSecurityGroup('Net'), c.expect));
});

describe('planSubnetCidrs', () => {
  const cases: { name: string; resources: CfnObject; expect: { indexes: number[]; count: number; bits: number } | string }[] = [
    { name: 'a /16: the first two /24s of four', resources: { Net: vpc() }, expect: { indexes: [0, 1], count: 4, bits: 8 } },
    { name: 'a range Cairn cannot read: /24s by default', resources: { Net: vpc({ Ref: 'Cidr' }) }, expect: { indexes: [0, 1], count: 4, bits: 8 } },
    { name: 'a /24: /28 blocks', resources: { Net: vpc('10.1.2.0/24') }, expect: { indexes: [0, 1], count: 4, bits: 4 } },
    { name: 'a /27 is too small', resources: { Net: vpc('10.1.2.0/27') }, expect: 'NO' },
    {
      name: 'literal subnets take their blocks',
      resources: { Net: vpc(), A: subnet({ CidrBlock: '10.0.0.0/24' }), B: subnet({ CidrBlock: '10.0.1.0/24' }) },
      expect: { indexes: [2, 3], count: 4, bits: 8 },
    },
    {
      name: 'a wider literal subnet takes several blocks',
      resources: { Net: vpc(), A: subnet({ CidrBlock: '10.0.0.0/22' }) },
      expect: { indexes: [4, 5], count: 6, bits: 8 },
    },
    {
      name: 'Cidr selections of the same size take their index',
      resources: { Net: vpc(), A: subnet({ CidrBlock: cidrSel(0, 4, 8) }), B: subnet({ CidrBlock: cidrSel(2, 4, 8) }) },
      expect: { indexes: [1, 3], count: 4, bits: 8 },
    },
    { name: 'subnets outside the range do not matter', resources: { Net: vpc(), A: subnet({ CidrBlock: '172.16.0.0/24' }) }, expect: { indexes: [0, 1], count: 4, bits: 8 } },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const plan = planSubnetCidrs(new Networks({ Resources: c.resources }), 'Net', 2);
      if (typeof c.expect === 'string') assert.equal(plan.ok, false);
      else assert.deepEqual(plan, { ok: true, ...c.expect });
    });
  }
});

test('enginePort: an explicit Port, else the engine default; null when unknown', () => {
  const cases: [CfnValue | undefined, CfnValue | undefined, number | null][] = [
    ['aurora-postgresql', undefined, 5432],
    ['postgres', undefined, 5432],
    ['aurora-mysql', undefined, 3306],
    ['aurora', undefined, 3306],
    ['mariadb', undefined, 3306],
    ['sqlserver-ex', undefined, 1433],
    ['oracle-ee', undefined, 1521],
    ['aurora-postgresql', 6543, 6543],
    ['aurora-postgresql', '6543', 6543],
    [{ Ref: 'Engine' }, undefined, null],
    ['neptune', undefined, null],
  ];
  for (const [engine, port, want] of cases) assert.equal(enginePort(engine, port), want, `${JSON.stringify(engine)} ${String(port)}`);
});

test('isVpcAccessPolicy: the literal ARN in any partition, or a Sub of it', () => {
  assert.ok(isVpcAccessPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'));
  assert.ok(isVpcAccessPolicy('arn:aws-cn:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'));
  assert.ok(isVpcAccessPolicy({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole' }));
  assert.ok(!isVpcAccessPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'));
  assert.ok(!isVpcAccessPolicy({ Ref: 'Policy' }));
});

test('freeName: the base, else the next number', () => {
  assert.equal(freeName('NetLambdaSecurityGroup', new Set()), 'NetLambdaSecurityGroup');
  assert.equal(freeName('NetLambdaSecurityGroup', new Set(['NetLambdaSecurityGroup'])), 'NetLambdaSecurityGroup2');
  assert.equal(freeName('NetPrivateSubnet', new Set(['NetPrivateSubnet1']), true), 'NetPrivateSubnet2');
});

test('usedBy: resources, DependsOn and Outputs that mention an id', () => {
  const n = new Networks({
    Resources: { G: { Type: 'AWS::RDS::DBSubnetGroup' }, Db: { Type: 'AWS::RDS::DBCluster', Properties: { DBSubnetGroupName: { Ref: 'G' } } }, W: { Type: 'AWS::SQS::Queue', DependsOn: ['G'] } },
    Outputs: { Group: { Value: { Ref: 'G' } } },
  });
  assert.deepEqual(n.usedBy('G'), ['Db', 'W', 'Outputs.Group']);
  assert.deepEqual(n.usedBy('G', ['Db']), ['W', 'Outputs.Group']);
});
