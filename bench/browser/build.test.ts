import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { initialJsGzip } from './build.ts';

test('initial JS is the gzip size of the scripts the page loads, and only those', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-test-'));
  try {
    mkdirSync(join(dir, 'baseline'));
    const a = 'console.log("a");'.repeat(50);
    const b = 'console.log("b");'.repeat(20);
    writeFileSync(join(dir, 'runtime.1.js'), a);
    writeFileSync(join(dir, 'main.2.js'), b);
    writeFileSync(join(dir, 'lazy.3.js'), 'not loaded by the page');
    writeFileSync(join(dir, 'index.html'), '<script defer src="/runtime.1.js"></script><script defer="defer" src="/main.2.js"></script>');
    assert.equal(initialJsGzip(dir, 'index.html'), gzipSync(a).length + gzipSync(b).length);
    writeFileSync(join(dir, 'baseline', 'main.4.js'), b);
    writeFileSync(join(dir, 'baseline', 'index.html'), '<script src="/baseline/main.4.js"></script>');
    assert.equal(initialJsGzip(join(dir, 'baseline'), 'index.html'), gzipSync(b).length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
