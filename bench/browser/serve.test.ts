import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchPorts } from './serve.ts';

test('the bench serves on 5904-5909 unless told otherwise', () => {
  assert.deepEqual(benchPorts('5904-5909'), [5904, 5905, 5906, 5907, 5908, 5909]);
  assert.deepEqual(benchPorts('6000'), [6000]);
  assert.deepEqual(benchPorts('0'), [0]);
  assert.throws(() => benchPorts('5909-5904'), /bad range/);
  assert.throws(() => benchPorts('any'), /CAIRN_BENCH_PORTS/);
});
