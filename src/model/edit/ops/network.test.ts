import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../apply.ts';
import type { Edit } from '../types.ts';
import { openTemplate } from '../../template.ts';
import { validateTemplate } from '../../validate.ts';
import { changedWindow } from '../../testing/oracle.ts';
import { isObject } from '../../value.ts';
import type { CfnObject } from '../../value.ts';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31

Resources:
`;

/** A SAM template with a function, an Aurora cluster and a network made by addNetwork. */
const STACK = `${HEAD}  Api:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler # entry point
      Runtime: nodejs22.x

  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: app_admin

Outputs:
  ApiArn:
    Value: !GetAtt Api.Arn
`;

function ok(text: string, edits: Edit | Edit[]): string {
  const r = applyEdits(text, Array.isArray(edits) ? edits : [edits]);
  if (!r.ok) assert.fail(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return r.text;
}

function refused(text: string, edit: Edit): string {
  const r = applyEdits(text, [edit]);
  assert.equal(r.ok, false, r.ok ? `applied:\n${r.text}` : '');
  return r.ok ? '' : r.diagnostics[0]!.code;
}

function diff(before: string, after: string): { removed: string[]; added: string[] } {
  const w = changedWindow(before, after);
  if (!w) return { removed: [], added: [] };
  return { removed: before.split('\n').slice(w.start, w.endBefore), added: after.split('\n').slice(w.start, w.endAfter) };
}

function parentOf(text: string, id: string): string | undefined {
  return openTemplate(text).graph.nodes.find((n) => n.id === id)?.parent;
}

function resource(text: string, id: string): CfnObject {
  const r = openTemplate(text).parsed.value!['Resources'] as CfnObject;
  return r[id] as CfnObject;
}

const WITH_NET = ok(STACK, { op: 'addNetwork', resource: 'Net' });

describe('addNetwork', () => {
  test('writes the VPC, two private subnets in two zones and the functions\' security group, after the last resource', () => {
    assert.deepEqual(diff(STACK, WITH_NET), {
      removed: [],
      added: [
        '  Net:',
        '    Type: AWS::EC2::VPC',
        '    Properties:',
        "      CidrBlock: '10.0.0.0/16'",
        '      EnableDnsSupport: true',
        '      EnableDnsHostnames: true',
        '',
        '  NetPrivateSubnet1:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      VpcId: !Ref Net',
        '      CidrBlock: !Select [0, !Cidr [!GetAtt Net.CidrBlock, 4, 8]]',
        "      AvailabilityZone: !Select [0, !GetAZs '']",
        '',
        '  NetPrivateSubnet2:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      VpcId: !Ref Net',
        '      CidrBlock: !Select [1, !Cidr [!GetAtt Net.CidrBlock, 4, 8]]',
        "      AvailabilityZone: !Select [1, !GetAZs '']",
        '',
        '  NetLambdaSecurityGroup:',
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        '      GroupDescription: Functions in Net (outbound only)',
        '      VpcId: !Ref Net',
        '      SecurityGroupEgress:',
        "        - IpProtocol: '-1'",
        "          CidrIp: '0.0.0.0/0'",
        '',
      ],
    });
  });

  test('its parts are drawn inside it, with no reference lines to it', () => {
    const g = openTemplate(WITH_NET).graph;
    for (const id of ['NetPrivateSubnet1', 'NetPrivateSubnet2', 'NetLambdaSecurityGroup']) assert.equal(parentOf(WITH_NET, id), 'Net', id);
    assert.deepEqual(g.edges.filter((e) => e.kind === 'reference').map((e) => e.id), []);
    assert.deepEqual(openTemplate(WITH_NET).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), []);
  });

  test('names are free of clashes', () => {
    const taken = `${HEAD}  NetPrivateSubnet1:
    Type: AWS::SQS::Queue
Parameters:
  NetLambdaSecurityGroup:
    Type: String
`;
    const out = ok(taken, { op: 'addNetwork', resource: 'Net' });
    const ids = Object.keys(openTemplate(out).parsed.value!['Resources'] as CfnObject);
    assert.deepEqual(ids, ['NetPrivateSubnet1', 'Net', 'NetPrivateSubnet2', 'NetPrivateSubnet3', 'NetLambdaSecurityGroup2']);
  });

  test('given properties replace the defaults', () => {
    const out = ok(STACK, { op: 'addNetwork', resource: 'Net', properties: { CidrBlock: '10.8.0.0/24' } });
    assert.deepEqual((resource(out, 'Net')['Properties'] as CfnObject), { CidrBlock: '10.8.0.0/24' });
    assert.match(out, /CidrBlock: !Select \[1, !Cidr \[!GetAtt Net\.CidrBlock, 4, 4\]\]/);
  });

  test('refusals are coded', () => {
    assert.equal(refused(STACK, { op: 'addNetwork', resource: 'Api' }), 'EDIT_NAME_TAKEN');
    assert.equal(refused(STACK, { op: 'addNetwork', resource: 'bad-name' }), 'EDIT_BAD_NAME');
    assert.equal(refused(STACK, { op: 'addNetwork', resource: 'Tiny', properties: { CidrBlock: '10.0.0.0/28' } }), 'NETWORK_NO_ROOM');
  });
});

describe('placeInNetwork / removeFromNetwork: functions', () => {
  const placed = ok(WITH_NET, { op: 'placeInNetwork', resource: 'Api', network: 'Net' });

  test('a SAM function gets a VpcConfig with the private subnets and the functions\' group, nothing else changes', () => {
    assert.deepEqual(diff(WITH_NET, placed), {
      removed: [],
      added: [
        '      VpcConfig:',
        '        SecurityGroupIds:',
        '          - !Ref NetLambdaSecurityGroup',
        '        SubnetIds:',
        '          - !Ref NetPrivateSubnet1',
        '          - !Ref NetPrivateSubnet2',
      ],
    });
    assert.equal(parentOf(placed, 'Api'), 'Net');
  });

  test('taking it out gives back the bytes', () => {
    assert.equal(ok(placed, { op: 'removeFromNetwork', resource: 'Api' }), WITH_NET);
  });

  test('placing it where it is already changes nothing', () => {
    assert.equal(ok(placed, { op: 'placeInNetwork', resource: 'Api', network: 'Net' }), placed);
  });

  test('moving to another network replaces the subnets and group in place', () => {
    const two = ok(placed, { op: 'addNetwork', resource: 'Other', properties: { CidrBlock: '10.1.0.0/16' } });
    const moved = ok(two, { op: 'placeInNetwork', resource: 'Api', network: 'Other' });
    assert.deepEqual(diff(two, moved), {
      removed: ['          - !Ref NetLambdaSecurityGroup', '        SubnetIds:', '          - !Ref NetPrivateSubnet1', '          - !Ref NetPrivateSubnet2'],
      added: ['          - !Ref OtherLambdaSecurityGroup', '        SubnetIds:', '          - !Ref OtherPrivateSubnet1', '          - !Ref OtherPrivateSubnet2'],
    });
    assert.equal(parentOf(moved, 'Api'), 'Other');
  });

  test('other VpcConfig keys stay when it leaves', () => {
    const dual = ok(placed, { op: 'setProperty', resource: 'Api', path: ['Properties', 'VpcConfig', 'Ipv6AllowedForDualStack'], value: true });
    const out = ok(dual, { op: 'removeFromNetwork', resource: 'Api' });
    assert.deepEqual((resource(out, 'Api')['Properties'] as CfnObject)['VpcConfig'], { Ipv6AllowedForDualStack: true });
    assert.equal(parentOf(out, 'Api'), undefined);
  });

  test('a hand-written network: private subnets are chosen, the group is added', () => {
    const hand = `${HEAD}  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  PublicSubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: true
  AppSubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
`;
    const out = ok(hand, { op: 'placeInNetwork', resource: 'Fn', network: 'Vpc' });
    assert.deepEqual((resource(out, 'Fn')['Properties'] as CfnObject)['VpcConfig'], { SecurityGroupIds: [{ Ref: 'VpcLambdaSecurityGroup' }], SubnetIds: [{ Ref: 'AppSubnetA' }] });
    assert.equal(resource(out, 'VpcLambdaSecurityGroup')['Type'], 'AWS::EC2::SecurityGroup');
    assert.equal(parentOf(out, 'Fn'), 'Vpc');
  });

  test('a network without private subnets gets two, in blocks its subnets do not use', () => {
    const bare = `${HEAD}  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  PublicA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
`;
    const out = ok(bare, { op: 'placeInNetwork', resource: 'Fn', network: 'Vpc' });
    const cidr = (id: string) => (resource(out, id)['Properties'] as CfnObject)['CidrBlock'];
    assert.deepEqual(cidr('VpcPrivateSubnet1'), { 'Fn::Select': [1, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 4, 8] }] });
    assert.deepEqual(cidr('VpcPrivateSubnet2'), { 'Fn::Select': [2, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 4, 8] }] });
    assert.equal(parentOf(out, 'Fn'), 'Vpc');
  });

  const PLAIN = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 'sts:AssumeRole'}]}
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      Role: !GetAtt Role.Arn
      Code: {ZipFile: 'exports.handler = async () => 1'}
  Net:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  NetPrivateSubnet1:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.0.0.0/24}
  NetLambdaSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: fns, VpcId: !Ref Net}
`;

  test('a plain Lambda function: its role in the template gets the VPC access policy, and loses it on the way out', () => {
    const out = ok(PLAIN, { op: 'placeInNetwork', resource: 'Fn', network: 'Net' });
    const d = diff(PLAIN, out);
    assert.deepEqual(d.added.filter((l) => l.includes('AWSLambdaVPCAccessExecutionRole')), ['        - arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']);
    assert.equal(ok(out, { op: 'removeFromNetwork', resource: 'Fn' }), PLAIN);
  });

  test('a role without managed policies gets the list; a role that has the policy is left alone', () => {
    const none = PLAIN.replace('      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n', '');
    const out = ok(none, { op: 'placeInNetwork', resource: 'Fn', network: 'Net' });
    assert.deepEqual((resource(out, 'Role')['Properties'] as CfnObject)['ManagedPolicyArns'], ['arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']);
    assert.equal(ok(out, { op: 'removeFromNetwork', resource: 'Fn' }), none);
    const has = PLAIN.replace('AWSLambdaBasicExecutionRole', 'AWSLambdaVPCAccessExecutionRole');
    const placedHas = ok(has, { op: 'placeInNetwork', resource: 'Fn', network: 'Net' });
    assert.deepEqual(diff(has, placedHas).added.filter((l) => l.includes('ManagedPolicy') || l.includes('arn:')), []);
  });

  test('the policy stays while another function of the role is still in a network', () => {
    const two = PLAIN.replace('  Net:\n', `  Fn2:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      Role: !GetAtt Role.Arn
      Code: {ZipFile: 'exports.handler = async () => 2'}
  Net:
`);
    const both = ok(two, [
      { op: 'placeInNetwork', resource: 'Fn', network: 'Net' },
      { op: 'placeInNetwork', resource: 'Fn2', network: 'Net' },
    ]);
    const one = ok(both, { op: 'removeFromNetwork', resource: 'Fn' });
    assert.ok((resource(one, 'Role')['Properties'] as CfnObject)['ManagedPolicyArns']!.toString().includes('AWSLambdaVPCAccessExecutionRole'));
    assert.equal(ok(one, { op: 'removeFromNetwork', resource: 'Fn2' }), two);
  });

  test('a SAM function that names its own role: SAM adds nothing to it, so Cairn does', () => {
    const sam = PLAIN.replace('Type: AWS::Lambda::Function', 'Type: AWS::Serverless::Function').replace("      Code: {ZipFile: 'exports.handler = async () => 1'}\n", '      CodeUri: src/fn/\n');
    const out = ok(sam, { op: 'placeInNetwork', resource: 'Fn', network: 'Net' });
    assert.deepEqual((resource(out, 'Role')['Properties'] as CfnObject)['ManagedPolicyArns'], ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']);
    assert.equal(ok(out, { op: 'removeFromNetwork', resource: 'Fn' }), sam);
  });

  test('a role outside the template is not touched', () => {
    const outside = PLAIN.replace('Role: !GetAtt Role.Arn', "Role: 'arn:aws:iam::123456789012:role/app'");
    const out = ok(outside, { op: 'placeInNetwork', resource: 'Fn', network: 'Net' });
    assert.deepEqual(diff(outside, out).added, [
      '      VpcConfig:',
      '        SecurityGroupIds:',
      '          - !Ref NetLambdaSecurityGroup',
      '        SubnetIds:',
      '          - !Ref NetPrivateSubnet1',
    ]);
  });
});

describe('placeInNetwork / removeFromNetwork: databases', () => {
  const placed = ok(WITH_NET, { op: 'placeInNetwork', resource: 'Orders', network: 'Net' });

  test('an Aurora cluster gets a subnet group over the private subnets and its own security group', () => {
    const d = diff(WITH_NET, placed);
    assert.deepEqual(d.added.slice(0, 3), ['      DBSubnetGroupName: !Ref NetDBSubnetGroup', '      VpcSecurityGroupIds:', '        - !Ref OrdersSecurityGroup']);
    const group = resource(placed, 'NetDBSubnetGroup');
    assert.deepEqual(group, { Type: 'AWS::RDS::DBSubnetGroup', Properties: { DBSubnetGroupDescription: 'Private subnets of Net', SubnetIds: [{ Ref: 'NetPrivateSubnet1' }, { Ref: 'NetPrivateSubnet2' }] } });
    const sg = resource(placed, 'OrdersSecurityGroup')['Properties'] as CfnObject;
    assert.deepEqual(sg['SecurityGroupIngress'], [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { Ref: 'NetLambdaSecurityGroup' } }]);
    assert.equal(parentOf(placed, 'Orders'), 'Net');
    for (const id of ['NetDBSubnetGroup', 'OrdersSecurityGroup']) assert.equal(parentOf(placed, id), 'Net', id);
  });

  test('taking it out removes what placing wrote, byte for byte', () => {
    assert.equal(ok(placed, { op: 'removeFromNetwork', resource: 'Orders' }), WITH_NET);
  });

  test('two databases share the subnet group; it goes with the last one', () => {
    const two = ok(WITH_NET, { op: 'addResource', resource: 'Reports', type: 'AWS::RDS::DBInstance', properties: { Engine: 'mysql', DBInstanceClass: 'db.t4g.micro', AllocatedStorage: '20' } });
    const both = ok(two, [
      { op: 'placeInNetwork', resource: 'Orders', network: 'Net' },
      { op: 'placeInNetwork', resource: 'Reports', network: 'Net' },
    ]);
    assert.deepEqual(resource(both, 'Reports')['Properties'], { Engine: 'mysql', DBInstanceClass: 'db.t4g.micro', AllocatedStorage: '20', DBSubnetGroupName: { Ref: 'NetDBSubnetGroup' }, VpcSecurityGroupIds: [{ Ref: 'ReportsSecurityGroup' }] });
    assert.equal((((resource(both, 'ReportsSecurityGroup')['Properties'] as CfnObject)['SecurityGroupIngress'] as CfnObject[])[0]!)['FromPort'], 3306);
    const one = ok(both, { op: 'removeFromNetwork', resource: 'Orders' });
    assert.ok(resource(one, 'NetDBSubnetGroup'), 'still used by Reports');
    assert.equal(resource(one, 'OrdersSecurityGroup'), undefined);
    assert.equal(ok(one, { op: 'removeFromNetwork', resource: 'Reports' }), two);
  });

  test('a hand-written subnet group over the same subnets is reused and kept', () => {
    const hand = ok(WITH_NET, {
      op: 'addResource',
      resource: 'DbSubnets',
      type: 'AWS::RDS::DBSubnetGroup',
      properties: { DBSubnetGroupDescription: 'for the database', SubnetIds: [{ Ref: 'NetPrivateSubnet2' }, { Ref: 'NetPrivateSubnet1' }], Tags: [{ Key: 'team', Value: 'data' }] },
    });
    const out = ok(hand, { op: 'placeInNetwork', resource: 'Orders', network: 'Net' });
    assert.deepEqual((resource(out, 'Orders')['Properties'] as CfnObject)['DBSubnetGroupName'], { Ref: 'DbSubnets' });
    assert.equal(resource(out, 'NetDBSubnetGroup'), undefined);
    assert.equal(ok(out, { op: 'removeFromNetwork', resource: 'Orders' }), hand);
  });

  test('moving to another network: a new subnet group, the same security group rewritten in place', () => {
    const two = ok(placed, { op: 'addNetwork', resource: 'Other', properties: { CidrBlock: '10.1.0.0/16' } });
    const moved = ok(two, { op: 'placeInNetwork', resource: 'Orders', network: 'Other' });
    assert.deepEqual((resource(moved, 'Orders')['Properties'] as CfnObject)['DBSubnetGroupName'], { Ref: 'OtherDBSubnetGroup' });
    assert.deepEqual((resource(moved, 'Orders')['Properties'] as CfnObject)['VpcSecurityGroupIds'], [{ Ref: 'OrdersSecurityGroup' }]);
    assert.deepEqual((resource(moved, 'OrdersSecurityGroup')['Properties'] as CfnObject)['VpcId'], { Ref: 'Other' });
    assert.equal(resource(moved, 'NetDBSubnetGroup'), undefined, 'the old group goes');
    assert.equal(parentOf(moved, 'Orders'), 'Other');
  });

  test('an instance of a cluster is placed through its cluster', () => {
    const inst = ok(WITH_NET, { op: 'addResource', resource: 'Writer', type: 'AWS::RDS::DBInstance', properties: { DBClusterIdentifier: { Ref: 'Orders' }, DBInstanceClass: 'db.serverless', Engine: 'aurora-postgresql' } });
    assert.equal(refused(inst, { op: 'placeInNetwork', resource: 'Writer', network: 'Net' }), 'NETWORK_PLACE_CLUSTER');
  });
});

describe('removeNetwork', () => {
  test('takes out what is in it and removes its parts with it: the file is as before the network', () => {
    const full = ok(WITH_NET, [
      { op: 'placeInNetwork', resource: 'Api', network: 'Net' },
      { op: 'placeInNetwork', resource: 'Orders', network: 'Net' },
    ]);
    assert.equal(ok(full, { op: 'removeNetwork', resource: 'Net' }), STACK);
  });

  test('a hand-written network: its subnets, groups and route tables go; what else names them is reported, not rewritten', () => {
    const hand = `${HEAD}  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  Table:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref Table}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      VpcConfig:
        SubnetIds: [!Ref SubnetA]
`;
    const out = ok(hand, { op: 'removeNetwork', resource: 'Vpc' });
    assert.deepEqual(Object.keys(openTemplate(out).parsed.value!['Resources'] as CfnObject), ['Assoc', 'Fn']);
    assert.equal((resource(out, 'Fn')['Properties'] as CfnObject)['VpcConfig'], undefined);
    const dangling = validateTemplate(openTemplate(out), { spec: null }).filter((d) => d.code === 'DANGLING_REFERENCE').map((d) => d.path.join('.'));
    assert.deepEqual(dangling, ['Resources.Assoc.Properties.SubnetId', 'Resources.Assoc.Properties.RouteTableId']);
  });

  test('only a network', () => {
    assert.equal(refused(WITH_NET, { op: 'removeNetwork', resource: 'Api' }), 'NETWORK_NOT_A_NETWORK');
  });
});

describe('refusals are coded, and nothing is written', () => {
  const placed = ok(WITH_NET, { op: 'placeInNetwork', resource: 'Api', network: 'Net' });
  const edge = ok(WITH_NET, {
    op: 'addResource',
    resource: 'Cdn',
    type: 'AWS::CloudFront::Distribution',
    properties: { DistributionConfig: { DefaultCacheBehavior: { LambdaFunctionAssociations: [{ EventType: 'viewer-request', LambdaFunctionARN: { Ref: 'Api.Version' } }] } } },
  });
  const globals = WITH_NET.replace('Resources:\n', 'Globals:\n  Function:\n    VpcConfig:\n      SubnetIds: [!Ref NetPrivateSubnet1]\n      SecurityGroupIds: [!Ref NetLambdaSecurityGroup]\n\nResources:\n');
  const computed = WITH_NET.replace('      Runtime: nodejs22.x\n', "      Runtime: nodejs22.x\n      VpcConfig: !If [IsProd, {SubnetIds: ['subnet-1']}, !Ref 'AWS::NoValue']\n");
  const table = ok(WITH_NET, { op: 'addResource', resource: 'Table', type: 'AWS::DynamoDB::Table' });
  const cases: { name: string; text: string; edit: Edit; code: string }[] = [
    { name: 'a table cannot sit in a network', text: table, edit: { op: 'placeInNetwork', resource: 'Table', network: 'Net' }, code: 'NETWORK_NOT_PLACEABLE' },
    { name: 'nor a subnet', text: WITH_NET, edit: { op: 'removeFromNetwork', resource: 'NetPrivateSubnet1' }, code: 'NETWORK_NOT_PLACEABLE' },
    { name: 'only a VPC is a network', text: WITH_NET, edit: { op: 'placeInNetwork', resource: 'Api', network: 'Orders' }, code: 'NETWORK_NOT_A_NETWORK' },
    { name: 'a missing resource', text: WITH_NET, edit: { op: 'placeInNetwork', resource: 'Nope', network: 'Net' }, code: 'EDIT_NO_SUCH_RESOURCE' },
    { name: 'a missing network', text: WITH_NET, edit: { op: 'placeInNetwork', resource: 'Api', network: 'Nope' }, code: 'EDIT_NO_SUCH_RESOURCE' },
    { name: 'taking out what is not in', text: WITH_NET, edit: { op: 'removeFromNetwork', resource: 'Api' }, code: 'NETWORK_NOT_PLACED' },
    { name: 'a database that is not in', text: placed, edit: { op: 'removeFromNetwork', resource: 'Orders' }, code: 'NETWORK_NOT_PLACED' },
    { name: 'Lambda@Edge cannot reach a VPC', text: edge, edit: { op: 'placeInNetwork', resource: 'Api', network: 'Net' }, code: 'NETWORK_NOT_PLACEABLE' },
    { name: 'a network set in Globals', text: globals, edit: { op: 'removeFromNetwork', resource: 'Api' }, code: 'NETWORK_FROM_GLOBALS' },
    { name: 'a computed VpcConfig', text: computed, edit: { op: 'placeInNetwork', resource: 'Api', network: 'Net' }, code: 'NETWORK_VPC_CONFIG_UNREADABLE' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.equal(refused(c.text, c.edit), c.code);
    });
  }
});

test('JSON templates are written as JSON, and come back byte for byte', () => {
  const json = `{
  "Resources": {
    "Fn": {
      "Type": "AWS::Serverless::Function",
      "Properties": {
        "Handler": "index.handler"
      }
    }
  }
}
`;
  const net = ok(json, { op: 'addNetwork', resource: 'Net' });
  assert.doesNotThrow(() => JSON.parse(net));
  const placed = ok(net, { op: 'placeInNetwork', resource: 'Fn', network: 'Net' });
  const v = JSON.parse(placed) as CfnObject;
  const fn = (v['Resources'] as CfnObject)['Fn'] as CfnObject;
  assert.ok(isObject(fn['Properties']) && isObject(fn['Properties']['VpcConfig']));
  assert.equal(ok(placed, { op: 'removeFromNetwork', resource: 'Fn' }), net);
});
