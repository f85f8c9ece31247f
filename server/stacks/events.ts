import type { ServerResponse } from 'node:http';
import type { RefChange } from '../../src/protocol/stacks.ts';
import type { StackService } from './service.ts';

/** A comment line this often keeps proxies and the browser from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/stacks/<name>/events`: server-sent events, `event: ref` with a RefChange as
 * data, for as long as the browser keeps the stream open; `event: gone` and the end of the
 * stream when the stack is renamed (`renamedTo` names it now) or removed.
 */
export function streamRefEvents(res: ServerResponse, name: string, stacks: StackService, heartbeatMs = HEARTBEAT_MS): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write(`retry: 1000\n: watching ${name}\n\n`);
  const send = (change: RefChange) => res.write(`event: ref\ndata: ${JSON.stringify(change)}\n\n`);
  // renamed or removed: say so and end the stream; the browser's reconnect then gets a 404
  const gone = (renamedTo?: string) => {
    res.write(`event: gone\ndata: ${JSON.stringify(renamedTo === undefined ? { stack: name } : { stack: name, renamedTo })}\n\n`);
    res.end();
  };
  const unsubscribe = stacks.subscribe(name, send, gone);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
