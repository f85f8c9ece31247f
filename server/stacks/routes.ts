import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CreateStackRequest, ImportStackRequest, UpdateStackRequest } from '../../src/protocol/stacks.ts';
import { checkStackName } from '../git/names.ts';
import { problem } from '../http/problems.ts';
import type { Problem } from '../http/problems.ts';
import { sendJson, sendProblem } from '../http/respond.ts';
import { streamRefEvents } from './events.ts';
import type { Result, StackService } from './service.ts';

export const STACKS_ROUTE = '/api/stacks';
const MAX_JSON = 64 * 1024;

/**
 * The stacks API (docs/server.md). The guard has already checked Host, Origin, fetch
 * metadata and, for anything but GET/HEAD, the CSRF token.
 */
export async function handleStacks(req: IncomingMessage, res: ServerResponse, path: string, stacks: StackService): Promise<void> {
  const method = req.method ?? 'GET';
  const segments = path.slice(STACKS_ROUTE.length).split('/').filter((s, i) => i > 0 || s !== '');
  if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) {
    if (method === 'GET' || method === 'HEAD') return sendJson(res, method, 200, { stacks: stacks.list() });
    if (method === 'POST') return answer(res, method, 201, await withBody(req, (b: Partial<CreateStackRequest>) => stacks.create(b)));
    return notAllowed(res, method, 'GET, HEAD, POST');
  }
  const [name, sub, ...more] = segments as [string, string | undefined, ...string[]];
  if (name === 'import' && sub === undefined) {
    if (method !== 'POST') return notAllowed(res, method, 'POST');
    return answer(res, method, 201, await withBody(req, (b: Partial<ImportStackRequest>) => stacks.importFrom(b)));
  }
  const invalid = checkStackName(name);
  if (invalid) return sendProblem(res, method, invalid);
  const missing = problem(404, 'STACK_NOT_FOUND', `There is no stack named '${name}'.`);
  if (sub === 'events' && more.length === 0) {
    if (method !== 'GET') return notAllowed(res, method, 'GET');
    if (!stacks.get(name)) return sendProblem(res, method, missing);
    return streamRefEvents(res, name, stacks);
  }
  if (sub !== undefined) return sendProblem(res, method, problem(404, 'NOT_FOUND', 'Nothing here.'));
  switch (method) {
    case 'GET':
    case 'HEAD': {
      const info = stacks.get(name);
      return info ? sendJson(res, method, 200, info) : sendProblem(res, method, missing);
    }
    case 'PATCH':
      return answer(res, method, 200, await withBody(req, (b: Partial<UpdateStackRequest>) => stacks.update(name, b)));
    case 'DELETE': {
      const r = await stacks.remove(name);
      if (!r.ok) return sendProblem(res, method, r.problem);
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      return void res.end();
    }
    default:
      return notAllowed(res, method, 'GET, HEAD, PATCH, DELETE');
  }
}

function answer<T>(res: ServerResponse, method: string, status: number, r: Result<T>): void {
  if (r.ok) sendJson(res, method, status, r.value);
  else sendProblem(res, method, r.problem);
}

function notAllowed(res: ServerResponse, method: string, allow: string): void {
  sendProblem(res, method, problem(405, 'METHOD_NOT_ALLOWED', `Allowed here: ${allow}.`), { Allow: allow });
}

/** Reads a JSON object body (at most 64 KiB, `Content-Type: application/json`) and hands it on. */
async function withBody<B, T>(req: IncomingMessage, then: (body: B) => Promise<Result<T>>): Promise<Result<T>> {
  const body = await readJson(req);
  if ('problem' in body) return { ok: false, problem: body.problem };
  return then(body.value as B);
}

async function readJson(req: IncomingMessage): Promise<{ value: object } | { problem: Problem }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { problem: problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send Content-Type: application/json.') };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON) return { problem: problem(413, 'BODY_TOO_LARGE', `JSON bodies are limited to ${MAX_JSON} bytes.`) };
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { value };
  } catch {
    // answered below
  }
  return { problem: problem(400, 'BAD_JSON', 'The body must be a JSON object.') };
}
