import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Graph } from '../model/graph/types.ts';
import { freeSpot, nodeBoxes } from './geometry.ts';

const graph: Graph = {
  nodes: [
    { id: 'A', type: 'AWS::SQS::Queue', kind: 'queue', path: [] },
    { id: 'B', type: 'AWS::SQS::Queue', kind: 'queue', path: [] },
    { id: 'Net', type: 'AWS::EC2::VPC', kind: 'virtual-network', path: [] },
    { id: 'Fn', type: 'AWS::Serverless::Function', kind: 'function', path: [], parent: 'Net' },
  ],
  edges: [],
};
const boxes = nodeBoxes(graph, { A: { x: 0, y: 0 }, B: { x: 0, y: 400 }, Net: { x: 1000, y: 0, width: 300, height: 200 }, Fn: { x: 500, y: 24 } });

test('nodeBoxes: children are offset by their container; a container holds its children', () => {
  assert.deepEqual(boxes.get('Fn'), { x: 500, y: 24, absX: 1500, absY: 24, width: 200, height: 56, container: false, parent: 'Net' });
  assert.deepEqual(boxes.get('Net'), { x: 1000, y: 0, absX: 1000, absY: 0, width: 724, height: 200, container: true });
});

test('freeSpot: a free place stays', () => {
  assert.deepEqual(freeSpot(boxes, { width: 100, height: 100 }, { x: 300, y: 0 }), { x: 300, y: 0 });
});

test('freeSpot: over a node, the nearest place that keeps the gap', () => {
  const p = freeSpot(boxes, { width: 100, height: 100 }, { x: 0, y: 20 });
  // A ends at y 56 (+40 gap): two steps down is the nearest free spot
  assert.deepEqual(p, { x: 0, y: 100 });
  for (const b of boxes.values()) {
    if (b.parent) continue;
    const apart = p.x + 100 + 40 <= b.absX || b.absX + b.width + 40 <= p.x || p.y + 100 + 40 <= b.absY || b.absY + b.height + 40 <= p.y;
    assert.ok(apart);
  }
});
