import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseSampleList } from '../../src/protocol/samples.ts';
import { openTemplate } from '../../src/model/template.ts';
import { validateTemplate } from '../../src/model/validate.ts';
import { classifyTemplate } from '../../src/model/files/classify.ts';
import { loadSpec } from '../spec.ts';
import { MANIFEST } from './samples.ts';

/** The gallery as shipped: public/samples (served by GET /api/samples). */
const DIR = fileURLToPath(new URL('../../public/samples/', import.meta.url));

/** What each starter draws: its nodes by kind, and how many wires of each kind. */
const EXPECTED: Record<string, { nodes: Record<string, string>; wires: Record<string, number> }> = {
  'empty.yaml': { nodes: {}, wires: {} },
  'rest-api-crud.yaml': {
    nodes: { ItemsApi: 'rest-api', ReadItemsFunction: 'function', WriteItemsFunction: 'function', ItemsTable: 'table' },
    wires: { trigger: 2, access: 2 },
  },
  'queue-worker.yaml': {
    nodes: { JobsQueue: 'queue', JobsDeadLetterQueue: 'queue', WorkerFunction: 'function', DeadLetterAlarm: 'resource' },
    wires: { trigger: 1, reference: 2 },
  },
  's3-upload-processor.yaml': {
    nodes: { UploadsBucket: 'object-store', ProcessUploadFunction: 'function', UploadsTable: 'table' },
    wires: { trigger: 1, access: 1 },
  },
  'scheduled-job.yaml': {
    nodes: { DailyReportFunction: 'function', 'DailyReportFunction.Daily': 'timer', ReportsBucket: 'object-store' },
    wires: { trigger: 1, access: 1 },
  },
  'http-api-cognito.yaml': {
    nodes: { UserPool: 'user-pool', UserPoolClient: 'resource', Api: 'http-api', MeFunction: 'function' },
    wires: { trigger: 1, reference: 3 },
  },
  'event-fanout.yaml': {
    nodes: {
      OrderEventsTopic: 'topic', PublishOrderFunction: 'function', BillingQueue: 'queue', BillingSubscription: 'resource', BillingFunction: 'function',
      ShippingQueue: 'queue', ShippingSubscription: 'resource', ShippingFunction: 'function', FanOutQueuePolicy: 'resource',
    },
    wires: { trigger: 2, access: 1, reference: 7 },
  },
  'orders-api.yaml': { nodes: {}, wires: {} },
  // every function shares the service's role: each gets both accesses
  'serverless.yml': {
    nodes: { createOrder: 'function', getOrder: 'function', handleOrder: 'function', OrdersTable: 'table', OrderJobsQueue: 'queue', HttpApi: 'http-api' },
    wires: { trigger: 3, access: 6 },
  },
};

const manifest = parseSampleList(JSON.parse(readFileSync(DIR + MANIFEST, 'utf8')));

describe('the starter gallery', () => {
  it('has a valid manifest listing every template in public/samples, each once', () => {
    assert.ok(manifest.ok, manifest.ok ? '' : manifest.message);
    const listed = manifest.list.samples.map((s) => s.file).sort();
    const onDisk = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
    assert.deepEqual(listed, onDisk);
    assert.deepEqual(Object.keys(EXPECTED).sort(), onDisk);
  });

  const spec = loadSpec();
  for (const file of Object.keys(EXPECTED)) {
    it(`${file} opens as a template, with no error or warning against the resource specification`, () => {
      const text = readFileSync(DIR + file, 'utf8');
      assert.deepEqual(classifyTemplate(file, text), { ok: true, syntax: 'yaml', parses: true });
      const t = openTemplate(text);
      const found = validateTemplate(t, { spec }).filter((d) => d.severity !== 'info');
      assert.deepEqual(found.map((d) => `${d.code} ${d.message}`), []);
    });

    const expected = EXPECTED[file]!;
    if (!Object.keys(expected.nodes).length && file !== 'empty.yaml') continue;
    it(`${file} draws its nodes and wires`, () => {
      const { graph } = openTemplate(readFileSync(DIR + file, 'utf8'));
      assert.deepEqual(Object.fromEntries(graph.nodes.map((n) => [n.id, n.kind])), expected.nodes);
      const wires: Record<string, number> = {};
      for (const e of graph.edges) wires[e.kind] = (wires[e.kind] ?? 0) + 1;
      assert.deepEqual(wires, expected.wires);
    });
  }
});
