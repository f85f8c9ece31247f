import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdit } from '../model/edit/apply.ts';
import { openTemplate } from '../model/template.ts';
import { ADDABLE } from './Palette.tsx';
import { addNodeEdit, freeId, freeIdFor, resourceIdBase } from './newNode.ts';

test('free ids count up per kind', () => {
  assert.equal(freeId('function', new Set()), 'Function1');
  assert.equal(freeId('function', new Set(['Function1', 'Function2'])), 'Function3');
  assert.equal(freeId('object-store', new Set()), 'ObjectStore1');
});

test('every palette kind adds a node of its own kind to an empty template', () => {
  for (const kind of ADDABLE) {
    const edit = addNodeEdit(kind, freeId(kind, new Set()));
    assert.ok(edit, kind);
    const r = applyEdit('Resources: {}\n', edit);
    assert.ok(r.ok, `${kind}: ${r.ok ? '' : r.diagnostics[0]!.message}`);
    const nodes = openTemplate(r.text).graph.nodes;
    assert.ok(nodes.some((n) => n.kind === kind || (kind === 'edge-function' && n.kind === 'function')), `${kind} gave ${nodes.map((n) => n.kind)}`);
  }
});

test('a resource of any type is named after its type, under a free id', () => {
  assert.equal(resourceIdBase('AWS::Events::EventBus'), 'EventBus');
  assert.equal(resourceIdBase('AWS::EC2::VPC'), 'VPC');
  assert.equal(freeIdFor(resourceIdBase('AWS::SQS::Queue'), new Set(['Queue1'])), 'Queue2');
  assert.equal(freeIdFor('a-b_c', new Set()), 'abc1');
  assert.equal(freeIdFor('', new Set()), 'Resource1');
});

test('a Virtual Network comes with two private subnets and the functions\' security group, drawn inside it', () => {
  const edit = addNodeEdit('virtual-network', 'VirtualNetwork1');
  assert.deepEqual(edit, { op: 'addNetwork', resource: 'VirtualNetwork1' });
  const r = applyEdit('Resources: {}\n', edit!);
  assert.ok(r.ok);
  const inside = openTemplate(r.text).graph.nodes.filter((n) => n.parent === 'VirtualNetwork1').map((n) => n.type);
  assert.deepEqual(inside, ['AWS::EC2::Subnet', 'AWS::EC2::Subnet', 'AWS::EC2::SecurityGroup']);
});
