#!/usr/bin/env node
// Runs every unit, corpus and server test (`*.test.ts` beside the code) with Node's own test
// runner. Node 20 has no glob support in `--test`, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { sourceFiles } from './sourceFiles.mjs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const roots = ['src', 'server', 'scripts', 'bench'];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));


let files = roots.flatMap((r) => sourceFiles(join(root, r), /\.test\.tsx?$/).map((p) => relative(root, p))).sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (!files.length) {
  console.error('No test files found.');
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...files];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
