import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../model/edit/apply.ts';
import { openTemplate } from '../model/template.ts';
import type { Position } from '../canvas/geometry.ts';
import { containerAt, decideNodeDrop, decidePaletteDrop } from './network.ts';
import { nodeBoxes } from '../canvas/geometry.ts';

const BASE = `Resources:
  Outside:
    Type: AWS::Serverless::Function
    Properties: {Handler: index.handler}
  Inner:
    Type: AWS::Serverless::Function
    Properties: {Handler: index.handler}
  Db:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-postgresql}
  Table:
    Type: AWS::DynamoDB::Table
`;
function build(): string {
  const r = applyEdits(BASE, [
    { op: 'addNetwork', resource: 'Net' },
    { op: 'addNetwork', resource: 'Far', properties: { CidrBlock: '10.1.0.0/16' } },
    { op: 'placeInNetwork', resource: 'Inner', network: 'Net' },
  ]);
  assert.ok(r.ok);
  return r.text;
}
const graph = openTemplate(build()).graph;
// Net spans (100,100)-(580,420); Far (1000,100)-(1480,420)
const positions: Record<string, Position> = {
  Net: { x: 100, y: 100, width: 480, height: 320 },
  Far: { x: 1000, y: 100, width: 480, height: 320 },
  Inner: { x: 260, y: 48 },
  Outside: { x: 700, y: 500 },
  Db: { x: 700, y: 600 },
  Table: { x: 700, y: 700 },
};

describe('containerAt', () => {
  const boxes = nodeBoxes(graph, positions);
  const cases: { name: string; at: { x: number; y: number }; expect: string | undefined }[] = [
    { name: 'inside a network', at: { x: 300, y: 300 }, expect: 'Net' },
    { name: 'on its border', at: { x: 100, y: 100 }, expect: 'Net' },
    { name: 'over a child of it (the child is no container)', at: { x: 370, y: 170 }, expect: 'Net' },
    { name: 'outside every network', at: { x: 800, y: 300 }, expect: undefined },
    { name: 'in the other network', at: { x: 1200, y: 200 }, expect: 'Far' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(containerAt(boxes, c.at), c.expect));

  test('the innermost (smallest) container wins when they overlap; excluded ones do not count', () => {
    const overlapping = nodeBoxes(graph, { ...positions, Far: { x: 200, y: 150, width: 200, height: 150 } });
    assert.equal(containerAt(overlapping, { x: 300, y: 200 }), 'Far');
    assert.equal(containerAt(overlapping, { x: 300, y: 200 }, new Set(['Far'])), 'Net');
  });
});

describe('decideNodeDrop', () => {
  const cases: { name: string; moves: { id: string; position: Position }[]; pointer: { x: number; y: number }; expect: object }[] = [
    {
      name: 'a function dropped inside a network is placed in it, at the same spot in the network\'s frame',
      moves: [{ id: 'Outside', position: { x: 380, y: 250 } }],
      pointer: { x: 400, y: 270 },
      expect: { edits: [{ op: 'placeInNetwork', resource: 'Outside', network: 'Net' }], ifApplied: { Outside: { x: 280, y: 150 } }, moved: {}, notice: null },
    },
    {
      name: 'clear of the title and the left edge',
      moves: [{ id: 'Outside', position: { x: 90, y: 95 } }],
      pointer: { x: 150, y: 110 },
      expect: { edits: [{ op: 'placeInNetwork', resource: 'Outside', network: 'Net' }], ifApplied: { Outside: { x: 24, y: 48 } }, moved: {}, notice: null },
    },
    {
      name: 'a database too',
      moves: [{ id: 'Db', position: { x: 300, y: 300 } }],
      pointer: { x: 320, y: 320 },
      expect: { edits: [{ op: 'placeInNetwork', resource: 'Db', network: 'Net' }], ifApplied: { Db: { x: 200, y: 200 } }, moved: {}, notice: null },
    },
    {
      name: 'a child dropped outside every network is taken out, at the same spot on the canvas',
      moves: [{ id: 'Inner', position: { x: 650, y: 300 } }],
      pointer: { x: 760, y: 410 },
      expect: { edits: [{ op: 'removeFromNetwork', resource: 'Inner' }], ifApplied: { Inner: { x: 750, y: 400 } }, moved: {}, notice: null },
    },
    {
      name: 'a child moved within its network only moves',
      moves: [{ id: 'Inner', position: { x: 200, y: 200 } }],
      pointer: { x: 310, y: 310 },
      expect: { edits: [], ifApplied: {}, moved: { Inner: { x: 200, y: 200 } }, notice: null },
    },
    {
      name: 'a child dropped in another network moves there',
      moves: [{ id: 'Inner', position: { x: 1000, y: 100 } }],
      pointer: { x: 1150, y: 220 },
      expect: { edits: [{ op: 'placeInNetwork', resource: 'Inner', network: 'Far' }], ifApplied: { Inner: { x: 100, y: 100 } }, moved: {}, notice: null },
    },
    {
      name: 'a table cannot go in: it goes back, and the notice says why',
      moves: [{ id: 'Table', position: { x: 300, y: 300 } }],
      pointer: { x: 320, y: 320 },
      expect: { edits: [], ifApplied: {}, moved: {}, notice: 'A Table cannot sit in a Virtual Network: only functions and databases can.' },
    },
    {
      name: 'a network\'s own part is no node of its own: nothing moves',
      moves: [{ id: 'NetPrivateSubnet1', position: { x: 700, y: 0 } }],
      pointer: { x: 900, y: 150 },
      expect: { edits: [], ifApplied: {}, moved: {}, notice: null },
    },
    {
      name: 'outside any network, anything just moves',
      moves: [{ id: 'Table', position: { x: 750, y: 720 } }, { id: 'Outside', position: { x: 750, y: 520 } }],
      pointer: { x: 800, y: 560 },
      expect: { edits: [], ifApplied: {}, moved: { Table: { x: 750, y: 720 }, Outside: { x: 750, y: 520 } }, notice: null },
    },
    {
      name: 'a network dragged over another with its children: all only move',
      moves: [{ id: 'Net', position: { x: 1100, y: 150, width: 480, height: 320 } }, { id: 'Inner', position: { x: 260, y: 48 } }],
      pointer: { x: 1200, y: 200 },
      expect: { edits: [], ifApplied: {}, moved: { Net: { x: 1100, y: 150, width: 480, height: 320 }, Inner: { x: 260, y: 48 } }, notice: null },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(decideNodeDrop(graph, positions, c.moves, c.pointer), c.expect));

  test('the edits apply to the template and draw the node where it was dropped', () => {
    const d = decideNodeDrop(graph, positions, [{ id: 'Outside', position: { x: 380, y: 250 } }], { x: 400, y: 270 });
    const r = applyEdits(build(), d.edits);
    assert.ok(r.ok);
    const after = openTemplate(r.text).graph;
    const box = nodeBoxes(after, { ...positions, ...d.ifApplied }).get('Outside')!;
    assert.equal(box.parent, 'Net');
    assert.deepEqual([box.absX, box.absY], [380, 250], 'no jump');
  });
});

describe('decidePaletteDrop', () => {
  test('a function dropped in a network is added and placed in it, in one step', () => {
    assert.deepEqual(decidePaletteDrop(graph, positions, 'function', 'Function1', { x: 350, y: 250 }), {
      edits: [
        { op: 'addResource', resource: 'Function1', type: 'AWS::Serverless::Function', properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', CodeUri: 'src/function1/' } },
        { op: 'placeInNetwork', resource: 'Function1', network: 'Net' },
      ],
      place: { x: 250, y: 150 },
    });
    const r = applyEdits(build(), decidePaletteDrop(graph, positions, 'database', 'Database1', { x: 350, y: 250 })!.edits);
    assert.ok(r.ok);
    assert.equal(openTemplate(r.text).graph.nodes.find((n) => n.id === 'Database1')?.parent, 'Net');
  });

  test('outside a network, or a kind that cannot go in: only added, where it was dropped', () => {
    assert.deepEqual(decidePaletteDrop(graph, positions, 'function', 'Function1', { x: 800, y: 250 })!.edits.map((e) => e.op), ['addResource']);
    const queue = decidePaletteDrop(graph, positions, 'queue', 'Queue1', { x: 350, y: 250 })!;
    assert.deepEqual(queue, { edits: [{ op: 'addResource', resource: 'Queue1', type: 'AWS::SQS::Queue' }], place: { x: 350, y: 250 } });
  });

  test('the hit test may use another point than the corner (a click adds at the middle of the view)', () => {
    assert.equal(decidePaletteDrop(graph, positions, 'function', 'Function1', { x: 590, y: 250 }, { x: 690, y: 278 })!.edits.length, 1);
    assert.equal(decidePaletteDrop(graph, positions, 'function', 'Function1', { x: 450, y: 250 }, { x: 550, y: 278 })!.edits.length, 2);
  });

  test('a click that lands on a node puts the new one beside it, covering nothing; a drop stays where it was dropped', () => {
    // Outside is at (700,500)-(900,556): a queue clicked in at (720,510) would hide it
    const clicked = decidePaletteDrop(graph, positions, 'queue', 'Queue1', { x: 720, y: 510 }, { x: 820, y: 538 }, true)!;
    const boxes = nodeBoxes(graph, positions);
    for (const [id, b] of boxes) {
      if (b.parent) continue;
      const p = clicked.place;
      assert.ok(p.x + 200 <= b.absX || b.absX + b.width <= p.x || p.y + 56 <= b.absY || b.absY + b.height <= p.y, `covers ${id}`);
    }
    // the nearest free place: within a few rings of the middle of the view
    assert.ok(Math.hypot(clicked.place.x - 720, clicked.place.y - 510) <= 400);
    assert.deepEqual(decidePaletteDrop(graph, positions, 'queue', 'Queue1', { x: 720, y: 510 })!.place, { x: 720, y: 510 });
    // a free spot clicked in is kept as it is
    assert.deepEqual(decidePaletteDrop(graph, positions, 'queue', 'Queue1', { x: 2000, y: 2000 }, { x: 2100, y: 2028 }, true)!.place, { x: 2000, y: 2000 });
    // a click over a network still places a function in it
    assert.equal(decidePaletteDrop(graph, positions, 'function', 'Function1', { x: 450, y: 250 }, { x: 550, y: 278 }, true)!.edits.length, 2);
  });

  test('kinds without a resource add nothing', () => {
    assert.equal(decidePaletteDrop(graph, positions, 'timer', 'Timer1', { x: 350, y: 250 }), null);
  });
});

test('decidePaletteDrop: a new network is centred on the point, clear of the nodes there', () => {
  const d = decidePaletteDrop(graph, positions, 'virtual-network', 'VirtualNetwork1', { x: 2000, y: 2000 })!;
  assert.deepEqual(d, { edits: [{ op: 'addNetwork', resource: 'VirtualNetwork1' }], place: { x: 1760, y: 1840 } });
  const crowded = decidePaletteDrop(graph, positions, 'virtual-network', 'VirtualNetwork1', { x: 340, y: 260 })!;
  const boxes = nodeBoxes(graph, positions);
  for (const b of boxes.values()) {
    if (b.parent) continue;
    const p = crowded.place;
    assert.ok(p.x + 480 <= b.absX || b.absX + b.width <= p.x || p.y + 320 <= b.absY || b.absY + b.height <= p.y, 'covers a node');
  }
});
