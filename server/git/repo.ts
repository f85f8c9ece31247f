import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { git } from './run.ts';

/** Branch a new repository starts on. */
export const DEFAULT_BRANCH = 'main';
const CAIRN_IDENTITY = { GIT_AUTHOR_NAME: 'Cairn', GIT_AUTHOR_EMAIL: 'cairn@localhost', GIT_COMMITTER_NAME: 'Cairn', GIT_COMMITTER_EMAIL: 'cairn@localhost' };

/**
 * What every hosted repository is configured with: history is never rewritten or deleted
 * through a push, pushed objects are checked, and http-backend accepts pushes.
 */
export const REPO_CONFIG: ReadonlyArray<readonly [string, string]> = [
  ['receive.denyNonFastForwards', 'true'],
  ['receive.denyDeletes', 'true'],
  ['receive.fsckObjects', 'true'],
  ['http.receivepack', 'true'],
  ['http.uploadpack', 'true'],
];

/** `git init --bare` plus the configuration and hooks of a hosted repository. */
export async function initBareRepo(dir: string, hook: HookProgram): Promise<void> {
  await git(['init', '--quiet', '--bare', `--initial-branch=${DEFAULT_BRANCH}`, '--', dir]);
  await prepareRepo(dir, hook);
}

/** (Re)applies REPO_CONFIG and the hooks; used for new, imported and existing repositories. */
export async function prepareRepo(dir: string, hook: HookProgram): Promise<void> {
  for (const [key, value] of REPO_CONFIG) await git(['config', '--file', join(dir, 'config'), key, value]);
  await installHooks(dir, hook);
}

/**
 * The program the pre-receive hook runs (preReceive.ts): bundled once into plain JavaScript
 * at `outFile` with esbuild (which tsx brings), so that a push does not pay for loading
 * TypeScript (about 0.5 s a push here). Without esbuild the hook loads the TypeScript
 * through tsx, slower but the same scan.
 */
export async function buildHookProgram(outFile: string): Promise<HookProgram> {
  const entry = fileURLToPath(new URL('./preReceive.ts', import.meta.url));
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: outFile, logLevel: 'silent' });
    return { url: pathToFileURL(outFile).href, typescript: false };
  } catch {
    return { url: pathToFileURL(entry).href, typescript: true };
  }
}

/** What a hook imports: plain JavaScript, or TypeScript to load through tsx. */
export interface HookProgram {
  readonly url: string;
  readonly typescript: boolean;
}

/** The pre-receive hook: `program`, run by git itself with this very Node binary. */
export async function installHooks(dir: string, program: HookProgram): Promise<void> {
  const load = program.typescript
    ? [`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})`, `  .then(({ register }) => { register(); return import(${JSON.stringify(program.url)}); })`]
    : [`import(${JSON.stringify(program.url)})`];
  const hook = [
    `#!${process.execPath}`,
    '// Installed by Cairn (server/git/repo.ts): rejects pushes that add secrets.',
    "'use strict';",
    ...load,
    '  .catch((err) => { console.error(`cairn: pre-receive hook failed: ${err && err.message}`); process.exit(1); });',
    '',
  ].join('\n');
  const file = join(dir, 'hooks', 'pre-receive');
  await writeFile(file, hook, { mode: 0o755 });
  await chmod(file, 0o755);
}

export interface RefState {
  /** ref name -> object id */
  readonly [ref: string]: string;
}

/** Every ref under refs/ and its object id. */
export async function readRefs(dir: string): Promise<RefState> {
  const out = await git(['--git-dir', dir, 'for-each-ref', '--format=%(objectname) %(refname)']);
  const refs: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) refs[line.slice(space + 1)] = line.slice(0, space);
  }
  return refs;
}

export interface CommitInfo {
  readonly author: string;
  readonly message: string;
  /** ISO 8601, the committer date */
  readonly time: string;
}

/** Author, subject line and time of a commit; `oid` comes from git itself (for-each-ref). */
export async function commitInfo(dir: string, oid: string): Promise<CommitInfo | null> {
  if (!/^[0-9a-f]{40,64}$/.test(oid)) return null;
  const out = await git(['--git-dir', dir, 'log', '-1', '--format=%an <%ae>%x00%s%x00%cI', oid, '--']).catch(() => '');
  const [author, message, time] = out.replace(/\n$/, '').split('\0');
  return author === undefined || message === undefined || time === undefined ? null : { author, message, time };
}

/** Commits one file as the first commit of DEFAULT_BRANCH (a stack created from a starter). */
export async function commitFirstFile(dir: string, path: string, content: string, message: string): Promise<string> {
  const env = CAIRN_IDENTITY;
  const blob = (await git(['--git-dir', dir, 'hash-object', '-w', '--stdin'], { input: content, env })).trim();
  const tree = await mkTree(dir, path.split('/'), blob);
  const commit = (await git(['--git-dir', dir, 'commit-tree', '-m', message, tree], { env })).trim();
  await git(['--git-dir', dir, 'update-ref', `refs/heads/${DEFAULT_BRANCH}`, commit, '0'.repeat(40)]);
  return commit;
}

async function mkTree(dir: string, segments: readonly string[], blob: string): Promise<string> {
  const [name, ...rest] = segments;
  const entry = rest.length === 0 ? `100644 blob ${blob}\t${name}` : `040000 tree ${await mkTree(dir, rest, blob)}\t${name}`;
  return (await git(['--git-dir', dir, 'mktree'], { input: `${entry}\n` })).trim();
}
