#!/usr/bin/env node
// `npm start`: build the app for production when dist/ is missing or older than its sources,
// then run the server in this process. `npm run dev`: webpack in watch mode (development
// build) and the server, one process. Every other argument goes to the server
// (`npm start -- --port 0`). It prints the URL and opens nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import webpack from 'webpack';
import webpackConfig from '../webpack.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const mode = dev ? 'development' : 'production';
const STAMP = join(root, 'dist', '.cairn-build.json');
const SOURCES = ['src', 'public', 'generated', 'webpack.config.js', 'package.json', 'package-lock.json'];
const STATS = { all: false, errors: true, warnings: true, logging: 'info', colors: process.stdout.isTTY };

register();
const { parseServerOptions } = await import('../server/http/options.ts');
const parsed = parseServerOptions(args, process.env, root);
if (!parsed.ok) {
  console.error(`cairn: ${parsed.message}`);
  process.exit(2);
}

if (dev) {
  watch();
} else {
  if (isBuildFresh()) console.log('cairn: dist/ is up to date with its sources; not rebuilding.');
  else await build();
  await startServer();
}

async function startServer() {
  const { main } = await import('../server/main.ts');
  if (!(await main(args))) process.exit(process.exitCode ?? 1);
}

/** A production build newer than every source file. Test files do not go into the bundle. */
function isBuildFresh() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return stamp.mode === 'production' && statSync(STAMP).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const e of readdirSync(path)) if (!e.startsWith('.') && e !== 'node_modules') visit(join(path, e));
    } else if (!/\.test\.tsx?$/.test(path)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const s of SOURCES) visit(join(root, s));
  return newest;
}

function build() {
  console.log(`cairn: building the app (${mode})...`);
  const started = performance.now();
  const compiler = webpack(webpackConfig({}, { mode }));
  return new Promise((resolve) => {
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err || !stats || stats.hasErrors()) {
          console.error(err ?? stats?.toString(STATS));
          console.error('cairn: the build failed; not starting the server.');
          process.exit(1);
        }
        const out = stats.toString(STATS);
        if (out) console.log(out);
        console.log(`cairn: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      });
    });
  });
}

function watch() {
  console.log('cairn: building the app (development, watching for changes)...');
  const compiler = webpack(webpackConfig({}, { mode }));
  let serving = false;
  compiler.watch(compiler.options.watchOptions, (err, stats) => {
    if (err || !stats) return console.error(err);
    const out = stats.toString({ ...STATS, logging: false });
    if (out) console.log(out);
    const ms = stats.endTime - stats.startTime;
    console.log(stats.hasErrors() ? 'cairn: build failed; fix the errors above.' : `cairn: built in ${ms} ms`);
    if (!serving && !stats.hasErrors()) {
      serving = true;
      void startServer();
    }
  });
}
