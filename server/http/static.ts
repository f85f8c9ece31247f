import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { contentSecurityPolicy } from './headers.ts';
import { isInside, isMissing, sendFile } from './files.ts';
import { notFound, problem } from './problems.ts';
import type { Problem } from './problems.ts';
import { READ_ONLY, sendProblem } from './respond.ts';

export interface StaticOptions {
  readonly distDir: string;
  readonly serveSourceMaps: boolean;
  readonly csrfToken: string;
  /** Development build: its CSP allows the eval() webpack's dev source maps use. */
  readonly dev?: boolean;
}

export const CSRF_PLACEHOLDER = '%CAIRN_CSRF%';

/** webpack's `[name].[contenthash:8].ext`: the name changes whenever the content does. */
const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export type StaticPath = { readonly ok: true; readonly segments: readonly string[] } | { readonly ok: false; readonly problem: Problem };

const badPath = (): StaticPath => ({ ok: false, problem: problem(400, 'BAD_PATH', 'That path is not allowed.') });

/**
 * Turns the path of a request target into path segments below the build directory.
 * Decodes once, then refuses traversal (`..`, `.`), NUL and control characters, and
 * backslashes; empty segments and dotfiles are simply not found.
 */
export function resolveStaticPath(rawPath: string): StaticPath {
  if (rawPath === '/') return { ok: true, segments: ['index.html'] };
  if (!rawPath.startsWith('/') || rawPath.includes('\\')) return badPath();
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return badPath();
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return badPath();
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '.' || s === '..')) return badPath();
  if (segments.some((s) => s === '' || s.startsWith('.'))) return { ok: false, problem: notFound() };
  return { ok: true, segments };
}

export function injectCsrfToken(html: string, token: string): string {
  const meta = `<meta name="cairn-csrf" content="${token}">`;
  if (html.includes(CSRF_PLACEHOLDER)) return html.replaceAll(CSRF_PLACEHOLDER, token);
  return html.replace('</head>', `${meta}</head>`);
}

export async function serveStatic(res: ServerResponse, method: string, rawPath: string, opts: StaticOptions): Promise<void> {
  if (method !== 'GET' && method !== 'HEAD') {
    return sendProblem(res, method, problem(405, 'METHOD_NOT_ALLOWED', 'Static files are read-only.'), READ_ONLY);
  }
  const resolved = resolveStaticPath(rawPath);
  if (!resolved.ok) return sendProblem(res, method, resolved.problem);
  const { segments } = resolved;
  if (segments.length === 1 && segments[0] === 'index.html') return serveIndex(res, method, opts);
  const file = join(opts.distDir, ...segments);
  const name = segments[segments.length - 1] ?? '';
  if (!isInside(opts.distDir, file) || (name.endsWith('.map') && !opts.serveSourceMaps)) {
    return sendProblem(res, method, notFound());
  }
  const sent = await sendFile(res, method, opts.distDir, file, HASHED.test(name) ? IMMUTABLE : 'no-cache');
  if (!sent) sendProblem(res, method, notFound());
}

async function serveIndex(res: ServerResponse, method: string, opts: StaticOptions): Promise<void> {
  let html: string;
  try {
    html = await readFile(join(opts.distDir, 'index.html'), 'utf8');
  } catch (err) {
    if (!isMissing(err)) throw err;
    const message = 'The app is not built yet: run `npm run build`, or `npm start`, which builds it.';
    return sendProblem(res, method, problem(503, 'NOT_BUILT', message));
  }
  const nonce = randomBytes(16).toString('base64');
  const body = injectCsrfToken(html, opts.csrfToken).replace('</head>', `<meta name="cairn-style-nonce" content="${nonce}"></head>`);
  res.writeHead(200, {
    'Content-Security-Policy': contentSecurityPolicy(opts.dev ?? false, nonce),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    // The page carries this launch's CSRF token: never store it, always ask again.
    'Cache-Control': 'no-cache, no-store',
  });
  res.end(method === 'HEAD' ? undefined : body);
}
