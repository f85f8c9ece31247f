import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLayout, pruneLayout, renameInLayout, serializeLayout, sidecarPath } from './sidecar.ts';

test('sidecar sits beside the template', () => {
  assert.equal(sidecarPath('stacks/template.yaml'), 'stacks/template.yaml.cairn.json');
});

test('serialise then parse gives the same layout, ids sorted one per line', () => {
  const layout = { version: 1 as const, nodes: { Table: { x: 10, y: 20 }, Api: { x: -5.26, y: 0 }, Vpc: { x: 0, y: 0, width: 400, height: 300 } } };
  const text = serializeLayout(layout);
  assert.deepEqual(text.split('\n').slice(3, 6).map((l) => l.trim().split(':')[0]), ['"Api"', '"Table"', '"Vpc"']);
  const back = parseLayout(text);
  assert.deepEqual(back.diagnostics, []);
  assert.deepEqual(back.layout.nodes, { Api: { x: -5.3, y: 0 }, Table: { x: 10, y: 20 }, Vpc: { x: 0, y: 0, width: 400, height: 300 } });
});

test('moving one node changes one line', () => {
  const a = serializeLayout({ version: 1, nodes: { A: { x: 1, y: 1 }, B: { x: 2, y: 2 }, C: { x: 3, y: 3 } } }).split('\n');
  const b = serializeLayout({ version: 1, nodes: { A: { x: 1, y: 1 }, B: { x: 50, y: 2 }, C: { x: 3, y: 3 } } }).split('\n');
  assert.equal(a.filter((l, i) => l !== b[i]).length, 1);
});

const bad: Array<[string, string, number]> = [
  ['not json', '{', 0],
  ['array', '[]', 0],
  ['wrong version', '{"version":2,"nodes":{}}', 0],
  ['bad coordinates dropped', '{"version":1,"nodes":{"A":{"x":"1","y":2},"B":{"x":1,"y":2},"C":{"x":1e99,"y":0}}}', 1],
  ['hostile id dropped', '{"version":1,"nodes":{"../../etc":{"x":1,"y":2},"__proto__":{"x":1,"y":1}}}', 0],
];
for (const [name, text, kept] of bad) {
  test(`bad sidecar: ${name} gives a warning, never a throw`, () => {
    const r = parseLayout(text);
    assert.equal(Object.keys(r.layout.nodes).length, kept);
    assert.ok(r.diagnostics.length > 0);
    assert.ok(r.diagnostics.every((d) => d.code === 'LAYOUT_INVALID' && d.severity === 'warning'));
    assert.equal(({} as Record<string, unknown>)['x'], undefined);
  });
}

test('prune and rename', () => {
  const l = { version: 1 as const, nodes: { A: { x: 1, y: 1 }, B: { x: 2, y: 2 } } };
  assert.deepEqual(Object.keys(pruneLayout(l, new Set(['B'])).nodes), ['B']);
  assert.deepEqual(renameInLayout(l, 'A', 'Z').nodes, { Z: { x: 1, y: 1 }, B: { x: 2, y: 2 } });
});
