/**
 * Property tests of the serverless.yml ops (fast-check): generated services printed in many
 * styles by the independent printer of testing/arbitraries.ts, and random wires. Drawing a
 * wire and taking it out again gives back the file byte for byte; every edit applies or is
 * refused with a coded diagnostic, and what applies parses, keeps the line endings and is
 * read back by the graph.
 *
 * Deterministic by default. Deeper local runs: FC_RUNS=2000 FC_SEED=7 node --import tsx --test <this file>
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits } from '../../apply.ts';
import type { Edit } from '../../types.ts';
import { openTemplate } from '../../../template.ts';
import { printStyleArb, printTemplate } from '../../../testing/arbitraries.ts';
import type { CfnObject } from '../../../value.ts';

const RUNS = Number(process.env['FC_RUNS'] ?? 150);
const SEED = Number(process.env['FC_SEED'] ?? 20261204);

const RESOURCES: Readonly<Record<string, CfnObject>> = {
  Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } },
  Alerts: { Type: 'AWS::SNS::Topic' },
  Orders: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamViewType: 'NEW_IMAGE' } } },
  Uploads: { Type: 'AWS::S3::Bucket' },
  Feed: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
};
const FUNCTIONS = ['create', 'list-all', 'work_er'];
/** Statements that name nothing of the stack: a wire drawn and taken out must leave them. */
const HAND_STATEMENT: CfnObject = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::public-assets/*' };

interface Service {
  readonly value: CfnObject;
  readonly functions: readonly string[];
  readonly resources: readonly string[];
}

const serviceArb: fc.Arbitrary<Service> = fc
  .record({
    functions: fc.subarray(FUNCTIONS, { minLength: 1 }),
    resources: fc.subarray(Object.keys(RESOURCES), { minLength: 1 }),
    runtime: fc.constantFrom(undefined, 'nodejs20.x', 'python3.12'),
    iam: fc.constantFrom('none', 'role', 'legacy'),
    plugin: fc.constantFrom('none', 'list', 'modules'),
    memory: fc.option(fc.constantFrom(128, 1024), { nil: undefined }),
    env: fc.boolean(),
  })
  .map(({ functions, resources, runtime, iam, plugin, memory, env }) => {
    const provider: CfnObject = { name: 'aws', ...(runtime ? { runtime } : {}) };
    if (iam === 'role') provider['iam'] = { role: { statements: [HAND_STATEMENT] } };
    if (iam === 'legacy') provider['iamRoleStatements'] = [HAND_STATEMENT];
    const value: CfnObject = { service: 'svc' };
    if (plugin !== 'none') value['plugins'] = plugin === 'list' ? ['serverless-iam-roles-per-function'] : { modules: ['serverless-iam-roles-per-function'] };
    value['provider'] = provider;
    const fns: CfnObject = {};
    for (const f of functions) {
      fns[f] = { handler: `src/${f}.main`, ...(memory ? { memorySize: memory } : {}), ...(env ? { environment: { STAGE: '${sls:stage}' } } : {}) };
    }
    value['functions'] = fns;
    value['resources'] = { Resources: Object.fromEntries(resources.map((r) => [r, RESOURCES[r]!])) };
    return { value, functions, resources };
  });

const styleArb = printStyleArb.filter((s) => s.syntax === 'yaml');

/** Refusals a random wire may earn (already wired, a kind that cannot be wired, a level the target lacks). */
const FAIR = new Set(['WIRE_EXISTS', 'WIRE_NOT_ALLOWED', 'WIRE_UNSUPPORTED']);

test('drawing a wire and taking it out gives back the file byte for byte', () => {
  fc.assert(
    fc.property(serviceArb, styleArb, fc.nat(), fc.nat(), fc.boolean(), (svc, style, i, j, trigger) => {
      const text = printTemplate(svc.value, style);
      const fn = svc.functions[i % svc.functions.length]!;
      const res = svc.resources[j % svc.resources.length]!;
      const wire = trigger ? { source: res, target: fn, kind: 'trigger' as const } : { source: fn, target: res, kind: 'access' as const };
      const drawn = applyEdits(text, [{ op: 'connect', ...wire }]);
      if (!drawn.ok) {
        assert.ok(FAIR.has(drawn.diagnostics[0]!.code), `${drawn.diagnostics[0]!.code}: ${drawn.diagnostics[0]!.message}\n${text}`);
        return;
      }
      const edge = openTemplate(drawn.text).graph.edges.find((e) => e.source === wire.source && e.target === wire.target && e.kind === wire.kind);
      assert.ok(edge, `the graph does not read the wire back\n${drawn.text}`);
      const undone = applyEdits(drawn.text, [{ op: 'disconnect', ...wire }]);
      assert.ok(undone.ok, undone.ok ? '' : undone.diagnostics[0]!.message);
      assert.equal(undone.text, text, `drawn:\n${drawn.text}`);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

const editArb = (svc: Service): fc.Arbitrary<Edit> => {
  const fn = fc.constantFrom(...svc.functions);
  const res = fc.constantFrom(...svc.resources);
  const any = fc.constantFrom(...svc.functions, ...svc.resources);
  return fc.oneof(
    fc.record({ op: fc.constant('setProperty' as const), resource: fn, path: fc.constantFrom(['timeout'], ['environment', 'MODE'], ['memorySize']), value: fc.constantFrom<string | number>(30, 'fast', '${self:custom.mode}') }),
    fc.record({ op: fc.constant('addResource' as const), resource: fc.constantFrom('extra', 'Extra2'), type: fc.constantFrom('AWS::Lambda::Function', 'AWS::SQS::Queue') }),
    fc.record({ op: fc.constant('renameResource' as const), resource: any, to: fc.constantFrom('renamed', 'Renamed2') }),
    fc.record({ op: fc.constant('removeResource' as const), resource: any }),
    fc.record({ op: fc.constant('connect' as const), source: fn, target: res, kind: fc.constant('access' as const), level: fc.constantFrom(undefined, 'read', 'write', 'crud') }).map((e) => (e.level ? e : { op: e.op, source: e.source, target: e.target, kind: e.kind })),
    fc.record({ op: fc.constant('connect' as const), source: res, target: fn, kind: fc.constant('trigger' as const) }),
    fc.record({ op: fc.constant('disconnect' as const), source: fn, target: res, kind: fc.constant('access' as const) }),
    fc.record({ op: fc.constant('setAccessLevel' as const), source: fn, target: res, level: fc.constantFrom('read' as const, 'write' as const, 'crud' as const) }),
  );
};

/** Refusals of a random edit sequence: names already taken or gone, wires absent, levels a target lacks. */
const SEQUENCE_FAIR = new Set([...FAIR, 'EDIT_NAME_TAKEN', 'EDIT_NO_SUCH_RESOURCE', 'WIRE_NOT_FOUND', 'WIRE_SHARED', 'WIRE_LEVEL_UNSUPPORTED', 'WIRE_LEVEL_UNRECOGNISED', 'WIRE_LEVEL_SHARED']);

test('random edits apply or are refused with a code; what applies parses and keeps the line endings', () => {
  fc.assert(
    fc.property(
      serviceArb.chain((svc) => fc.tuple(fc.constant(svc), styleArb, fc.array(editArb(svc), { minLength: 1, maxLength: 6 }))),
      ([svc, style, edits]) => {
        let text = printTemplate(svc.value, style);
        for (const edit of edits) {
          const r = applyEdits(text, [edit]);
          if (!r.ok) {
            assert.ok(SEQUENCE_FAIR.has(r.diagnostics[0]!.code), `${JSON.stringify(edit)}: ${r.diagnostics[0]!.code} ${r.diagnostics[0]!.message}\n${text}`);
            continue;
          }
          const t = openTemplate(r.text);
          assert.ok(!t.parsed.blocked && t.format === 'serverless', `${JSON.stringify(edit)} made the file unreadable\n${r.text}`);
          assert.equal(r.text.includes('\r\n'), style.eol === '\r\n' || text.includes('\r\n'), `${JSON.stringify(edit)} changed the line endings`);
          text = r.text;
        }
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
});
