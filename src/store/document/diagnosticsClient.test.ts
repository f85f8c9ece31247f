import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTemplate } from '../../model/template.ts';
import { answer, diagnosticsFor } from './diagnosticsProtocol.ts';
import type { DiagnosticsRequest } from './diagnosticsProtocol.ts';
import { createDiagnosticsClient } from './diagnosticsClient.ts';
import type { DiagnosticsWorker } from './diagnosticsClient.ts';

const T = (bucket: string) => `Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Environment:\n        Variables:\n          B: !Ref ${bucket}\n`;

/** A worker that answers with the real handler, when told to (so tests control the timing). */
function fakeWorker() {
  const asked: DiagnosticsRequest[] = [];
  const w: DiagnosticsWorker & { asked: DiagnosticsRequest[]; reply(): void } = {
    asked,
    onmessage: null,
    onerror: null,
    postMessage: (m) => void asked.push(m),
    terminate: () => undefined,
    reply() {
      const m = asked.shift()!;
      w.onmessage?.({ data: answer(m) });
    },
  };
  return w;
}

const tick = () => new Promise((r) => setImmediate(r));

test('the worker answers with the same diagnostics as the rules in this thread', async () => {
  const w = fakeWorker();
  const client = createDiagnosticsClient({ createWorker: () => w });
  const t = openTemplate(T('Missing'));
  const got = client.check(t);
  await tick();
  w.reply();
  const list = await got;
  assert.deepEqual(list, diagnosticsFor({ text: t.text, format: t.format }));
  assert.ok(list!.some((d) => d.code.startsWith('REF') || /Missing/.test(d.message)), 'the dangling reference is reported');
});

test('checks asked for while one runs are coalesced: the superseded resolve null, the latest runs', async () => {
  const w = fakeWorker();
  const client = createDiagnosticsClient({ createWorker: () => w });
  const first = client.check(openTemplate(T('A')));
  const second = client.check(openTemplate(T('B')));
  const third = client.check(openTemplate(T('C')));
  await tick();
  assert.equal(w.asked.length, 1, 'one at a time');
  w.reply();
  assert.ok(Array.isArray(await first));
  assert.equal(await second, null);
  await tick();
  assert.equal(w.asked.length, 1);
  assert.match(w.asked[0]!.text, /!Ref C/);
  w.reply();
  assert.ok(Array.isArray(await third));
});

test('with no worker, or a worker that fails, the rules run in this thread', async () => {
  const t = openTemplate(T('Missing'));
  const want = diagnosticsFor({ text: t.text, format: t.format });
  const none = createDiagnosticsClient({ createWorker: () => undefined });
  assert.deepEqual(await none.check(t), want);
  const w = fakeWorker();
  const failing = createDiagnosticsClient({ createWorker: () => w });
  const got = failing.check(t);
  await tick();
  w.onerror?.(new Error('boom'));
  assert.deepEqual(await got, want);
});

test('rules that throw give one diagnostic saying so, never an empty list', async () => {
  const client = createDiagnosticsClient({ createWorker: () => undefined, inThread: async () => () => { throw new Error('rule crashed'); } });
  const list = await client.check(openTemplate(T('A')));
  assert.equal(list!.length, 1);
  assert.equal(list![0]!.code, 'DIAGNOSTICS_FAILED');
  assert.match(list![0]!.message, /rule crashed/);
});
