import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fitText, fitWith, type Measure } from './fitText.ts';

// A measurer where every UTF-16 unit is 7 px wide and the ellipsis 5 px: widths are exact, so
// each assertion says precisely which prefix must be kept.
const mono: Measure = (s) => [...s].reduce((w, c) => w + (c === '…' ? 5 : 7 * c.length), 0);

test('text that fits is returned whole', () => {
  assert.equal(fitWith(mono, 'OrdersTable', 77), 'OrdersTable');
  assert.equal(fitWith(mono, '', 0), '');
});

test('text that does not fit keeps the longest prefix that fits with an ellipsis', () => {
  // 11 letters are 77 px; at 76.9 px ten letters (70) and the ellipsis (5) fit, eleven do not.
  assert.equal(fitWith(mono, 'OrdersTable', 76.9), 'OrdersTabl…');
  assert.equal(fitWith(mono, 'OrdersTable', 74.9), 'OrdersTab…');
});

test('a width too small for any letter leaves just the ellipsis', () => {
  assert.equal(fitWith(mono, 'Queue', 6), '…');
  assert.equal(fitWith(mono, 'Queue', 1), '…');
});

test('a surrogate pair is never split', () => {
  // '🙂' is two UTF-16 units (14 px here); at 2 + 5 + 7 px the cut would fall inside it.
  assert.equal(fitWith(mono, 'AB🙂CD', 26), 'AB…');
});

test('the fitted text always fits and one more code point would not', () => {
  const high = (c: number) => c >= 0xd800 && c <= 0xdbff;
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 5, max: 400 }), (text, width) => {
      const out = fitWith(mono, text, width);
      if (out === text) return assert.ok(mono(text) <= width);
      assert.ok(mono(text) > width);
      assert.ok(out.endsWith('…'));
      assert.ok(mono(out) <= width, `${out} is ${mono(out)} px wide, room ${width}`);
      const kept = out.slice(0, -1);
      assert.ok(text.startsWith(kept));
      assert.ok(!high(kept.charCodeAt(kept.length - 1)), 'ends inside a surrogate pair');
      const next = text.slice(0, kept.length + (high(text.charCodeAt(kept.length)) ? 2 : 1));
      assert.ok(mono(`${next}…`) > width, `${next}… would also fit in ${width}`);
    }),
  );
});

test('without a 2D context (Node, jsdom) fitText leaves the text whole', () => {
  assert.equal(fitText('AVeryLongLogicalIdThatWouldNeverFitOnANode', '600 13px sans-serif', 20), 'AVeryLongLogicalIdThatWouldNeverFitOnANode');
});
