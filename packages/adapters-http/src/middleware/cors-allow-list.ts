import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * Only the configured origins get CORS headers; the rest get none (the browser blocks).
 *
 * `hono/cors` sets its headers on `c.res` before the handler runs, which makes Hono merge the
 * handler's answer into that early response and pushes @hono/node-server off its fast path (a
 * full WHATWG Response with a stream, per request). So it only runs where it can matter: a
 * preflight, or an actual request from an allowed origin. Every other answer just says that it
 * depends on `Origin` (`Vary: Origin`), so a shared cache never serves one origin's CORS answer
 * to another (ADR 0700).
 */
export function corsAllowList(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  const full = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: [
      'X-Request-Id',
      'Idempotent-Replayed',
      'Retry-After',
      'RateLimit',
      'RateLimit-Policy',
      'WWW-Authenticate',
    ],
    maxAge: 600,
    credentials: false,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && (c.req.method === 'OPTIONS' || allowed.has(origin))) {
      return full(c, next);
    }
    await next();
    varyOnOrigin(c);
  };
}

/** Adds `Origin` to `Vary` unless it is already there (or `Vary: *`). */
function varyOnOrigin(c: Context): void {
  const headers = c.res.headers;
  const vary = headers.get('vary');
  if (vary === null) {
    headers.set('Vary', 'Origin');
    return;
  }
  const listed = vary.split(',').map((name) => name.trim().toLowerCase());
  if (!listed.includes('origin') && !listed.includes('*')) headers.append('Vary', 'Origin');
}
