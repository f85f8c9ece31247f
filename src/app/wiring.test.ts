import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../model/edit/apply.ts';
import { openTemplate } from '../model/template.ts';
import { decideWire, deleteEdits } from './wiring.ts';
import { draftTimer, withDrafts } from './drafts.ts';
import type { Edit } from '../model/edit/types.ts';

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

test('a new Timer (a draft on the canvas) wired to a function writes its schedule event, in either format', () => {
  const drafts = [draftTimer('Timer1')];
  const sam = withDrafts(g, drafts);
  const d = decideWire(sam, 'Timer1', 'Other', new Set(['Timer1']));
  assert.deepEqual(d, { kind: 'edit', edit: { op: 'connect', source: 'Timer1', target: 'Other', kind: 'trigger', newSource: 'timer' } });
  const samOut = applyEdits(T, [(d as { edit: Edit }).edit]);
  assert.ok(samOut.ok);
  assert.ok(openTemplate(samOut.text).graph.edges.some((e) => e.source === 'Other.Timer1' && e.target === 'Other' && e.kind === 'trigger'));

  const sls = 'service: s\nprovider:\n  name: aws\nfunctions:\n  worker:\n    handler: w.h\n';
  const slsGraph = withDrafts(openTemplate(sls).graph, drafts);
  const e = decideWire(slsGraph, 'Timer1', 'worker', new Set(['Timer1']));
  assert.equal(e.kind, 'edit');
  const out = applyEdits(sls, [(e as { edit: Edit }).edit]);
  assert.ok(out.ok);
  assert.equal(out.text, `${sls}    events:\n      - schedule: rate(5 minutes)\n`);
  assert.deepEqual(openTemplate(out.text).graph.edges.map((x) => `${x.source}-${x.kind}-${x.target}`), ['worker.0-trigger-worker']);
  // a draft is only drawn while the file has no node of its id; wires into it are refused
  assert.equal(withDrafts(openTemplate(out.text).graph, drafts).nodes.filter((n) => n.id === 'Timer1').length, 1);
  assert.equal(decideWire(slsGraph, 'worker', 'Timer1', new Set(['Timer1'])).kind, 'refuse');
});

test('a wire from a Timer of the file gives the target the same schedule, as an event of its own (SAM)', () => {
  const d = decideWire(g, 'Fn.Nightly', 'Other', new Set(), openTemplate(T).parsed.value);
  assert.deepEqual(d, { kind: 'edit', edit: { op: 'connect', source: 'Fn.Nightly', target: 'Other', kind: 'trigger', newSource: 'timer', properties: { Schedule: 'rate(1 day)' } } });
  const r = applyEdits(T, [(d as { edit: Edit }).edit]);
  assert.ok(r.ok);
  assert.equal(r.text, T.replace('    Properties: {Handler: index.handler}\n  Orders:', '    Properties: {Handler: index.handler, Events: {Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}}}\n  Orders:'));
  const after = openTemplate(r.text).graph;
  assert.ok(after.edges.some((e) => e.source === 'Other.Nightly' && e.target === 'Other' && e.kind === 'trigger'));
  assert.ok(after.edges.some((e) => e.source === 'Fn.Nightly' && e.target === 'Fn'), 'the original schedule stays');
});

test('a wire from a Timer of a serverless.yml copies its schedule, short or long form', () => {
  const S = `service: s
provider:
  name: aws
functions:
  a:
    handler: a.h
    events:
      - schedule: rate(1 hour)
      - schedule:
          rate: cron(0 12 * * ? *)
          enabled: false
  b:
    handler: b.h
`;
  const t = openTemplate(S);
  const timers = t.graph.nodes.filter((n) => n.kind === 'timer').map((n) => n.id);
  assert.equal(timers.length, 2);
  const short = decideWire(t.graph, timers[0]!, 'b', new Set(), t.parsed.value) as { kind: 'edit'; edit: Edit };
  const r1 = applyEdits(S, [short.edit]);
  assert.ok(r1.ok);
  assert.ok(r1.text.endsWith('  b:\n    handler: b.h\n    events:\n      - schedule: rate(1 hour)\n'), r1.text);
  const long = decideWire(t.graph, timers[1]!, 'b', new Set(), t.parsed.value) as { kind: 'edit'; edit: Edit };
  const r2 = applyEdits(S, [long.edit]);
  assert.ok(r2.ok);
  assert.ok(r2.text.includes('  b:\n    handler: b.h\n    events:\n      - schedule:\n          rate: cron(0 12 * * ? *)\n          enabled: false\n'), r2.text);
  assert.equal(openTemplate(r2.text).graph.edges.filter((e) => e.kind === 'trigger' && e.target === 'b').length, 1);
});
