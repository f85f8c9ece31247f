import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const script = fileURLToPath(new URL('./lint-deps.mjs', import.meta.url));

function lint(files: Record<string, string>): { status: number | null; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'cairn-lint-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const r = spawnSync(process.execPath, [script], { env: { ...process.env, CAIRN_LINT_ROOT: root }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

const cases: Array<[string, Record<string, string>, boolean]> = [
  ['pure model', { 'src/model/a.ts': "import { parse } from 'yaml';\nimport { b } from './b.ts';\n", 'src/model/b.ts': 'export const b = 1;\n' }, true],
  ['model imports React', { 'src/model/a.ts': "import React from 'react';\n" }, false],
  ['model imports a Node built-in', { 'src/model/a.ts': "import { readFileSync } from 'node:fs';\n" }, false],
  ['model test may use node built-ins', { 'src/model/a.test.ts': "import { readFileSync } from 'node:fs';\nimport fc from 'fast-check';\n" }, true],
  ['model imports the app', { 'src/model/a.ts': "import { x } from '../app/main.tsx';\n" }, false],
  ['model imports lazily from the store', { 'src/model/a.ts': "const m = await import('../store/x.ts');\n" }, false],
  ['barrel import', { 'src/model/a.ts': "import { x } from './sub/index.ts';\n" }, false],
  ['server imports the app', { 'server/a.ts': "import { x } from '../src/app/main.tsx';\n" }, false],
  ['server imports the model', { 'server/a.ts': "import { x } from '../src/model/template.ts';\n" }, true],
  ['git imports isomorphic-git and the model', { 'src/git/a.ts': "import * as git from 'isomorphic-git';\nimport FS from '@isomorphic-git/lightning-fs';\nimport { x } from '../model/template.ts';\n" }, true],
  ['the app imports isomorphic-git', { 'src/app/a.ts': "import * as git from 'isomorphic-git';\n" }, false],
  ['git imports the server', { 'src/git/a.ts': "import { x } from '../../server/http/problems.ts';\n" }, false],
  ['git imports the store', { 'src/git/a.ts': "import { x } from '../store/store.ts';\n" }, false],
  ['the app imports git statically', { 'src/app/a.ts': "import { createGitClient } from '../git/client.ts';\n" }, false],
  ['the app imports git lazily, and its types', { 'src/app/a.ts': "import type { GitClient } from '../git/client.ts';\nconst m = () => import('../git/client.ts');\n" }, true],
];

for (const [name, files, ok] of cases) {
  test(`lint-deps: ${name} ${ok ? 'passes' : 'fails'}`, () => {
    const r = lint(files);
    assert.equal(r.status, ok ? 0 : 1, r.out);
  });
}
