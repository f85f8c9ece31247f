import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Problem } from './problems.ts';

export function sendJson(res: ServerResponse, method: string, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(method === 'HEAD' ? undefined : body);
}

export function sendProblem(res: ServerResponse, method: string, p: Problem, headers: OutgoingHttpHeaders = {}): void {
  sendJson(res, method, p.status, { code: p.code, message: p.message }, headers);
}

export const READ_ONLY = { Allow: 'GET, HEAD' } as const;
