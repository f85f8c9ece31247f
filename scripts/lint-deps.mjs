#!/usr/bin/env node
// Keeps dependencies pointing one way (STYLE.md):
//  - src/model and src/protocol are pure: they import only `yaml`, JSON data and each other
//    (model may not import protocol's siblings or anything else in the app); no React, Redux,
//    DOM-only or Node built-ins. Tests beside the code may use node built-ins.
//  - server/ imports from src/ only src/model and src/protocol.
//  - no barrel `index.ts` imports.
//  - src/git is the only importer of isomorphic-git and LightningFS, and imports only src/git,
//    src/model and src/protocol (never server/). Elsewhere src/git is loaded with `import()`
//    (type-only imports are fine): a static import would put git in the first download.
//    Tests (`*.test.ts`, never bundled) may import src/git and its libraries.
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

const GIT_PACKAGES = new Set(['isomorphic-git', '@isomorphic-git/lightning-fs']);
/** Static (value) imports: `import x from`, `export ... from`, bare `import '...'`; not `import type`. */
const staticValueImportRe = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
const gitDir = join(root, 'src', 'git');

for (const file of [...walk(join(root, 'src')), ...walk(join(root, 'server'))]) {
  const rel = relative(root, file);
  const inGit = !relative(gitDir, file).startsWith('..');
  // tests are never bundled: a test of the app's git session drives the real engine
  const isTest = /\.test\.tsx?$/.test(file);
  for (const spec of importsOf(file)) {
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!spec.startsWith('.') && GIT_PACKAGES.has(pkg) && !inGit && !isTest) problems.push(`${rel}: imports '${spec}' (only src/git may import git libraries)`);
    if (inGit && spec.startsWith('.')) {
      const target = relative(join(root, 'src'), resolve(dirname(file), spec));
      const top = target.split(/[\\/]/)[0];
      if (target.startsWith('..') || !['git', 'model', 'protocol'].includes(top)) problems.push(`${rel}: imports ${spec} (src/git may import only src/git, src/model and src/protocol)`);
    }
  }
  if (inGit || isTest) continue;
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(staticValueImportRe)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) continue;
    if (!relative(gitDir, resolve(dirname(file), spec)).startsWith('..')) problems.push(`${rel}: imports ${spec} statically (load src/git with import(); only type imports may be static)`);
  }
}

if (problems.length) {
  console.error(`lint-deps: ${problems.length} problem(s)`);
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
console.log('lint-deps: dependencies point one way');
