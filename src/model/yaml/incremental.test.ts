import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../edit/apply.ts';
import { treeDifference } from '../testing/oracle.ts';
import { valueEquals } from '../value.ts';
import type { CfnObject } from '../value.ts';
import { parseCached } from './cache.ts';
import { parseText } from './parse.ts';
import { reparseLocally } from './incremental.ts';

const TEXT = `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::DynamoDB::Table # the table
  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          TABLE: !Ref Orders
      Policies:
        - DynamoDBReadPolicy:
            TableName: !Ref Orders

  Untouched:
    Type: AWS::SQS::Queue
Outputs:
  OrdersArn:
    Value: !GetAtt Orders.Arn
  QueueUrl:
    Value: !Ref Untouched
`;

const resources = (v: CfnObject | null) => v!['Resources'] as CfnObject;

test('a rename is read again entry by entry: the renamed one, each that names it, nothing else', () => {
  const before = parseCached(TEXT);
  const untouched = resources(before.value)['Untouched'];
  const r = applyEdits(TEXT, [{ op: 'renameResource', resource: 'Orders', to: 'Items' }]);
  assert.ok(r.ok);
  const after = parseCached(r.text);
  const full = parseText(r.text);
  assert.ok(valueEquals(after.value, full.value));
  assert.equal(treeDifference(after.doc!.contents, full.doc!.contents), null);
  // the untouched resource's value is the same object: it was not read again
  assert.equal(resources(after.value)['Untouched'], untouched);
  assert.deepEqual(Object.keys(resources(after.value)), ['Items', 'Reader', 'Untouched']);
  assert.deepEqual(Object.keys(after.value!['Outputs'] as CfnObject), ['OrdersArn', 'QueueUrl']);
});

test("a key renamed onto another entry's name is not read locally: the full parse reports the duplicate", () => {
  const text = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SNS::Topic\n';
  const old = parseText(text);
  const at = text.indexOf('A:');
  const splices = [{ start: at, end: at + 1, text: 'B' }];
  const edited = text.slice(0, at) + 'B' + text.slice(at + 1);
  assert.equal(reparseLocally(old, edited, splices), null);
  assert.ok(parseText(edited).diagnostics.some((d) => d.code === 'YAML_DUPLICATE_KEY'));
});

test('edits in two sections at once are read locally and equal a full parse', () => {
  const old = parseText(TEXT);
  const untouched = resources(old.value)['Untouched'];
  const a = TEXT.indexOf('AWS::DynamoDB::Table');
  const b = TEXT.indexOf('!Ref Untouched');
  const splices = [
    { start: a, end: a + 'AWS::DynamoDB::Table'.length, text: 'AWS::SQS::Queue' },
    { start: b, end: b + '!Ref Untouched'.length, text: '!GetAtt Untouched.QueueUrl\n    Description: the queue' },
  ];
  const edited = TEXT.slice(0, a) + splices[0]!.text + TEXT.slice(splices[0]!.end, b) + splices[1]!.text + TEXT.slice(splices[1]!.end);
  const local = reparseLocally(old, edited, splices);
  assert.ok(local, 'not read locally');
  const full = parseText(edited);
  assert.ok(valueEquals(local.value, full.value));
  assert.equal(treeDifference(local.doc!.contents, full.doc!.contents), null);
  assert.equal(resources(local.value)['Untouched'], untouched);
});

test('in a section of many entries, each edit is read locally in the one entry that holds it, also when it starts in the key line\'s indentation or keeps the length', () => {
  const many = `Resources:\n${Array.from({ length: 60 }, (_, i) => `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: ${10 + i}\n`).join('')}Outputs:\n  Last:\n    Value: !Ref Queue59\n`;
  let text = many;
  let p = parseText(text);
  const check = (splice: { start: number; end: number; text: string }, what: string) => {
    const edited = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
    const untouched = resources(p.value)['Queue0'];
    const local = reparseLocally(p, edited, [splice]);
    assert.ok(local, `${what}: read locally`);
    const full = parseText(edited);
    assert.ok(valueEquals(local.value, full.value), what);
    assert.equal(treeDifference(local.doc!.contents, full.doc!.contents), null, what);
    if (!what.includes('Queue0')) assert.equal(resources(local.value)['Queue0'], untouched, `${what}: other entries not read again`);
    text = edited;
    p = local;
  };
  // the same length, one after another (nothing moves), then a longer value (everything after moves)
  for (const i of [37, 12, 37, 59, 0]) {
    const at = text.indexOf(`DelaySeconds: ${10 + i}\n`) + 'DelaySeconds: '.length;
    check({ start: at, end: at + 2, text: String(90 - i).padStart(2, '0') }, `Queue${i} in place`);
    const back = text.indexOf(`DelaySeconds: ${String(90 - i).padStart(2, '0')}\n`) + 'DelaySeconds: '.length;
    check({ start: back, end: back + 2, text: String(10 + i) }, `Queue${i} back`);
  }
  const longer = text.indexOf('DelaySeconds: 40\n') + 'DelaySeconds: '.length;
  check({ start: longer, end: longer + 2, text: '400' }, 'Queue30 longer');
  // a splice from the start of a key's line (its indentation): the whole entry replaced
  const line = text.indexOf('  Queue20:\n');
  const end = text.indexOf('  Queue21:\n') - 1; // up to its last line's end
  check({ start: line, end, text: '  Topic20:\n    Type: AWS::SNS::Topic' }, 'Queue20 replaced from its line start');
  assert.ok(resources(p.value)['Topic20'] && !resources(p.value)['Queue20']);
});
