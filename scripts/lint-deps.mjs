#!/usr/bin/env node
// Keeps dependencies pointing one way (STYLE.md):
//  - src/model and src/protocol are pure: they import only `yaml`, JSON data and each other
//    (model may not import protocol's siblings or anything else in the app); no React, Redux,
//    DOM-only or Node built-ins. Tests beside the code may use node built-ins.
//  - server/ imports from src/ only src/model and src/protocol.
//  - no barrel `index.ts` imports.
import { readFileSync } from 'node:fs';
import { sourceFiles } from './sourceFiles.mjs';
import { join, relative, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.CAIRN_LINT_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const problems = [];

const walk = (dir) => sourceFiles(dir, /\.(ts|tsx|mjs|js)$/);

const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function importsOf(file) {
  const src = readFileSync(file, 'utf8');
  const out = [];
  for (const m of src.matchAll(importRe)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const PURE_ALLOWED_PACKAGES = new Set(['yaml']);

function checkPure(layer, allowedLayers) {
  for (const file of walk(join(root, 'src', layer))) {
    // tests beside the code and test support in src/model/testing may use Node and fast-check
    const isTest = /\.test\.tsx?$/.test(file) || /[\\/]testing[\\/]/.test(file);
    for (const spec of importsOf(file)) {
      const rel = relative(root, file);
      if (spec.startsWith('.')) {
        const target = relative(join(root, 'src'), resolve(dirname(file), spec));
        const top = target.split(/[\\/]/)[0];
        if (!allowedLayers.includes(top)) problems.push(`${rel}: imports ${spec} (src/${layer} may import only ${allowedLayers.map((l) => 'src/' + l).join(', ')})`);
        if (/(^|\/)index(\.tsx?)?$/.test(spec)) problems.push(`${rel}: imports a barrel ${spec}; import the file itself`);
        continue;
      }
      if (isTest && (spec.startsWith('node:') || spec === 'fast-check')) continue;
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (!PURE_ALLOWED_PACKAGES.has(pkg)) problems.push(`${rel}: imports '${spec}' (src/${layer} is pure TypeScript: only yaml and data)`);
    }
  }
}

checkPure('model', ['model']);
checkPure('protocol', ['protocol', 'model']);

for (const file of walk(join(root, 'server'))) {
  for (const spec of importsOf(file)) {
    if (!spec.startsWith('.')) continue;
    const target = relative(root, resolve(dirname(file), spec));
    if (target.startsWith('src') && !/^src[\\/](model|protocol)[\\/]/.test(target)) {
      problems.push(`${relative(root, file)}: imports ${spec} (server/ may import only src/model and src/protocol)`);
    }
  }
}

if (problems.length) {
  console.error(`lint-deps: ${problems.length} problem(s)`);
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
console.log('lint-deps: dependencies point one way');
