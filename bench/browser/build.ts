/**
 * The builds the browser benchmarks serve, and the build figures:
 *  - Cairn: `webpack --mode production` exactly as `npm run build` runs it (webpack.config.js),
 *    but with no persistent cache (`--no-cache`, so the time is a cold build whatever the cache
 *    holds) and into a scratch directory (`--output-path`), so `dist/` is left alone.
 *  - The baseline: the bare React Flow app (bench/browser/baseline) through the same config
 *    (its rules, minifier, chunk splitting and CSS), only with its own entry, page and output
 *    directory, emitted under `baseline/` in the same scratch directory so one server serves
 *    both. The normal build never sees it.
 * Initial JS is read from what was emitted: the gzip size of every script the page loads.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Configuration, WebpackPluginInstance } from 'webpack';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASELINE_DIR = fileURLToPath(new URL('./baseline/', import.meta.url));
const require = createRequire(import.meta.url);

export interface BuildResult {
  readonly ms: number;
  /** gzip bytes of the JavaScript the page's HTML loads (its initial chunks). */
  readonly initialJsGzip: number;
}

/** The production build, timed as a child process (what `npm run build` does, minus the cache). */
export async function buildApp(outDir: string, timeoutMs: number): Promise<BuildResult> {
  const cli = join(dirname(require.resolve('webpack-cli/package.json')), 'bin', 'cli.js');
  const args = [cli, '--mode', 'production', '--no-cache', '--output-path', outDir];
  const t0 = performance.now();
  const { code, output } = await run(process.execPath, args, timeoutMs);
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`the production build failed (exit ${code}):\n${output.slice(-4000)}`);
  return { ms, initialJsGzip: initialJsGzip(outDir, 'index.html') };
}

/** The bare React Flow page, built by webpack.config.js with its own entry (no persistent cache). */
export async function buildBaseline(outDir: string): Promise<BuildResult> {
  const { default: webpack } = await import('webpack');
  const configUrl = pathToFileURL(join(ROOT, 'webpack.config.js')).href;
  const { default: appConfig } = (await import(configUrl)) as { default: (env: unknown, argv: { mode: string }) => Configuration };
  const { default: HtmlWebpackPlugin } = await import('html-webpack-plugin');
  const base = appConfig({}, { mode: 'production' });
  // keep the rules' plugins (CSS extraction, the gzip budget); drop the app's page, build stamp and source maps
  const keep = (p: unknown) => !['HtmlWebpackPlugin', 'BuildStampPlugin', 'SourceMapDevToolPlugin'].includes((p as object).constructor.name);
  const config: Configuration = {
    ...base,
    entry: { baseline: join(BASELINE_DIR, 'main.tsx') },
    output: { ...base.output, path: outDir, publicPath: '/baseline/' },
    plugins: [...(base.plugins ?? []).filter(keep), new HtmlWebpackPlugin({ template: join(BASELINE_DIR, 'index.html') }) as WebpackPluginInstance],
    cache: false,
  };
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err) reject(err);
        else if (!stats || stats.hasErrors()) reject(new Error(`the baseline build failed:\n${stats?.toString({ all: false, errors: true }) ?? ''}`));
        else resolve();
      });
    });
  });
  return { ms: performance.now() - t0, initialJsGzip: initialJsGzip(outDir, 'index.html') };
}

/** Sums the gzip size of the scripts an emitted page loads (`<script src="/...">`). */
export function initialJsGzip(dir: string, page: string): number {
  const html = readFileSync(join(dir, page), 'utf8');
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  if (!srcs.length) throw new Error(`${page} in ${dir} loads no script`);
  let bytes = 0;
  for (const src of srcs) {
    const file = src.replace(/^\/(baseline\/)?/, '');
    bytes += gzipSync(readFileSync(join(dir, file))).length;
  }
  return bytes;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the production build took longer than ${timeoutMs / 1000} s; stopped it`));
    }, timeoutMs);
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}
