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
