import type { IncomingMessage, ServerResponse } from 'node:http';
import { GIT_PREFIX, handleGit } from '../git/route.ts';
import { DeliveryLog, handleWebhook, WEBHOOKS_ROUTE } from '../remotes/webhooks.ts';
import { handleStacks, STACKS_ROUTE } from '../stacks/routes.ts';
import type { StackService } from '../stacks/service.ts';
import { checkRequest } from './guard.ts';
import type { GuardPolicy } from './guard.ts';
import { setSecurityHeaders } from './headers.ts';
import { notFound, problem } from './problems.ts';
import { sendProblem } from './respond.ts';
import { listSamples, serveSample } from './samples.ts';
import { serveStatic } from './static.ts';
import type { StaticOptions } from './static.ts';

export interface RouterContext extends StaticOptions {
  readonly policy: GuardPolicy;
  readonly samplesDir: string;
  readonly dev: boolean;
  readonly log: (line: string) => void;
  readonly stacks: StackService;
  /** Cap on a git request's body; MAX_GIT_BODY unless a test lowers it. */
  readonly maxGitBody?: number;
  /** Webhook delivery ids seen lately (replays are ignored). */
  readonly deliveries: DeliveryLog;
}

const MAX_TARGET_LENGTH = 4096;
const SAMPLE_ROUTE = '/api/samples/';

/** Every request: security headers, the guard, then a route. Nothing throws past here. */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RouterContext): Promise<void> {
  const method = req.method ?? 'GET';
  setSecurityHeaders(res, ctx.dev);
  try {
    const target = req.url ?? '';
    const path = requestPath(target);
    const isGit = path !== null && path.startsWith(GIT_PREFIX);
    // webhooks come from GitHub/GitLab, without our CSRF token; their secret authenticates them
    const isWebhook = path !== null && path.startsWith(WEBHOOKS_ROUTE);
    const refused = checkRequest(method, req.headers, ctx.policy, isGit || isWebhook);
    if (refused) return sendProblem(res, method, refused);
    if (path === null) return sendProblem(res, method, problem(400, 'BAD_REQUEST_TARGET', 'Malformed request target.'));
    if (isGit) return await handleGit(req, res, path, queryOf(target), ctx.stacks, ctx.maxGitBody, ctx.log);
    if (isWebhook) return await handleWebhook(req, res, path, ctx.stacks, ctx.deliveries, ctx.log);
    if (path === STACKS_ROUTE || path.startsWith(`${STACKS_ROUTE}/`)) return await handleStacks(req, res, path, ctx.stacks);
    if (path === SAMPLE_ROUTE || path === SAMPLE_ROUTE.slice(0, -1)) return await listSamples(res, method, ctx.samplesDir, ctx.log);
    if (path.startsWith(SAMPLE_ROUTE)) return await serveSample(res, method, path.slice(SAMPLE_ROUTE.length), ctx.samplesDir);
    if (path === '/api' || path.startsWith('/api/')) return sendProblem(res, method, notFound());
    return await serveStatic(res, method, path, ctx);
  } catch (err) {
    ctx.log(`cairn: ${method} ${req.url ?? ''} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (!res.headersSent) sendProblem(res, method, problem(500, 'INTERNAL', 'Something went wrong on the server.'));
    else res.destroy();
  }
}

function queryOf(target: string): string {
  const q = target.indexOf('?');
  return q === -1 ? '' : target.slice(q + 1).replace(/#.*$/, '');
}

/** The path of an origin-form target (`/a/b?q`); null for absolute-form, `*` or oversized targets. */
export function requestPath(target: string): string | null {
  if (!target.startsWith('/') || target.length > MAX_TARGET_LENGTH) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}
