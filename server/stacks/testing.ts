// Test support: a real server on an ephemeral loopback port over a temporary data directory,
// and the git command line pointed at it. Used by the server and git tests only.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RefChange } from '../../src/protocol/stacks.ts';
import { CSRF_HEADER } from '../http/guard.ts';
import { startServer } from '../http/server.ts';
import type { RunningServer } from '../http/server.ts';

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface TestServer {
  readonly running: RunningServer;
  readonly root: string;
  readonly dataDir: string;
  readonly port: number;
  /** `localhost:PORT`, the Host header our requests send */
  readonly host: string;
  readonly origin: string;
  readonly token: string;
  readonly logged: string[];
  /** A raw request: the path goes on the wire as given; Host is added unless `headers.host === null`. */
  send(method: string, path: string, headers?: OutgoingHttpHeaders, body?: string | Buffer): Promise<Reply>;
  /** A JSON API call as the app makes it: own Origin, same-origin fetch metadata, the CSRF token. */
  api(method: string, path: string, body?: unknown): Promise<Reply & { json: Record<string, unknown> }>;
  gitUrl(stack: string): string;
  close(): Promise<void>;
}

const SAMPLES = fileURLToPath(new URL('../../public/samples/', import.meta.url));

export async function startTestServer(options: { maxGitBody?: number; pollIntervalMs?: number } = {}): Promise<TestServer> {
  const root = await mkdtemp(join(tmpdir(), 'cairn-git-'));
  const dist = join(root, 'dist');
  await mkdir(dist);
  await writeFile(join(dist, 'index.html'), '<!doctype html><meta name="cairn-csrf" content="%CAIRN_CSRF%">');
  const logged: string[] = [];
  const dataDir = join(root, 'data');
  const running = await startServer({
    host: '127.0.0.1', port: 0, team: false, allowedHosts: [], distDir: dist, samplesDir: SAMPLES, dataDir,
    serveSourceMaps: false, dev: false, log: (line) => logged.push(line), ...options,
  });
  const host = `localhost:${running.port}`;
  const origin = `http://${host}`;
  const send = (method: string, path: string, headers: OutgoingHttpHeaders = {}, body?: string | Buffer): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const all = { host, ...headers };
      if (headers.host === null) delete (all as Record<string, unknown>).host;
      const req = request({ host: '127.0.0.1', port: running.port, method, path, setHost: false, headers: all, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const page = await send('GET', '/');
  const token = /content="([0-9a-f]{64})"/.exec(page.body)?.[1] ?? '';
  const api = async (method: string, path: string, body?: unknown) => {
    const headers: OutgoingHttpHeaders = { origin, 'sec-fetch-site': 'same-origin', [CSRF_HEADER]: token };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const reply = await send(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(reply.body) as Record<string, unknown>;
    } catch {
      // 204, or an event stream
    }
    return { ...reply, json };
  };
  return {
    running, root, dataDir, port: running.port, host, origin, token, logged, send, api,
    gitUrl: (stack) => `http://127.0.0.1:${running.port}/git/${stack}.git`,
    close: async () => {
      await running.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The git command line as a user runs it, minus their configuration. */
export function gitCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: cwd,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_TERMINAL_PROMPT: '0',
        GIT_AUTHOR_NAME: 'Ada Tester',
        GIT_AUTHOR_EMAIL: 'ada@example.com',
        GIT_COMMITTER_NAME: 'Ada Tester',
        GIT_COMMITTER_EMAIL: 'ada@example.com',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Reads a server-sent event stream as EventSource does, chunk by chunk (`res.on('data', ...)`
 * with utf8 strings), calling `onRef` with each `event: ref`'s RefChange.
 */
export function refEvents(onRef: (change: RefChange) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(block);
      if (/^event: ref$/m.test(block) && data) onRef(JSON.parse(data[1]!) as RefChange);
    }
  };
}
