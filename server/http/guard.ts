import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { problem } from './problems.ts';
import type { Problem } from './problems.ts';

/** The header that carries the per-launch CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-cairn-csrf';

export const LOOPBACK_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export interface GuardPolicy {
  /** The port we listen on: a Host header must name it. */
  readonly port: number;
  /** Lower-case host names a Host header may carry (IPv6 in brackets). */
  readonly hostnames: readonly string[];
  readonly csrfToken: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Checks a request's headers before anything else looks at it; null means it may proceed.
 * `git` requests (`/git/*`, from git clients, which send neither Origin nor our token, and
 * `/api/webhooks/*`, from GitHub/GitLab, authenticated by their own secret) skip the CSRF
 * token but not the rest: a browser's request to them carries Origin and `Sec-Fetch-Site`,
 * and those must still be our own.
 */
export function checkRequest(method: string, headers: IncomingHttpHeaders, policy: GuardPolicy, git = false): Problem | null {
  return (
    checkHost(headers.host, policy) ??
    checkOrigin(headers.origin, headers.host ?? '') ??
    checkFetchMetadata(method, headers) ??
    (git ? null : checkCsrf(method, headers[CSRF_HEADER], policy.csrfToken))
  );
}

/** DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends `Host: evil.example`. */
export function checkHost(host: string | undefined, policy: GuardPolicy): Problem | null {
  const allowed = policy.hostnames.some((name) => host?.toLowerCase() === `${name}:${policy.port}`);
  return allowed ? null : problem(403, 'HOST_NOT_ALLOWED', 'The Host header does not name this server.');
}

/** Any Origin header must be our own origin; `Origin: null` (sandboxed frames, files) is refused. */
export function checkOrigin(origin: string | undefined, host: string): Problem | null {
  if (origin === undefined) return null;
  if (origin.toLowerCase() === `http://${host.toLowerCase()}`) return null;
  return problem(403, 'ORIGIN_NOT_ALLOWED', 'Requests from other origins are not allowed.');
}

/**
 * Fetch metadata (`Sec-Fetch-*`, sent by every current browser): state changes must come from
 * our own pages; reads from other sites are refused except a top-level navigation to us.
 */
export function checkFetchMetadata(method: string, headers: IncomingHttpHeaders): Problem | null {
  const site = headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin') return null;
  if (SAFE_METHODS.has(method)) {
    if (site === 'none') return null;
    if (headers['sec-fetch-mode'] === 'navigate' && headers['sec-fetch-dest'] === 'document') return null;
  }
  return problem(403, 'CROSS_SITE_REQUEST', 'Cross-site requests are not allowed.');
}

export function checkCsrf(method: string, token: string | string[] | undefined, expected: string): Problem | null {
  if (SAFE_METHODS.has(method)) return null;
  if (typeof token === 'string' && tokensEqual(token, expected)) return null;
  return problem(403, 'CSRF_TOKEN_INVALID', `State-changing requests need the ${CSRF_HEADER} header of this launch.`);
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return y.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}
