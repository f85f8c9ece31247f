import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../model/diagnostics/types.ts';
import { cmSeverity, lintMessage, toCmDiagnostics } from './lintMapping.ts';

const pos = (offset: number) => ({ line: 1, col: offset + 1, offset });
const diag = (over: Partial<Diagnostic> & { range: Diagnostic['range'] }): Diagnostic => ({
  code: 'E001',
  severity: 'error',
  message: 'bad',
  path: [],
  ...over,
});

test('severity mapping', () => {
  assert.equal(cmSeverity('error'), 'error');
  assert.equal(cmSeverity('warning'), 'warning');
  assert.equal(cmSeverity('info'), 'info');
});

test('message is CODE: message', () => {
  assert.equal(lintMessage({ code: 'CAIRN_X', message: 'Nope' }), 'CAIRN_X: Nope');
  assert.equal(lintMessage({ code: '', message: 'Nope' }), 'Nope');
});

test('ranges are clamped to the document and ordered', () => {
  const text = 'a: 1\n';
  const out = toCmDiagnostics(
    [
      diag({ range: { start: pos(3), end: pos(50) } }),
      diag({ severity: 'warning', range: { start: pos(-2), end: pos(1) } }),
      diag({ severity: 'info', range: { start: pos(4), end: pos(2) } }),
    ],
    text,
    '\n',
  );
  assert.deepEqual(
    out.map((d) => [d.from, d.to, d.severity]),
    [
      [0, 1, 'warning'],
      [2, 4, 'info'],
      [3, 5, 'error'],
    ],
  );
  assert.equal(out[0]?.message, 'E001: bad');
});

test('a diagnostic without a range sits at the start of the document', () => {
  const out = toCmDiagnostics([diag({ range: null })], 'x: 1\n', '\n');
  assert.deepEqual(
    out.map((d) => [d.from, d.to]),
    [[0, 0]],
  );
});

test('CRLF documents: string offsets become document positions', () => {
  const text = 'a: 1\r\nb: 2\r\n';
  // 'b' is at string offset 6, document position 5
  const out = toCmDiagnostics([diag({ range: { start: pos(6), end: pos(10) } })], text, '\r\n');
  assert.deepEqual(
    out.map((d) => [d.from, d.to]),
    [[5, 9]],
  );
});

test('empty document', () => {
  const out = toCmDiagnostics([diag({ range: { start: pos(3), end: pos(9) } })], '', '\n');
  assert.deepEqual(
    out.map((d) => [d.from, d.to]),
    [[0, 0]],
  );
});
