import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { openTemplate } from '../model/template.ts';
import type { Graph } from '../model/graph/types.ts';
import { fromElkResult, runElk, toElkGraph } from './elkGraph.ts';
import { absoluteBoxes, bigGraph, overlaps, VPC_TEMPLATE } from './testGraphs.ts';
import { DEFAULT_NODE_SIZE, type Positions } from './types.ts';

const elk = new ELK();
const sample = openTemplate(readFileSync(new URL('../../public/samples/orders-api.yaml', import.meta.url), 'utf8')).graph;
const vpc = openTemplate(VPC_TEMPLATE).graph;

function checkLayout(graph: Graph, positions: Positions): void {
  for (const n of graph.nodes) {
    const p = positions[n.id];
    assert.ok(p, `${n.id} has a position`);
    assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y), `${n.id} position is finite`);
  }
  const boxes = absoluteBoxes(graph, positions);
  const top = graph.nodes.filter((n) => !n.parent);
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++)
      assert.ok(!overlaps(boxes.get(top[i]!.id)!, boxes.get(top[j]!.id)!), `${top[i]!.id} and ${top[j]!.id} overlap`);
  for (const n of graph.nodes) {
    if (!n.parent) continue;
    const p = positions[n.id]!;
    const c = positions[n.parent]!;
    assert.ok(c.width !== undefined && c.height !== undefined, `container ${n.parent} has a size`);
    assert.ok(p.x >= 0 && p.y >= 0 && p.x + DEFAULT_NODE_SIZE.width <= c.width! && p.y + DEFAULT_NODE_SIZE.height <= c.height!, `${n.id} lies inside ${n.parent}`);
  }
  const triggers = graph.edges.filter((e) => e.kind === 'trigger' && boxes.has(e.source) && boxes.has(e.target));
  if (triggers.length > 0) {
    const forward = triggers.filter((e) => boxes.get(e.source)!.x < boxes.get(e.target)!.x).length;
    assert.ok(forward / triggers.length > 0.5, `triggers go left to right on average (${forward}/${triggers.length})`);
  }
}

test('toElkGraph: layered, right, include children; containers hold children; edges with known ends', () => {
  const g = toElkGraph(vpc);
  assert.equal(g.layoutOptions?.['elk.algorithm'], 'layered');
  assert.equal(g.layoutOptions?.['elk.direction'], 'RIGHT');
  assert.equal(g.layoutOptions?.['elk.hierarchyHandling'], 'INCLUDE_CHILDREN');
  const container = g.children!.find((c) => c.id === 'Vpc')!;
  // the functions placed in it, and its own subnets
  assert.deepEqual(container.children!.map((c) => c.id).sort(), ['InnerFunction', 'OtherInnerFunction', 'SubnetA', 'SubnetB']);
  assert.equal(g.children!.find((c) => c.id === 'Table')!.width, DEFAULT_NODE_SIZE.width);
  const ids = new Set(vpc.nodes.map((n) => n.id));
  for (const e of g.edges ?? []) assert.ok(ids.has(e.sources[0]!) && ids.has(e.targets[0]!));
  // no containment edges: the container holds its children instead
  assert.ok(!(g.edges ?? []).some((e) => e.sources[0] === 'Vpc' && e.targets[0] === 'InnerFunction'));
  const withUnknown: Graph = { nodes: vpc.nodes, edges: [...vpc.edges, { id: 'x', source: 'Api', target: 'Nope', kind: 'trigger', sources: [] }] };
  assert.equal(toElkGraph(withUnknown).edges!.length, g.edges!.length);
  assert.equal(toElkGraph(vpc, { Table: { width: 300, height: 90 } }).children!.find((c) => c.id === 'Table')!.width, 300);
});

test('fromElkResult: children relative to their container, containers sized', () => {
  const pos = fromElkResult({
    id: 'root',
    children: [{ id: 'V', x: 100, y: 50, width: 400, height: 300, children: [{ id: 'F', x: 24, y: 48, width: 180, height: 56 }] }, { id: 'T', x: 600, y: 10, width: 180, height: 56 }],
  });
  assert.deepEqual(pos, { V: { x: 100, y: 50, width: 400, height: 300 }, F: { x: 24, y: 48 }, T: { x: 600, y: 10 } });
});

test('ELK lays out the sample stack', async () => {
  const positions = await runElk(elk, sample);
  checkLayout(sample, positions);
  assert.deepEqual(await runElk(elk, sample), positions, 'deterministic');
});

test('ELK lays out a stack with a VPC container', async () => {
  assert.ok(vpc.nodes.some((n) => n.id === 'InnerFunction' && n.parent === 'Vpc'), 'the graph puts the function in the VPC');
  const positions = await runElk(elk, vpc);
  checkLayout(vpc, positions);
  assert.ok(positions['Vpc']!.width! > DEFAULT_NODE_SIZE.width);
  assert.deepEqual(await runElk(elk, vpc), positions, 'deterministic');
});

test('fixed nodes stay put; the others go to their right', async () => {
  const fixed = { OrdersApi: { x: 1000, y: 500 }, OrdersTable: { x: 1300, y: 700 } };
  const positions = await runElk(elk, sample, {}, { fixed });
  assert.deepEqual(positions['OrdersApi'], fixed.OrdersApi);
  assert.deepEqual(positions['OrdersTable'], fixed.OrdersTable);
  checkLayoutNoOverlapOnly(sample, positions);
  for (const n of sample.nodes) {
    if (n.parent || n.id in fixed) continue;
    assert.ok(positions[n.id]!.x >= 1300 + DEFAULT_NODE_SIZE.width, `${n.id} is right of the placed nodes`);
  }
});

test('a placed VPC keeps its place; an unplaced child is stacked inside it', async () => {
  const fixed = { Vpc: { x: 0, y: 0, width: 260, height: 140 }, InnerFunction: { x: 24, y: 48 } };
  const positions = await runElk(elk, vpc, {}, { fixed });
  assert.deepEqual(positions['InnerFunction'], { x: 24, y: 48 });
  assert.equal(positions['Vpc']!.x, 0);
  const other = positions['OtherInnerFunction']!;
  assert.ok(other.y >= 48 + DEFAULT_NODE_SIZE.height);
  assert.ok(other.y + DEFAULT_NODE_SIZE.height <= positions['Vpc']!.height!, 'the container grew to hold it');
  checkLayoutNoOverlapOnly(vpc, positions);
});

function checkLayoutNoOverlapOnly(graph: Graph, positions: Positions): void {
  const boxes = absoluteBoxes(graph, positions);
  const top = graph.nodes.filter((n) => !n.parent);
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++) assert.ok(!overlaps(boxes.get(top[i]!.id)!, boxes.get(top[j]!.id)!), `${top[i]!.id} and ${top[j]!.id} overlap`);
}

test('ELK on 500 nodes in 20 containers (time printed, not asserted)', async () => {
  const g = bigGraph(500, 20);
  const t0 = performance.now();
  const positions = await runElk(elk, g);
  const ms = performance.now() - t0;
  const small = bigGraph(100, 4);
  const t1 = performance.now();
  await runElk(elk, small);
  const msSmall = performance.now() - t1;
  console.log(`# ELK layered INCLUDE_CHILDREN: ${g.nodes.length} nodes, ${g.edges.length} edges (random, many crossing containers), 20 containers: ${ms.toFixed(0)} ms; ${small.nodes.length} nodes / 4 containers: ${msSmall.toFixed(0)} ms`);
  for (const n of g.nodes) assert.ok(Number.isFinite(positions[n.id]?.x) && Number.isFinite(positions[n.id]?.y));
});
