import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSampleList } from './samples.ts';

const good = { file: 'queue-worker.yaml', title: 'Queue worker', description: 'A queue and a worker.' };

test('a sample list is { samples: [{ file, title, description }] }', () => {
  assert.deepEqual(parseSampleList({ samples: [good] }), { ok: true, list: { samples: [good] } });
  assert.deepEqual(parseSampleList({ samples: [] }), { ok: true, list: { samples: [] } });
});

test('extra fields are dropped, not passed on', () => {
  const r = parseSampleList({ samples: [{ ...good, html: '<img onerror=x>' }] });
  assert.ok(r.ok);
  assert.deepEqual(Object.keys(r.list.samples[0]!), ['file', 'title', 'description']);
});

test('refuses what is not one, saying where', () => {
  const bad: [unknown, RegExp][] = [
    [null, /expected/],
    [[good], /expected/],
    [{ samples: [{ ...good, file: '../etc/passwd' }] }, /samples\[0\]\.file/],
    [{ samples: [{ ...good, file: '.env' }] }, /samples\[0\]\.file/],
    [{ samples: [{ ...good, title: '' }] }, /samples\[0\]\.title/],
    [{ samples: [{ ...good, description: 'x'.repeat(301) }] }, /samples\[0\]\.description/],
    [{ samples: [good, good] }, /listed twice/],
    [{ samples: Array.from({ length: 101 }, (_, i) => ({ ...good, file: `s${i}.yaml` })) }, /at most/],
  ];
  for (const [raw, why] of bad) {
    const r = parseSampleList(raw);
    assert.ok(!r.ok, JSON.stringify(raw)?.slice(0, 80));
    assert.match(r.message, why);
  }
});
