import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openTemplate } from '../model/template.ts';
import { exportSvg } from './exportSvg.ts';

const sample = readFileSync(new URL('../../public/samples/orders-api.yaml', import.meta.url), 'utf8');

test('the export is well-formed SVG with every node and wire, and is deterministic', () => {
  const g = openTemplate(sample).graph;
  const positions = Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: (i % 4) * 260, y: Math.floor(i / 4) * 100 }]));
  const svg = exportSvg(g, positions);
  assert.equal(svg, exportSvg(g, positions));
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  // groups are balanced
  assert.equal((svg.match(/<g /g) ?? []).length, (svg.match(/<\/g>/g) ?? []).length);
  for (const n of g.nodes) assert.ok(svg.includes(`data-node="${n.id}"`), n.id);
  for (const e of g.edges.filter((x) => x.kind !== 'containment')) assert.ok(svg.includes(`data-edge="${e.id}"`), e.id);
  assert.ok(svg.includes('stroke-dasharray="6 4"'), 'access wires are dashed');
});

test('hostile names are escaped', () => {
  const g = { nodes: [{ id: 'A<script>', type: 'X&"Y', kind: 'resource' as const, path: [] }], edges: [] };
  const svg = exportSvg(g, {});
  assert.ok(!svg.includes('<script>'));
  assert.ok(svg.includes('A&lt;script&gt;') && svg.includes('X&amp;&quot;Y'));
});

test('a network is drawn around what is in it, its parts as chips on it', async () => {
  const { applyEdits } = await import('../model/edit/apply.ts');
  const r = applyEdits('Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: i.h}\n', [
    { op: 'addNetwork', resource: 'Net' },
    { op: 'placeInNetwork', resource: 'Fn', network: 'Net' },
  ]);
  assert.ok(r.ok);
  const g = openTemplate(r.text).graph;
  const svg = exportSvg(g, { Net: { x: 0, y: 0 }, Fn: { x: 24, y: 48 } });
  for (const id of ['Net', 'Fn', 'NetPrivateSubnet1', 'NetPrivateSubnet2', 'NetLambdaSecurityGroup']) assert.ok(svg.includes(`data-node="${id}"`), id);
  assert.ok(svg.includes('>PrivateSubnet1</text>'), 'a chip names the part without the network in front');
  assert.equal((svg.match(/<g /g) ?? []).length, (svg.match(/<\/g>/g) ?? []).length);
});
