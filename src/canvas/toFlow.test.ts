import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTemplate } from '../model/template.ts';
import { EDGE_HIT_WIDTH, toFlowEdges, toFlowNodes } from './toFlow.ts';

const VPC = `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.0.1.0/24}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      VpcConfig:
        SubnetIds: [!Ref SubnetA]
        SecurityGroupIds: []
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Events:
        Q: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
  Backlog:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Dimensions: [{Name: QueueName, Value: !GetAtt Jobs.QueueName}]
  Empty:
    Type: AWS::EC2::VPC
`;

test('containers come first and their children are relative to them', () => {
  const g = openTemplate(VPC).graph;
  const nodes = toFlowNodes(g, { Net: { x: 100, y: 100, width: 600, height: 400 }, Fn: { x: 20, y: 40 } }, new Set(['Fn']));
  const net = nodes.findIndex((n) => n.id === 'Net');
  const fn = nodes.findIndex((n) => n.id === 'Fn');
  assert.ok(net < fn);
  assert.equal(nodes[net]!.type, 'container');
  assert.deepEqual(nodes[net]!.style, { width: 600, height: 400 });
  assert.equal(nodes[fn]!.parentId, 'Net');
  assert.equal(nodes[fn]!.extent, undefined, 'a child can be dragged out of its network');
  assert.deepEqual(nodes[fn]!.position, { x: 20, y: 40 });
  assert.equal(nodes[fn]!.selected, true);
  for (const n of nodes) assert.ok(Number.isFinite(n.position.x) && Number.isFinite(n.position.y));
});

test('wires keep their kind as a class; containment is drawn by nesting, not a line', () => {
  const edges = toFlowEdges(openTemplate(VPC).graph);
  assert.ok(edges.some((e) => e.source === 'Jobs' && e.target === 'Worker' && e.className === 'wire wire-trigger'));
  assert.ok(!edges.some((e) => (e.data as { kind: string }).kind === 'containment'));
  assert.ok(edges.some((e) => e.className === 'wire wire-reference' && e.markerEnd === undefined));
});

test('every drawn wire has a stable test id, a wide hit area, and the selection it is given', () => {
  const g = openTemplate(VPC).graph;
  const edges = toFlowEdges(g, 'Jobs-trigger-Worker');
  const ids = edges.map((e) => (e.domAttributes as Record<string, string>)['data-testid']);
  assert.ok(ids.includes('canvas.edge.Jobs.trigger.Worker'));
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(edges.filter((e) => e.selected).map((e) => e.id), ['Jobs-trigger-Worker']);
  for (const e of edges) {
    assert.equal(e.interactionWidth, EDGE_HIT_WIDTH);
    assert.equal(e.focusable, true);
    assert.equal(e.deletable, e.data!.kind !== 'reference', `${e.id}: only written wires are deletable`);
  }
  assert.ok(!toFlowEdges(g).some((e) => e.selected));
});

test('a network is a container even when empty; its subnets are listed on it, not drawn as nodes', () => {
  const nodes = toFlowNodes(openTemplate(VPC).graph, {}, new Set(['SubnetA']), { SubnetA: { errors: 1, warnings: 0 } });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  assert.equal(byId.get('Empty')!.type, 'container');
  assert.deepEqual(byId.get('Empty')!.style, { width: 480, height: 320 });
  assert.equal(byId.has('SubnetA'), false);
  assert.deepEqual(byId.get('Net')!.data.parts, [{ id: 'SubnetA', label: 'SubnetA', type: 'AWS::EC2::Subnet', selected: true, errors: 1, warnings: 0 }]);
  assert.equal(byId.get('Empty')!.data.parts, undefined);
});

test('a container grows to hold its children, with its parts below them', () => {
  const nodes = toFlowNodes(openTemplate(VPC).graph, { Net: { x: 0, y: 0, width: 300, height: 200 }, Fn: { x: 500, y: 400 } }, new Set());
  // one row of part chips: 28 + 12
  assert.deepEqual(nodes.find((n) => n.id === 'Net')!.style, { width: 500 + 200 + 24, height: 400 + 56 + 24 + 40 });
});

test('a wire to a part ends at its network', () => {
  const text = VPC + `  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetA, RouteTableId: rtb-1}
`;
  const edges = toFlowEdges(openTemplate(text).graph);
  assert.ok(edges.some((e) => e.source === 'Assoc' && e.target === 'Net' && e.className === 'wire wire-reference'));
  assert.ok(!edges.some((e) => e.target === 'SubnetA' || e.source === 'SubnetA'));
});

test('while a child is dragged out, its container keeps the size it had', () => {
  const before = { Net: { x: 0, y: 0, width: 300, height: 200 }, Fn: { x: 24, y: 48 } };
  const dragging = { ...before, Fn: { x: 900, y: 48 } };
  const nodes = toFlowNodes(openTemplate(VPC).graph, dragging, new Set(), {}, before);
  assert.deepEqual(nodes.find((n) => n.id === 'Net')!.style, { width: 300, height: 200 });
  assert.deepEqual(nodes.find((n) => n.id === 'Fn')!.position, { x: 900, y: 48 });
});
