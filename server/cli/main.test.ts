import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cairn-cli-'));
function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Timeout: 3
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Orders
  Jobs:
    Type: AWS::SQS::Queue
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
`;

describe('cairn graph', () => {
  test('prints nodes, edges and diagnostics as JSON', async () => {
    const r = await run('graph', file('t.yaml', TEMPLATE));
    assert.equal(r.code, 0);
    const g = JSON.parse(r.out) as { nodes: Array<{ id: string; kind: string; type: string }>; edges: Array<{ source: string; target: string; kind: string }>; diagnostics: unknown[] };
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.kind]),
      [
        ['Fn', 'function'],
        ['Jobs', 'queue'],
        ['Orders', 'table'],
      ],
    );
    assert.deepEqual(
      g.edges.map((e) => `${e.source} ${e.kind} ${e.target}`).sort(),
      ['Fn access Orders', 'Jobs trigger Fn'],
    );
    assert.ok(Array.isArray(g.diagnostics));
  });

  test('an unreadable template still prints JSON and exits 1', async () => {
    const r = await run('graph', file('bad.yaml', 'Resources: [1,\n'));
    assert.equal(r.code, 1);
    assert.equal((JSON.parse(r.out) as { diagnostics: Array<{ code: string }> }).diagnostics[0]!.code, 'YAML_SYNTAX');
  });
});

describe('cairn validate', () => {
  test('prints file:line:col: severity code message and exits 1 on errors', async () => {
    const bad = file('v.yaml', TEMPLATE.replace('Handler: index.handler', 'Handlr: index.handler'));
    const r = await run('validate', bad);
    assert.equal(r.code, 1);
    assert.match(r.out, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:7: error UNKNOWN_PROPERTY `, 'm'));
  });

  test('a clean template exits 0', async () => {
    const r = await run('validate', file('ok.yaml', TEMPLATE));
    assert.equal(r.out.split('\n').filter((l) => / error /.test(l)).join('\n'), '');
    assert.equal(r.code, 0);
  });
});

describe('cairn roundtrip', () => {
  test('identical, unreadable and the one summary line', async () => {
    const crlf = file('crlf.yaml', 'Resources:\r\n  Q: {Type: AWS::SQS::Queue}   # note\r\n');
    const bom = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"Resources": {}}')]));
    const latin1 = file('latin1.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    const r = await run('roundtrip', crlf, bom, latin1, join(dir, 'missing.yaml'));
    assert.equal(r.code, 0);
    const lines = r.out.trim().split('\n');
    assert.equal(lines[0], `identical ${crlf}`);
    assert.equal(lines[1], `identical ${bom}`);
    assert.match(lines[2]!, /^unreadable .*latin1\.yaml: FILE_NOT_UTF8/);
    assert.match(lines[3]!, /^unreadable .*missing\.yaml: FILE_NOT_FOUND/);
    assert.equal(lines[4], '2 identical, 0 changed, 2 unreadable');
  });
});

describe('cairn edit', () => {
  test('prints the edited text; --write writes it', async () => {
    const t = file('e.yaml', TEMPLATE);
    const ops = file('ops.json', JSON.stringify([{ op: 'setProperty', resource: 'Fn', path: ['Properties', 'MemorySize'], value: 512 }]));
    const r = await run('edit', t, '--ops', ops);
    assert.equal(r.code, 0);
    assert.equal(r.out, TEMPLATE.replace('      Timeout: 3\n', '      Timeout: 3\n').replace('            TableName: !Ref Orders\n', '            TableName: !Ref Orders\n      MemorySize: 512\n'));
    assert.equal(readFileSync(t, 'utf8'), TEMPLATE);
    const w = await run('edit', t, '--ops', ops, '--write');
    assert.equal(w.code, 0);
    assert.equal(readFileSync(t, 'utf8'), r.out);
  });

  test('an edit that cannot apply exits 1 with a diagnostic and writes nothing', async () => {
    const t = file('e2.yaml', TEMPLATE);
    const ops = file('ops2.json', JSON.stringify([{ op: 'setProperty', resource: 'Fn', path: ['Properties', 'MemorySize'], value: 1 }, { op: 'removeResource', resource: 'Nope' }]));
    const r = await run('edit', t, '--ops', ops, '--write');
    assert.equal(r.code, 1);
    assert.match(r.err, /EDIT_NO_SUCH_RESOURCE/);
    assert.equal(readFileSync(t, 'utf8'), TEMPLATE);
    const j = await run('edit', t, '--ops', file('bad.json', '[{'));
    assert.equal(j.code, 1);
    assert.match(j.err, /EDIT_OPS_INVALID_JSON/);
  });
});

const SERVICE = `service: orders

provider:
  name: aws
  runtime: nodejs20.x

functions:
  create:
    handler: src/create.handler # entry
`;

describe('cairn edit and roundtrip on a serverless.yml', () => {
  test('edits are written natively; roundtrip is byte-identical', async () => {
    const t = file('serverless.yml', SERVICE);
    const ops = file('sls-ops.json', JSON.stringify([
      { op: 'setProperty', resource: 'create', path: ['memorySize'], value: 512 },
      { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' },
      { op: 'connect', source: 'Jobs', target: 'create', kind: 'trigger' },
    ]));
    const r = await run('edit', t, '--ops', ops);
    assert.equal(r.err, '');
    assert.equal(
      r.out,
      SERVICE.replace(
        '    handler: src/create.handler # entry\n',
        '    handler: src/create.handler # entry\n    memorySize: 512\n    events:\n      - sqs:\n          arn: !GetAtt Jobs.Arn\n          batchSize: 10\n',
      ) + '\nresources:\n  Resources:\n    Jobs:\n      Type: AWS::SQS::Queue\n',
    );
    const rt = await run('roundtrip', t);
    assert.equal(rt.out.trim().split('\n').pop(), '1 identical, 0 changed, 0 unreadable');
  });

  test('--format forces the format; an unknown one is a usage error', async () => {
    const t = file('forced.yml', SERVICE);
    const ops = file('forced-ops.json', JSON.stringify({ op: 'setProperty', resource: 'create', path: ['timeout'], value: 6 }));
    const sam = await run('edit', t, '--ops', ops, '--format', 'cloudformation');
    assert.equal(sam.code, 1);
    assert.match(sam.err, /EDIT_NO_SUCH_RESOURCE/);
    assert.equal((await run('edit', t, '--ops', ops, '--format=serverless')).code, 0);
    assert.equal((await run('edit', t, '--ops', ops, '--format', 'terraform')).code, 2);
  });
});

test('usage errors exit 2', async () => {
  assert.equal((await run()).code, 2);
  assert.equal((await run('frobnicate')).code, 2);
  assert.equal((await run('edit', 'x.yaml')).code, 2);
  assert.equal((await run('--help')).code, 0);
});

test('the installed bin runs (npx cairn)', () => {
  const bin = fileURLToPath(new URL('./cairn.js', import.meta.url));
  const r = spawnSync(process.execPath, [bin, 'roundtrip', file('bin.yaml', TEMPLATE)], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^1 identical, 0 changed, 0 unreadable$/m);
});
