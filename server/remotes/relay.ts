import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import type { GitService } from '../git/backend.ts';
import { MAX_GIT_BODY } from '../git/backend.ts';
import { problem } from '../http/problems.ts';
import { sendProblem } from '../http/respond.ts';
import { authFailed, remoteRequest } from './client.ts';
import type { RemoteSecrets } from './secrets.ts';

/** Once the remote answers, a relay may sit idle (a slow client, a remote packing) this long. */
const STREAM_IDLE_MS = 10 * 60_000;

export interface RelayRequest {
  /** the remote's URL (checked by checkRemoteUrl: http(s), no credentials) */
  readonly url: string;
  readonly secrets: RemoteSecrets;
  /** `info/refs`, `git-upload-pack` or `git-receive-pack` */
  readonly action: string;
  readonly service: GitService;
  readonly maxBody?: number;
  readonly timeoutMs?: number;
}

/**
 * Relays one smart-HTTP request of an external stack to its remote, with the stack's token
 * (docs/server.md). Only what git needs crosses: the method, `Content-Type`,
 * `Content-Encoding`, `Content-Length` and `Git-Protocol` going out; the status,
 * `Content-Type` and `Cache-Control` coming back. Resolves with the remote's status once the
 * answer is relayed, or null when it was not (413, unreachable, refused).
 */
export async function relayGit(req: IncomingMessage, res: ServerResponse, r: RelayRequest): Promise<number | null> {
  const method = req.method ?? 'GET';
  const max = r.maxBody ?? MAX_GIT_BODY;
  const declared = req.headers['content-length'];
  if (declared !== undefined && !(Number(declared) <= max)) {
    res.setHeader('Connection', 'close');
    sendProblem(res, method, problem(413, 'BODY_TOO_LARGE', `Git requests are limited to ${max} bytes.`));
    return null;
  }
  const headers: OutgoingHttpHeaders = { Accept: '*/*' };
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : '';
  };
  const gitProtocol = header('git-protocol');
  if (/^[A-Za-z0-9=:.,_-]{1,200}$/.test(gitProtocol)) headers['Git-Protocol'] = gitProtocol;
  const withBody = method === 'POST';
  let body: PassThrough | undefined;
  let tooLarge = false;
  if (withBody) {
    headers['Content-Type'] = header('content-type');
    if (/^(?:gzip|x-gzip|deflate|identity)$/i.test(header('content-encoding'))) headers['Content-Encoding'] = header('content-encoding');
    if (declared !== undefined) headers['Content-Length'] = declared;
    body = new PassThrough();
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > max && !tooLarge) {
        tooLarge = true;
        req.unpipe(body);
        body!.destroy();
        if (res.headersSent) return void res.destroy();
        req.once('end', () => sendProblem(res, method, problem(413, 'BODY_TOO_LARGE', `Git requests are limited to ${max} bytes.`)));
        req.resume();
      }
      if (tooLarge && received > 4 * max) req.socket.destroy();
    });
    req.pipe(body);
  }
  const query = r.action === 'info/refs' ? `?service=${r.service}` : '';
  const answer = await remoteRequest({
    url: `${r.url}/${r.action}${query}`,
    method: withBody ? 'POST' : method,
    headers,
    secrets: r.secrets,
    ...(body ? { body } : {}),
    ...(r.timeoutMs !== undefined ? { timeoutMs: r.timeoutMs } : {}),
  });
  if (tooLarge) {
    if (answer.ok) answer.value.destroy();
    return null;
  }
  if (!answer.ok) {
    req.unpipe();
    req.resume();
    sendProblem(res, method, answer.problem);
    return null;
  }
  const reply = answer.value;
  const status = reply.statusCode ?? 502;
  if (status === 401 || status === 403) {
    reply.resume();
    req.unpipe();
    req.resume();
    sendProblem(res, method, authFailed(status));
    return null;
  }
  reply.socket.setTimeout(STREAM_IDLE_MS);
  const type = reply.headers['content-type'];
  const cache = reply.headers['cache-control'];
  res.writeHead(status, {
    ...(type ? { 'Content-Type': type } : {}),
    'Cache-Control': cache ?? 'no-store',
  });
  return new Promise((resolve) => {
    reply.pipe(res);
    reply.on('end', () => resolve(status));
    reply.on('error', () => {
      res.destroy();
      resolve(null);
    });
    reply.on('aborted', () => {
      res.destroy();
      resolve(null);
    });
    res.on('close', () => {
      if (!reply.complete) {
        reply.destroy();
        resolve(null);
      }
    });
  });
}
