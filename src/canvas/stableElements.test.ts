import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NodeChange } from '@xyflow/react';
import { openTemplate } from '../model/template.ts';
import { StableEdges, StableNodes } from './stableElements.ts';
import { toFlowEdges, toFlowNodes } from './toFlow.ts';
import type { ResourceFlowNode } from './toFlow.ts';

const TEXT = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Events:
        Q: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
  Table:
    Type: AWS::DynamoDB::Table
`;
const graph = openTemplate(TEXT).graph;
const at = { Jobs: { x: 0, y: 0 }, Worker: { x: 300, y: 0 }, Table: { x: 600, y: 0 } };
const byId = (ns: readonly ResourceFlowNode[]) => Object.fromEntries(ns.map((n) => [n.id, n]));

test('a rebuilt node equal in value is the same object; a moved or selected one is new', () => {
  const s = new StableNodes();
  const first = byId(s.stable(toFlowNodes(graph, at, new Set())));
  const again = byId(s.stable(toFlowNodes(openTemplate(TEXT).graph, at, new Set())));
  for (const id of Object.keys(at)) assert.equal(again[id], first[id], id);
  const list = s.stable(toFlowNodes(graph, at, new Set()));
  assert.equal(s.stable(toFlowNodes(graph, at, new Set())), list, 'nothing changed: the same array');
  const moved = byId(s.stable(toFlowNodes(graph, { ...at, Worker: { x: 310, y: 5 } }, new Set(['Table']))));
  assert.equal(moved['Jobs'], first['Jobs']);
  assert.notEqual(moved['Worker'], first['Worker']);
  assert.deepEqual(moved['Worker']!.position, { x: 310, y: 5 });
  assert.notEqual(moved['Table'], first['Table']);
  assert.equal(moved['Table']!.selected, true);
});

test('a changed node carries the size React Flow measured, so it is not measured again', () => {
  const s = new StableNodes();
  s.stable(toFlowNodes(graph, at, new Set()));
  const changes: NodeChange<ResourceFlowNode>[] = [{ type: 'dimensions', id: 'Worker', dimensions: { width: 200, height: 56 } }];
  s.measured(changes);
  const next = byId(s.stable(toFlowNodes(graph, { ...at, Worker: { x: 1, y: 1 } }, new Set())));
  assert.deepEqual(next['Worker']!.measured, { width: 200, height: 56 });
  assert.equal(next['Jobs']!.measured, undefined);
  // the same size again: the node with its size is kept as it is
  const same = byId(s.stable(toFlowNodes(graph, { ...at, Worker: { x: 1, y: 1 } }, new Set())));
  assert.equal(same['Worker'], next['Worker']);
});

test('a node React Flow has measured since it was given, and otherwise unchanged, stays the same object', () => {
  const s = new StableNodes();
  const first = byId(s.stable(toFlowNodes(graph, at, new Set())));
  // React Flow measures every node after the first render ...
  s.measured(Object.keys(at).map((id) => ({ type: 'dimensions', id, dimensions: { width: 200, height: 56 } }) as NodeChange<ResourceFlowNode>));
  // ... and the next rebuild (a diagnostics pass, a selection elsewhere) must not make them all new:
  // a new object would be adopted, laid out and rendered again by React Flow
  const list = s.stable(toFlowNodes(graph, at, new Set()));
  const next = byId(list);
  for (const id of Object.keys(at)) assert.equal(next[id], first[id], id);
  // a node that did change still carries its measured size
  const moved = byId(s.stable(toFlowNodes(graph, { ...at, Jobs: { x: 5, y: 5 } }, new Set())));
  assert.deepEqual(moved['Jobs']!.measured, { width: 200, height: 56 });
  assert.equal(moved['Worker'], first['Worker']);
});

test('a data change (a diagnostics badge) makes a new node', () => {
  const s = new StableNodes();
  const first = byId(s.stable(toFlowNodes(graph, at, new Set())));
  const next = byId(s.stable(toFlowNodes(graph, at, new Set(), { Jobs: { errors: 1, warnings: 0 } })));
  assert.notEqual(next['Jobs'], first['Jobs']);
  assert.equal(next['Jobs']!.data.errors, 1);
  assert.equal(next['Worker'], first['Worker']);
});

test('edges of a rebuilt graph are the same objects when equal in value', () => {
  const s = new StableEdges();
  const first = s.stable(toFlowEdges(graph));
  assert.ok(first.length > 0);
  const again = s.stable(toFlowEdges(openTemplate(TEXT).graph));
  assert.equal(again, first, 'nothing changed: the same array');
});
