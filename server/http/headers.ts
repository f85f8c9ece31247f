import type { ServerResponse } from 'node:http';

/**
 * Same-origin everything. `'unsafe-eval'` only in dev mode, where webpack's
 * `eval-cheap-module-source-map` wraps each module in `eval()`.
 */
export function contentSecurityPolicy(dev: boolean, styleNonce?: string): string {
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-eval'" : "script-src 'self'",
    // the page's own <style> elements (CodeMirror's) carry a per-response nonce
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sent on every response, errors included. Never `Access-Control-Allow-Origin`. */
export function setSecurityHeaders(res: ServerResponse, dev: boolean): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(dev));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}
