// Test support: a second, independent git server standing in for an external host (GitHub,
// GitLab): bare repositories served over smart HTTP by the real `git http-backend`, at
// `http://127.0.0.1:<port>/<name>.git`, optionally behind a token in Basic auth (401
// without it, as GitHub answers). Used by the server tests only.
// (src/git/testing/gitHttpServer.ts serves the browser engine's tests; server/ may not import
// src/git, scripts/lint-deps.mjs, so this one lives here.)
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHttpBackend } from '../git/backend.ts';
import type { GitService } from '../git/backend.ts';
import { git } from '../git/run.ts';
import { gitCli } from '../stacks/testing.ts';

export interface ExternalHost {
  readonly root: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>/<name>.git` */
  url(name: string): string;
  repoPath(name: string): string;
  /** A bare repository with one commit on `main` holding `files`. */
  createRepo(name: string, files: Record<string, string>): Promise<void>;
  /** Commits `files` on `branch` straight into the repository (not through any server): a push Cairn did not relay. Returns the new head. */
  pushDirect(name: string, branch: string, files: Record<string, string>, message: string): Promise<string>;
  /** The refs of a repository, as `git for-each-ref` sees them. */
  head(name: string, branch: string): Promise<string>;
  /** Every request seen: method, path and the headers that matter to the tests. */
  readonly requests: Array<{ method: string; path: string; authorization: string | undefined; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

const ROUTE = /^\/([a-z0-9._-]+)\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/;
const SEED = { GIT_AUTHOR_NAME: 'Grace Remote', GIT_AUTHOR_EMAIL: 'grace@example.com', GIT_COMMITTER_NAME: 'Grace Remote', GIT_COMMITTER_EMAIL: 'grace@example.com' };

export async function startExternalHost(options: { token?: string; username?: string } = {}): Promise<ExternalHost> {
  const root = await mkdtemp(join(tmpdir(), 'cairn-external-'));
  const repos = join(root, 'repos');
  await mkdir(repos);
  const requests: ExternalHost['requests'] = [];
  const expected = options.token === undefined ? null : `Basic ${Buffer.from(`${options.username ?? 'x-access-token'}:${options.token}`).toString('base64')}`;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? '', path: u.pathname + u.search, authorization: req.headers.authorization, headers: req.headers });
    if (expected !== null && req.headers.authorization !== expected) {
      req.resume();
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="external"', 'Set-Cookie': 'tracking=1', 'Content-Type': 'text/plain' });
      return void res.end('Authentication required\n');
    }
    const m = ROUTE.exec(u.pathname);
    if (!m) {
      req.resume();
      return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    }
    const [, name, action] = m as unknown as [string, string, string];
    const service = (action === 'info/refs' ? u.searchParams.get('service') : action) as GitService;
    res.setHeader('Set-Cookie', 'session=remote-cookie');
    await runHttpBackend(req, res, { repoDir: join(repos, `${name}.git`), action, query: u.search.slice(1), service, log: () => {} });
  };
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const repoPath = (name: string) => join(repos, `${name}.git`);
  const ok = async (args: string[], cwd: string, env: Record<string, string> = {}) => {
    const r = await gitCli(args, cwd, { ...SEED, ...env });
    if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const commitFiles = async (work: string, files: Record<string, string>, message: string) => {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(work, path, '..'), { recursive: true });
      await writeFile(join(work, path), text);
    }
    await ok(['add', '-A'], work);
    await ok(['commit', '--quiet', '-m', message], work);
  };
  return {
    root,
    port,
    requests,
    url: (name) => `http://127.0.0.1:${port}/${name}.git`,
    repoPath,
    async createRepo(name, files) {
      const bare = repoPath(name);
      await git(['init', '--quiet', '--bare', '--initial-branch=main', '--', bare]);
      for (const [k, v] of [['http.receivepack', 'true'], ['receive.denyNonFastForwards', 'true']] as const) await git(['--git-dir', bare, 'config', k, v]);
      const work = await mkdtemp(join(root, 'seed-'));
      await ok(['init', '--quiet', '--initial-branch=main'], work);
      await commitFiles(work, files, 'Initial stack');
      await ok(['push', '--quiet', bare, 'main'], work);
      await rm(work, { recursive: true, force: true });
    },
    async pushDirect(name, branch, files, message) {
      const work = await mkdtemp(join(root, 'direct-'));
      try {
        await ok(['clone', '--quiet', '--branch', branch, '--', repoPath(name), work], root);
        await commitFiles(work, files, message);
        await ok(['push', '--quiet', 'origin', branch], work);
        return (await ok(['rev-parse', 'HEAD'], work)).trim();
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    async head(name, branch) {
      return (await git(['--git-dir', repoPath(name), 'rev-parse', `refs/heads/${branch}`])).trim();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
