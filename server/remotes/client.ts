import { request as httpRequest } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import type { RefState } from '../git/repo.ts';
import { problem } from '../http/problems.ts';
import type { Problem } from '../http/problems.ts';
import { parseAdvertisement } from './pktline.ts';
import type { RemoteSecrets } from './secrets.ts';

/** No answer (or no progress on the socket) for this long: the remote is unreachable. */
export const REMOTE_TIMEOUT_MS = 30_000;
const LS_REMOTE_TIMEOUT_MS = 15_000;
/** An advertisement larger than this is refused (tens of thousands of refs). */
const MAX_ADVERTISEMENT = 8 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const USER_AGENT = 'git/2.0 (cairn)';

export type RemoteResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export const unreachable = (detail: string): Problem => problem(502, 'REMOTE_UNREACHABLE', `The stack's remote could not be reached (${detail}).`);
export const authFailed = (status: number): Problem =>
  problem(403, 'REMOTE_AUTH_FAILED', `The stack's remote refused the request (${status}): set or replace its token (PATCH /api/stacks/<name> { token }).`);

/** `Authorization: Basic base64(username:token)`, username `x-access-token` by default (GitHub's convention; GitLab takes any). */
export function authorization(secrets: RemoteSecrets): string | null {
  if (secrets.token === undefined) return null;
  return `Basic ${Buffer.from(`${secrets.username ?? 'x-access-token'}:${secrets.token}`, 'utf8').toString('base64')}`;
}

export interface RemoteRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: OutgoingHttpHeaders;
  readonly secrets: RemoteSecrets;
  /** streamed as the request body; without it the request has none */
  readonly body?: Readable;
  readonly timeoutMs?: number;
}

/**
 * One HTTP request to a remote (Node's own client: no git, no shell). GET/HEAD follow up to
 * three redirects, only within the same origin (scheme, host and port), so the token never
 * goes anywhere else; any other redirect is an error. A request with a body never follows
 * one. Resolves with the response (its body unread) or REMOTE_UNREACHABLE.
 */
export async function remoteRequest(r: RemoteRequest): Promise<RemoteResult<IncomingMessage>> {
  let url = new URL(r.url);
  const origin = url.origin;
  const auth = authorization(r.secrets);
  for (let hop = 0; ; hop++) {
    const res = await once(url, r, auth);
    if (!res.ok) return res;
    const status = res.value.statusCode ?? 0;
    if (status < 300 || status >= 400 || status === 304) return res;
    res.value.resume();
    const location = res.value.headers.location;
    let next: URL | null = null;
    try {
      next = location ? new URL(location, url) : null;
    } catch {
      next = null;
    }
    if (r.body || hop >= MAX_REDIRECTS || !next || next.origin !== origin) {
      return { ok: false, problem: unreachable(`redirected${next && next.origin !== origin ? ' to another host' : ''}; not followed`) };
    }
    url = next;
  }
}

function once(url: URL, r: RemoteRequest, auth: string | null): Promise<RemoteResult<IncomingMessage>> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeout = r.timeoutMs ?? REMOTE_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: RemoteResult<IncomingMessage>) => {
      if (settled) return;
      settled = true;
      resolve(v);
    };
    const req = request(
      url,
      {
        method: r.method,
        agent: false,
        headers: { 'User-Agent': USER_AGENT, ...r.headers, ...(auth ? { Authorization: auth } : {}) },
        timeout,
      },
      (res) => done({ ok: true, value: res }),
    );
    req.on('timeout', () => {
      req.destroy(new Error('timed out'));
      done({ ok: false, problem: unreachable('timed out') });
    });
    // messages name the host and the system error, never our headers
    req.on('error', (e: NodeJS.ErrnoException) => done({ ok: false, problem: unreachable(e.code ?? e.message) }));
    if (r.body) {
      r.body.on('error', () => req.destroy());
      r.body.pipe(req);
    } else {
      req.end();
    }
  });
}

/** `git ls-remote` in Node: the remote's refs from its v0 upload-pack advertisement. */
export async function lsRemote(url: string, secrets: RemoteSecrets, timeoutMs = LS_REMOTE_TIMEOUT_MS): Promise<RemoteResult<RefState>> {
  const res = await remoteRequest({ url: `${url}/info/refs?service=git-upload-pack`, method: 'GET', headers: { Accept: '*/*' }, secrets, timeoutMs });
  if (!res.ok) return res;
  const reply = res.value;
  const status = reply.statusCode ?? 0;
  if (status === 401 || status === 403) {
    reply.resume();
    return { ok: false, problem: authFailed(status) };
  }
  if (status !== 200) {
    reply.resume();
    return { ok: false, problem: problem(502, 'REMOTE_NOT_GIT', `The stack's remote answered ${status} for its refs.`) };
  }
  if (reply.headers['content-type'] !== 'application/x-git-upload-pack-advertisement') {
    reply.resume();
    return { ok: false, problem: problem(502, 'REMOTE_NOT_GIT', "The stack's remote is not a smart-HTTP git repository.") };
  }
  const body = await readCapped(reply, MAX_ADVERTISEMENT, timeoutMs);
  if (body === null) return { ok: false, problem: unreachable('the ref advertisement was cut off, too large or too slow') };
  const ad = parseAdvertisement(body);
  if (!ad.ok) return { ok: false, problem: problem(502, 'REMOTE_NOT_GIT', `The stack's remote sent a bad ref advertisement (${ad.message}).`) };
  return { ok: true, value: ad.refs };
}

function readCapped(res: IncomingMessage, max: number, timeoutMs: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      res.destroy();
      resolve(null);
    }, timeoutMs);
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        clearTimeout(timer);
        res.destroy();
        resolve(null);
      } else chunks.push(c);
    });
    res.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    res.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    res.on('aborted', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}
