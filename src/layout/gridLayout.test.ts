import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openTemplate } from '../model/template.ts';
import type { Graph } from '../model/graph/types.ts';
import { gridLayout } from './gridLayout.ts';
import { absoluteBoxes, bigGraph, overlaps, VPC_TEMPLATE } from './testGraphs.ts';
import { DEFAULT_NODE_SIZE } from './types.ts';

const sample = openTemplate(readFileSync(new URL('../../public/samples/orders-api.yaml', import.meta.url), 'utf8')).graph;
const vpc = openTemplate(VPC_TEMPLATE).graph;

function check(graph: Graph): void {
  const positions = gridLayout(graph);
  for (const n of graph.nodes) assert.ok(Number.isFinite(positions[n.id]?.x) && Number.isFinite(positions[n.id]?.y), `${n.id} has a finite position`);
  const boxes = absoluteBoxes(graph, positions);
  const top = graph.nodes.filter((n) => !n.parent);
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++) assert.ok(!overlaps(boxes.get(top[i]!.id)!, boxes.get(top[j]!.id)!), `${top[i]!.id} and ${top[j]!.id} overlap`);
  for (const n of graph.nodes) {
    if (!n.parent) continue;
    const p = positions[n.id]!;
    const c = positions[n.parent]!;
    assert.ok(p.x >= 0 && p.y >= 0 && p.x + DEFAULT_NODE_SIZE.width <= c.width! && p.y + DEFAULT_NODE_SIZE.height <= c.height!, `${n.id} inside ${n.parent}`);
  }
  const triggers = graph.edges.filter((e) => e.kind === 'trigger');
  const forward = triggers.filter((e) => boxes.get(e.source)!.x < boxes.get(e.target)!.x).length;
  if (triggers.length) assert.ok(forward / triggers.length > 0.5, `triggers left to right (${forward}/${triggers.length})`);
  assert.deepEqual(gridLayout(graph), positions, 'deterministic');
}

test('grid layout of the sample stack', () => check(sample));
test('grid layout with a VPC container', () => check(vpc));
test('grid layout of 500 nodes', () => {
  const g = bigGraph(500, 20);
  const t = performance.now();
  check(g);
  console.log(`# gridLayout 500 nodes: ${(performance.now() - t).toFixed(0)} ms (incl. checks)`);
});
test('grid layout survives cycles, self loops and unknown parents', () => {
  const g: Graph = {
    nodes: [
      { id: 'A', type: 't', kind: 'function', path: [] },
      { id: 'B', type: 't', kind: 'function', path: [], parent: 'Missing' },
      { id: 'C', type: 't', kind: 'function', path: [], parent: 'D' },
      { id: 'D', type: 't', kind: 'virtual-network', path: [], parent: 'C' },
    ],
    edges: [
      { id: '1', source: 'A', target: 'B', kind: 'trigger', sources: [] },
      { id: '2', source: 'B', target: 'A', kind: 'trigger', sources: [] },
      { id: '3', source: 'A', target: 'A', kind: 'trigger', sources: [] },
    ],
  };
  const p = gridLayout(g);
  for (const n of g.nodes) assert.ok(Number.isFinite(p[n.id]?.x), n.id);
});
test('grid layout keeps placed nodes and puts the rest to their right', () => {
  const p = gridLayout(sample, {}, { fixed: { OrdersApi: { x: 500, y: 300 } } });
  assert.deepEqual(p['OrdersApi'], { x: 500, y: 300 });
  for (const n of sample.nodes) if (!n.parent && n.id !== 'OrdersApi') assert.ok(p[n.id]!.x >= 500 + DEFAULT_NODE_SIZE.width, n.id);
});
