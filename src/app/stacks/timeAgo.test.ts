import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeAgo } from './timeAgo.ts';

test('times are said the way people say them', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  assert.equal(timeAgo(now - 10_000, now), 'just now');
  assert.equal(timeAgo(now - 60_000, now), 'a minute ago');
  assert.equal(timeAgo(now - 5 * 60_000, now), '5 minutes ago');
  assert.equal(timeAgo(now - 3 * 3600_000, now), '3 hours ago');
  assert.equal(timeAgo(now - 30 * 3600_000, now), 'yesterday');
  assert.equal(timeAgo(now - 30 * 86400_000, now), '2026-11-04');
});
