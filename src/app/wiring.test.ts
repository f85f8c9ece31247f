import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../model/edit/apply.ts';
import { openTemplate } from '../model/template.ts';
import { decideWire, deleteEdits } from './wiring.ts';

const T = `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Events:
        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
        Get: {Type: Api, Properties: {Path: /, Method: get}}
  Other:
    Type: AWS::Serverless::Function
    Properties: {Handler: index.handler}
  Orders:
    Type: AWS::DynamoDB::Table
`;
const g = openTemplate(T).graph;

test('a function to a table is one access edit', () => {
  assert.deepEqual(decideWire(g, 'Fn', 'Orders'), { kind: 'edit', edit: { op: 'connect', source: 'Fn', target: 'Orders', kind: 'access' } });
});

test('a table to a function is one trigger edit', () => {
  const d = decideWire(g, 'Orders', 'Fn');
  assert.equal(d.kind, 'edit');
  assert.equal(d.kind === 'edit' && d.edit.op === 'connect' && d.edit.kind, 'trigger');
});

test('an event bus to a function is one trigger edit; another uncurated resource is refused', () => {
  const withBus = openTemplate(`${T}  Bus:\n    Type: AWS::Events::EventBus\n  Key:\n    Type: AWS::KMS::Key\n`).graph;
  assert.deepEqual(decideWire(withBus, 'Bus', 'Fn'), { kind: 'edit', edit: { op: 'connect', source: 'Bus', target: 'Fn', kind: 'trigger' } });
  assert.equal(decideWire(withBus, 'Key', 'Fn').kind, 'refuse');
});

test('refusals carry a reason; SAM-made nodes cannot be wired', () => {
  const d = decideWire(g, 'Orders', 'Orders');
  assert.equal(d.kind, 'refuse');
  const implicit = decideWire(g, 'ServerlessRestApi', 'Other');
  assert.equal(implicit.kind, 'refuse');
  assert.match(implicit.kind === 'refuse' ? implicit.reason : '', /created by SAM/);
});

test('deleting a resource and a timer', () => {
  const edits = deleteEdits(g, ['Orders', 'Fn.Nightly', 'ServerlessRestApi']);
  assert.deepEqual(edits, [
    { op: 'removeResource', resource: 'Orders' },
    { op: 'deleteProperty', resource: 'Fn', path: ['Properties', 'Events', 'Nightly'] },
  ]);
  const r = applyEdits(T, edits);
  assert.ok(r.ok);
  const after = openTemplate(r.ok ? r.text : '').graph.nodes.map((n) => n.id);
  assert.ok(!after.includes('Orders') && !after.includes('Fn.Nightly') && after.includes('Fn'));
});

test('deleting a Virtual Network removes it with its parts; what is in it stays, taken out', () => {
  const base = 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: i.h}\n';
  const r = applyEdits(base, [
    { op: 'addNetwork', resource: 'Net' },
    { op: 'placeInNetwork', resource: 'Fn', network: 'Net' },
  ]);
  assert.ok(r.ok);
  const edits = deleteEdits(openTemplate(r.text).graph, ['Net']);
  assert.deepEqual(edits, [{ op: 'removeNetwork', resource: 'Net' }]);
  const after = applyEdits(r.text, edits);
  assert.ok(after.ok);
  assert.equal(after.text, base);
});
