import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname } from 'node:path';
import { problem } from '../http/problems.ts';
import { sendProblem } from '../http/respond.ts';
import { gitEnv } from './run.ts';

/** Request bodies larger than this (as sent, before any gzip is undone) get 413. */
export const MAX_GIT_BODY = 50 * 1024 * 1024;
const MAX_CGI_HEADER = 64 * 1024;
/** Output held back while the request body is still coming in. */
const MAX_HELD = 1024 * 1024;

export type GitService = 'git-upload-pack' | 'git-receive-pack';

export interface GitRequest {
  /** the bare repository's directory (already checked to be inside the data directory) */
  readonly repoDir: string;
  /** `info/refs`, `git-upload-pack` or `git-receive-pack` */
  readonly action: string;
  /** the query string, without `?` */
  readonly query: string;
  readonly service: GitService;
  readonly maxBody?: number;
  readonly log: (line: string) => void;
}

/**
 * Runs `git http-backend` for one smart-HTTP request: the request body streams into it, its
 * CGI answer (headers with `Status:`, then the body) streams back. Resolves with its exit
 * code once it has exited and the answer is written.
 */
export function runHttpBackend(req: IncomingMessage, res: ServerResponse, r: GitRequest): Promise<number | null> {
  const method = req.method ?? 'GET';
  const max = r.maxBody ?? MAX_GIT_BODY;
  const declared = req.headers['content-length'];
  if (declared !== undefined && !(Number(declared) <= max)) {
    res.setHeader('Connection', 'close');
    sendProblem(res, method, problem(413, 'BODY_TOO_LARGE', `Git requests are limited to ${max} bytes.`));
    return Promise.resolve(null);
  }
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : '';
  };
  const gitProtocol = header('git-protocol');
  const env = gitEnv({
    GIT_PROJECT_ROOT: dirname(r.repoDir),
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: `/${basename(r.repoDir)}/${r.action}`,
    QUERY_STRING: r.query,
    REQUEST_METHOD: method,
    CONTENT_TYPE: header('content-type'),
    ...(declared !== undefined ? { CONTENT_LENGTH: declared } : {}),
    ...(header('content-encoding') ? { HTTP_CONTENT_ENCODING: header('content-encoding') } : {}),
    // protocol v2 is asked for with this header; only its documented characters pass
    ...(/^[A-Za-z0-9=:.,_-]{1,200}$/.test(gitProtocol) ? { GIT_PROTOCOL: gitProtocol } : {}),
    REMOTE_ADDR: req.socket.remoteAddress ?? '',
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
    GATEWAY_INTERFACE: 'CGI/1.1',
  });
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });

  return new Promise((resolve) => {
    let received = 0;
    let tooLarge = false;
    let bodyIn = false;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > max && !tooLarge) {
        tooLarge = true;
        req.unpipe(child.stdin);
        child.kill('SIGKILL');
        if (res.headersSent) return void res.destroy();
        // read on (discarding) and answer at the end, so that the client sees the 413 rather
        // than a reset connection; one that sends far beyond the cap is cut off
        req.once('end', () => sendProblem(res, method, problem(413, 'BODY_TOO_LARGE', `Git requests are limited to ${max} bytes.`)));
        req.resume();
      }
      if (tooLarge && received > 4 * max) req.socket.destroy();
    });
    req.pipe(child.stdin);
    child.stdin.on('error', () => {});

    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      if (stderr.length < 4096) stderr += s;
    });

    // http-backend writes its headers before it reads the request; they are held back until
    // the body is in (or the held output grows large), so that a body over the cap can still
    // be answered with 413
    let held: Buffer = Buffer.alloc(0);
    let streaming = false;
    const startStreaming = (): void => {
      if (streaming || tooLarge) return;
      const end = findHeaderEnd(held);
      if (end === null) return;
      const { status, headers } = parseCgiHeaders(held.subarray(0, end.at).toString('latin1'));
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      streaming = true;
      const rest = held.subarray(end.at + end.length);
      held = Buffer.alloc(0);
      if (rest.length) res.write(rest);
    };
    req.on('end', () => {
      bodyIn = true;
      startStreaming();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      if (streaming) {
        if (!res.write(chunk)) {
          child.stdout.pause();
          res.once('drain', () => child.stdout.resume());
        }
        return;
      }
      held = Buffer.concat([held, chunk]);
      if (findHeaderEnd(held) === null) {
        if (held.length > MAX_CGI_HEADER) child.kill('SIGKILL');
      } else if (bodyIn || held.length > MAX_HELD) {
        startStreaming();
      }
    });
    child.on('error', (err) => r.log(`cairn: git http-backend: ${err.message}`));
    child.on('close', (code) => {
      if (stderr.trim()) r.log(`cairn: git http-backend (${r.service}): ${stderr.trim()}`);
      if (!tooLarge) {
        startStreaming();
        if (!streaming) sendProblem(res, method, problem(500, 'GIT_FAILED', 'git http-backend did not answer.'));
        else res.end();
      }
      resolve(tooLarge ? null : code);
    });
    res.on('close', () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
  });
}

function findHeaderEnd(buf: Buffer): { at: number; length: number } | null {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { at: crlf, length: 4 };
  if (lf !== -1) return { at: lf, length: 2 };
  return null;
}

/** CGI response headers: `Status: 404 Not Found` sets the status; the others are passed on. */
export function parseCgiHeaders(text: string): { status: number; headers: Record<string, string> } {
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (/^status$/i.test(name)) {
      const code = Number(value.slice(0, 3));
      if (code >= 100 && code <= 599) status = code;
    } else if (/^(content-type|cache-control|expires|pragma|content-length)$/i.test(name)) {
      headers[name] = value;
    }
  }
  return { status, headers };
}
