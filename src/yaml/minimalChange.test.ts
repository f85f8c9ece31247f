import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyChange, detectLineSeparator, minimalChange, offsetMapper } from './minimalChange.ts';

function roundTrip(a: string, b: string) {
  const c = minimalChange(a, b);
  assert.equal(applyChange(a, c), b, `applying ${JSON.stringify(c)} to ${JSON.stringify(a)}`);
  return c;
}

test('identical texts give no change', () => {
  assert.equal(minimalChange('', ''), null);
  assert.equal(minimalChange('a: 1\n', 'a: 1\n'), null);
});

test('insert at start, end and middle', () => {
  assert.deepEqual(roundTrip('b: 2\n', 'a: 1\nb: 2\n'), { from: 0, to: 0, insert: 'a: 1\n' });
  assert.deepEqual(roundTrip('a: 1\n', 'a: 1\nb: 2\n'), { from: 5, to: 5, insert: 'b: 2\n' });
  assert.deepEqual(roundTrip('', 'x'), { from: 0, to: 0, insert: 'x' });
  assert.deepEqual(roundTrip('ac', 'abc'), { from: 1, to: 1, insert: 'b' });
});

test('deletions and replacements touch only the changed span', () => {
  assert.deepEqual(roundTrip('a: 1\nb: 2\nc: 3\n', 'a: 1\nc: 3\n'), { from: 5, to: 10, insert: '' });
  assert.deepEqual(roundTrip('MemorySize: 128\n', 'MemorySize: 256\n'), { from: 12, to: 15, insert: '256' });
  assert.deepEqual(roundTrip('abc', ''), { from: 0, to: 3, insert: '' });
});

test('repeated characters: prefix and suffix never overlap', () => {
  assert.deepEqual(roundTrip('aaa', 'aaaa'), { from: 3, to: 3, insert: 'a' });
  assert.deepEqual(roundTrip('aaaa', 'aa'), { from: 2, to: 4, insert: '' });
  roundTrip('abab', 'ab');
});

test('unicode: never splits a surrogate pair', () => {
  // U+1F600 and U+1F601 share the high surrogate \uD83D
  const c = roundTrip('x: 😀\n', 'x: 😁\n');
  assert.ok(c);
  assert.equal(c.from, 3);
  assert.equal(c.to, 5);
  assert.equal(c.insert, '😁');
  // U+1F600 and U+1F400 (🐀) share the low surrogate \uDE00
  const d = roundTrip('😀', '🐀');
  assert.deepEqual(d, { from: 0, to: 2, insert: '🐀' });
  roundTrip('é 日本 😀', 'é 日本語 😀');
});

test('CRLF: never splits a line break', () => {
  assert.deepEqual(roundTrip('a\r\nb\r\n', 'a\r\nx\r\nb\r\n'), { from: 3, to: 3, insert: 'x\r\n' });
  // LF becoming CRLF: the change must cover the whole break
  const c = roundTrip('a\nb', 'a\r\nb');
  assert.ok(c);
  assert.deepEqual(c, { from: 1, to: 2, insert: '\r\n' });
  const d = roundTrip('a\r\nb', 'a\nb');
  assert.deepEqual(d, { from: 1, to: 3, insert: '\n' });
  const e = roundTrip('a\r', 'a\r\n');
  assert.deepEqual(e, { from: 1, to: 2, insert: '\r\n' });
});

test('random round trips', () => {
  const alphabet = ['a', 'b', '\n', '\r\n', '\r', '😀', '🐀', 'é', ' '];
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const gen = () => Array.from({ length: rnd(8) }, () => alphabet[rnd(alphabet.length)]).join('');
  for (let i = 0; i < 2000; i++) {
    const a = gen();
    const b = gen();
    const c = roundTrip(a, b);
    if (c) {
      for (const t of [a]) {
        for (const o of [c.from, c.to]) {
          assert.ok(!(t[o - 1] === '\r' && t[o] === '\n'), `splits CRLF in ${JSON.stringify(t)} at ${o}`);
        }
      }
    }
  }
});

/** The same search, character by character all the way (the oracle for the block compare). */
function naive(a: string, b: string) {
  if (a === b) return null;
  const atom = (t: string, i: number) => i > 0 && i < t.length && ((t[i - 1] === '\r' && t[i] === '\n') || (/[\ud800-\udbff]/.test(t[i - 1]!) && /[\udc00-\udfff]/.test(t[i]!)));
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a[p] === b[p]) p++;
  while (p > 0 && (atom(a, p) || atom(b, p))) p--;
  let q = 0;
  while (q < max - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  while (q > 0 && (atom(a, a.length - q) || atom(b, b.length - q))) q--;
  return { from: p, to: a.length - q, insert: b.slice(p, b.length - q) };
}

test('long texts: the change is the smallest one wherever it falls against the compare blocks', () => {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = ['a', 'b', '\n', '\r\n', '😀', ' '];
  const base = Array.from({ length: 3000 }, () => alphabet[rnd(alphabet.length)]).join('');
  for (let i = 0; i < 300; i++) {
    // one replaced span anywhere, often right at a multiple of 512 (the block size) or next to it
    const at = rnd(4) === 0 ? Math.min(base.length, 512 * (1 + rnd(5)) + rnd(3) - 1) : rnd(base.length);
    const len = rnd(6);
    const insert = Array.from({ length: rnd(6) }, () => alphabet[rnd(alphabet.length)]).join('');
    const edited = base.slice(0, at) + insert + base.slice(at + len);
    assert.deepEqual(roundTrip(base, edited), naive(base, edited), `a ${len}-char span at ${at}`);
  }
});

test('detectLineSeparator', () => {
  assert.equal(detectLineSeparator(''), '\n');
  assert.equal(detectLineSeparator('a\nb\n'), '\n');
  assert.equal(detectLineSeparator('a\r\nb\r\n'), '\r\n');
  assert.equal(detectLineSeparator('a\r\nb\r\nc\n'), '\r\n');
  assert.equal(detectLineSeparator('a\r\nb\nc\n'), '\n');
});

test('offsetMapper: LF is identity (clamped), CRLF counts breaks as one', () => {
  const lf = offsetMapper('ab\ncd', '\n');
  assert.equal(lf(3), 3);
  assert.equal(lf(-4), 0);
  assert.equal(lf(99), 5);
  assert.equal(lf(Number.NaN), 0);
  const text = 'ab\r\ncd\r\n';
  const crlf = offsetMapper(text, '\r\n');
  assert.equal(crlf(0), 0);
  assert.equal(crlf(2), 2); // at \r: end of line 1
  assert.equal(crlf(3), 2); // inside CRLF: end of line 1
  assert.equal(crlf(4), 3); // 'c'
  assert.equal(crlf(8), 6); // end of document
  assert.equal(crlf(100), 6);
});
