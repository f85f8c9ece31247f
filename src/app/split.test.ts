import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canvasPercent,
  clampShare,
  readShare,
  shareAt,
  shareForKey,
  splitColumns,
  writeShare,
  YAML_SHARE_DEFAULT,
  YAML_SHARE_KEY,
  YAML_SHARE_MAX,
  YAML_SHARE_MIN,
} from './split.ts';

test('the divider at a pointer: the panel is what lies right of it, within bounds', () => {
  // canvas from 100, panel to 1100, 12 px between them: 988 px to share
  assert.equal(shareAt(1100 - 494, 100, 1100, 12), 0.5);
  assert.ok(Math.abs(shareAt(1100 - 247, 100, 1100, 12) - 0.25) < 1e-9);
  assert.equal(shareAt(1090, 100, 1100, 12), YAML_SHARE_MIN, 'dragged to the far right');
  assert.equal(shareAt(0, 100, 1100, 12), YAML_SHARE_MAX, 'dragged past the canvas');
  assert.equal(shareAt(500, 100, 100, 12), YAML_SHARE_DEFAULT, 'no width (hidden): the default');
});

test('keys: arrows move the divider a step, Home and End to the ends, other keys are not taken', () => {
  assert.ok(Math.abs(shareForKey(0.5, 'ArrowLeft')! - 0.55) < 1e-9, 'left: the panel grows');
  assert.ok(Math.abs(shareForKey(0.5, 'ArrowRight')! - 0.45) < 1e-9);
  assert.equal(shareForKey(YAML_SHARE_MAX, 'ArrowLeft'), YAML_SHARE_MAX);
  assert.equal(shareForKey(0.5, 'Home'), YAML_SHARE_MAX);
  assert.equal(shareForKey(0.5, 'End'), YAML_SHARE_MIN);
  assert.equal(shareForKey(0.5, 'a'), null);
  assert.equal(shareForKey(0.5, 'Enter'), null);
});

test('kept in the browser: read back, clamped, and the default for nothing, garbage or a refusing store', () => {
  const m = new Map<string, string>();
  const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  assert.equal(readShare(storage), YAML_SHARE_DEFAULT);
  writeShare(storage, 0.3);
  assert.equal(m.get(YAML_SHARE_KEY), '0.3000');
  assert.equal(readShare(storage), 0.3);
  m.set(YAML_SHARE_KEY, '7');
  assert.equal(readShare(storage), YAML_SHARE_MAX);
  m.set(YAML_SHARE_KEY, 'wide');
  assert.equal(readShare(storage), YAML_SHARE_DEFAULT);
  const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
  assert.equal(readShare(refusing), YAML_SHARE_DEFAULT);
  assert.doesNotThrow(() => writeShare(refusing, 0.5));
  assert.equal(readShare(undefined), YAML_SHARE_DEFAULT);
  assert.equal(clampShare(Number.NaN), YAML_SHARE_DEFAULT);
});

test('the grid columns and the announced value follow the share; the default is the old 1.3 : 1', () => {
  const d = splitColumns(YAML_SHARE_DEFAULT);
  assert.ok(Math.abs(parseFloat(d['--canvas-fr']) / parseFloat(d['--yaml-fr']) - 1.3) < 1e-3);
  assert.deepEqual(splitColumns(0.25), { '--canvas-fr': '0.7500fr', '--yaml-fr': '0.2500fr' });
  assert.equal(canvasPercent(0.25), 75);
  assert.equal(canvasPercent(YAML_SHARE_DEFAULT), 57);
});
