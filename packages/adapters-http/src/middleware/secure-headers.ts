import type { MiddlewareHandler } from 'hono';

/** An API returns data, never a page: nothing may load, frame or sniff it. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const ALWAYS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Runs after the handler and after the error handler, so errors carry the same headers.
 * Handlers that serve something else (the docs page) set their own CSP and Cache-Control first;
 * those two are only defaulted, never overwritten.
 */
export function secureHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(ALWAYS)) headers.set(name, value);
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', API_CSP);
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
    headers.delete('X-Powered-By');
  };
}
