// Test support only: bare repositories served over git smart HTTP by the real `git
// http-backend` (CGI), configured as the Cairn server configures its stack repositories.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs git with an argument array (never a shell); throws with stderr on failure. */
export function gitCli(args: readonly string[], cwd?: string, env: Record<string, string> = {}): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir(), ...env },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export interface GitHttpServer {
  readonly root: string;
  /** `http://127.0.0.1:<port>/git/<name>.git` */
  url(name: string): string;
  /** The bare repository's path (for `git --git-dir`). */
  repoPath(name: string): string;
  /** A bare repository with one commit on `main` holding `files`. */
  createRepo(name: string, files: Record<string, string>): void;
  /** A bare repository with no commit at all. */
  createEmptyRepo(name: string): void;
  close(): Promise<void>;
}

const AUTHOR = { GIT_AUTHOR_NAME: 'Seed', GIT_AUTHOR_EMAIL: 'seed@example.com', GIT_COMMITTER_NAME: 'Seed', GIT_COMMITTER_EMAIL: 'seed@example.com' };

function handle(root: string, req: IncomingMessage, res: ServerResponse) {
  const u = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!u.pathname.startsWith('/git/') || u.pathname.includes('..')) {
    res.writeHead(404).end();
    return;
  }
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
      PATH_INFO: u.pathname.slice('/git'.length),
      QUERY_STRING: u.search.slice(1),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-length'] ? { CONTENT_LENGTH: String(req.headers['content-length']) } : {}),
      REMOTE_USER: 'cairn-test',
      REMOTE_ADDR: '127.0.0.1',
      ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
    },
  });
  req.pipe(child.stdin);
  let head = Buffer.alloc(0);
  let headerDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headerDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headerDone = true;
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const i = line.indexOf(':');
      const name = line.slice(0, i).trim();
      const value = line.slice(i + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else res.setHeader(name, value);
    }
    res.statusCode = status;
    res.write(head.subarray(end + 4));
  });
  child.stdout.on('end', () => {
    if (!headerDone) res.statusCode = 500;
    res.end();
  });
  child.on('error', () => res.destroy());
}

function initBare(bare: string): string {
  gitCli(['init', '--quiet', '--bare', '--initial-branch=main', '--', bare]);
  gitCli(['config', 'receive.denyNonFastForwards', 'true'], bare);
  gitCli(['config', 'receive.denyDeletes', 'true'], bare);
  gitCli(['config', 'receive.fsckObjects', 'true'], bare);
  gitCli(['config', 'http.receivepack', 'true'], bare);
  return bare;
}

export async function startGitHttpServer(): Promise<GitHttpServer> {
  const root = mkdtempSync(join(tmpdir(), 'cairn-git-srv-'));
  const server: Server = createServer((req, res) => handle(root, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const repoPath = (name: string) => join(root, `${name}.git`);
  return {
    root,
    url: (name) => `http://127.0.0.1:${port}/git/${name}.git`,
    repoPath,
    createEmptyRepo: (name) => void initBare(repoPath(name)),
    createRepo(name, files) {
      const bare = initBare(repoPath(name));
      const seed = mkdtempSync(join(tmpdir(), 'cairn-git-seed-'));
      gitCli(['init', '--initial-branch=main'], seed);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(seed, path, '..'), { recursive: true });
        writeFileSync(join(seed, path), text);
      }
      gitCli(['add', '-A'], seed);
      gitCli(['commit', '-m', 'Initial stack'], seed, AUTHOR);
      gitCli(['push', bare, 'main'], seed);
      rmSync(seed, { recursive: true, force: true });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Commits `files` to `branch` of the bare repo from a throwaway CLI clone (a "terminal push").
 * Through the repository path, not the URL: spawnSync blocks the event loop that serves HTTP.
 */
export function cliPush(server: GitHttpServer, name: string, branch: string, files: Record<string, string>, message: string): string {
  const work = mkdtempSync(join(tmpdir(), 'cairn-git-cli-'));
  try {
    gitCli(['clone', '--quiet', '--branch', branch, '--', server.repoPath(name), work]);
    for (const [path, text] of Object.entries(files)) writeFileSync(join(work, path), text);
    gitCli(['commit', '--quiet', '-am', message], work, AUTHOR);
    gitCli(['push', '--quiet', 'origin', branch], work);
    return gitCli(['rev-parse', 'HEAD'], work).trim();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
