import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../../model/edit/apply.ts';
import { treeDifference } from '../../model/testing/oracle.ts';
import { CORPUS, corpusFiles } from '../../model/testing/corpus.ts';
import { valueEquals } from '../../model/value.ts';
import { parseCached, primeParse } from '../../model/yaml/cache.ts';
import { answerRead, Parsed, parseText, readText } from '../../model/yaml/parse.ts';
import { readAhead, takeReadAhead } from './readAhead.ts';
import type { ReadAheadRequest, ReadAheadResponse, ReadAheadWorker } from './readAhead.ts';

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
`;

/** A worker that answers in this thread, after the message was structured-cloned as a real one's is. */
function fakeWorker(behaviour: 'answer' | 'fail' = 'answer') {
  const sent: ReadAheadRequest[] = [];
  let terminated = false;
  const w: ReadAheadWorker = {
    onmessage: null,
    onerror: null,
    postMessage(m) {
      sent.push(m);
      queueMicrotask(() => {
        if (behaviour === 'fail') w.onerror?.(new Error('boom'));
        else w.onmessage?.({ data: structuredClone(answerRead(structuredClone(m))) as ReadAheadResponse });
      });
    },
    terminate() {
      terminated = true;
    },
  };
  return { w, sent, terminated: () => terminated };
}

test('the worker gets the text once it is read, and its reading is taken for that text', async () => {
  const f = fakeWorker();
  let give!: (t: string) => void;
  readAhead(new Promise((r) => (give = r)), () => f.w);
  assert.equal(f.sent.length, 0, 'nothing to send until the text is read');
  give(TEXT);
  const read = await takeReadAhead(TEXT);
  assert.deepEqual(f.sent, [{ text: TEXT }]);
  assert.ok(read && valueEquals(read.value, parseText(TEXT).value));
  assert.ok(f.terminated(), 'the worker is let go once it answered');
  assert.equal(await takeReadAhead(TEXT), null, 'a reading is taken once');
});

test('another text, a failed worker, no worker or no saved text: no reading, the caller parses', async () => {
  const a = fakeWorker();
  readAhead(Promise.resolve(TEXT), () => a.w);
  assert.equal(await takeReadAhead(TEXT + '# changed\n'), null);
  const b = fakeWorker('fail');
  readAhead(Promise.resolve(TEXT), () => b.w);
  assert.equal(await takeReadAhead(TEXT), null);
  assert.ok(b.terminated());
  readAhead(Promise.resolve(TEXT), () => undefined);
  assert.equal(await takeReadAhead(TEXT), null);
  readAhead(Promise.resolve(TEXT), () => {
    throw new Error('no workers here');
  });
  assert.equal(await takeReadAhead(TEXT), null);
  let made = 0;
  readAhead(Promise.resolve(null), () => (made++, fakeWorker().w));
  assert.equal(await takeReadAhead(TEXT), null);
  assert.equal(made, 0, 'no saved text: no worker is started');
});

test('a parse made from a reading builds its tree only when asked, and edits as a full parse does', () => {
  const read = structuredClone(readText(TEXT));
  const p = primeParse(TEXT, read);
  assert.equal(parseCached(TEXT), p, 'opening the text takes the primed parse');
  assert.equal(p.treeBuilt, false);
  assert.ok(valueEquals(p.value, parseText(TEXT).value));
  assert.equal(p.treeBuilt, false, 'reading the value does not build the tree');
  const r = applyEdits(TEXT, [{ op: 'renameResource', resource: 'Orders', to: 'Items' }]);
  assert.ok(r.ok);
  assert.equal(p.treeBuilt, true, 'an edit builds it');
  const after = parseCached(r.text);
  const full = parseText(r.text);
  assert.ok(valueEquals(after.value, full.value));
  assert.equal(treeDifference(after.doc!.contents, full.doc!.contents), null);
});

test('every corpus template: what the worker reads, cloned, is what the page would read, and the tree built later is the same', () => {
  if (!existsSync(CORPUS)) return console.log(`corpus: ${CORPUS} not found; the read-ahead corpus check not run (it runs in CI and beside ../shared).`);
  let n = 0;
  for (const file of corpusFiles(['sam', 'cloudformation', 'serverless'])) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const full = parseText(text);
    const p = Parsed.fromRead(text, structuredClone(readText(text)));
    assert.ok(valueEquals(p.value, full.value), file);
    assert.deepEqual(p.diagnostics, full.diagnostics, file);
    assert.equal(p.blocked, full.blocked, file);
    assert.equal(p.anchors, full.anchors, file);
    assert.equal(p.treeBuilt, false);
    if (full.doc) assert.equal(treeDifference(p.doc!.contents, full.doc.contents), null, file);
    else assert.equal(p.doc, null, file);
    n++;
  }
  assert.ok(n > 1000, `read ${n} corpus files`);
});
