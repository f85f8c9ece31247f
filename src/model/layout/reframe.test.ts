import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Graph } from '../graph/types.ts';
import { frameKey, reframe } from './reframe.ts';

const node = (id: string, parent?: string): Graph['nodes'][number] => ({ id, type: 'AWS::Serverless::Function', kind: 'function', path: [], ...(parent ? { parent } : {}) });
const net = { id: 'Net', type: 'AWS::EC2::VPC', kind: 'virtual-network' as const, path: [] };
const outside: Graph = { nodes: [net, node('Fn'), node('Other')], edges: [] };
const inside: Graph = { nodes: [net, node('Fn', 'Net'), node('Other')], edges: [] };
const positions = { Net: { x: 100, y: 100 }, Other: { x: 0, y: 0 } };

test('entering a network: the same spot on the canvas, in the network\'s frame', () => {
  const r = reframe(outside, inside, { ...positions, Fn: { x: 300, y: 250 } });
  assert.deepEqual(r.places, { Fn: { x: 200, y: 150 } });
  assert.deepEqual(r.remember, { [frameKey('Fn', undefined)]: { x: 300, y: 250 } });
});

test('entering at its edge: clear of the title and the left edge', () => {
  assert.deepEqual(reframe(outside, inside, { ...positions, Fn: { x: 90, y: 110 } }).places, { Fn: { x: 24, y: 48 } });
});

test('leaving a network: the same spot on the canvas', () => {
  assert.deepEqual(reframe(inside, outside, { ...positions, Fn: { x: 40, y: 60 } }).places, { Fn: { x: 140, y: 160 } });
});

test('coming back to a frame: the place it had there', () => {
  const remembered = { [frameKey('Fn', 'Net')]: { x: 250, y: 90 } };
  assert.deepEqual(reframe(outside, inside, { ...positions, Fn: { x: 900, y: 900 } }, remembered).places, { Fn: { x: 250, y: 90 } });
});

test('nodes that keep their container, or have no place yet, are left alone', () => {
  assert.deepEqual(reframe(inside, inside, { ...positions, Fn: { x: 1, y: 2 } }), { places: {}, remember: {} });
  assert.deepEqual(reframe(outside, inside, positions), { places: {}, remember: {} });
});
