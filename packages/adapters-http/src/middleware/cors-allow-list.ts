import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Whether `hono/cors` must run: a preflight, or an actual request from an allowed origin. */
export type CorsApplies = (c: Context) => boolean;

export function corsApplies(origins: readonly string[]): CorsApplies {
  const allowed = new Set(origins);
  return (c) => {
    const origin = c.req.header('origin');
    return origin !== undefined && (c.req.method === 'OPTIONS' || allowed.has(origin));
  };
}

/**
 * Only the configured origins get CORS headers; the rest get none (the browser blocks).
 *
 * `hono/cors` sets its headers on `c.res` before the handler runs, which makes Hono merge the
 * handler's answer into that early response and pushes @hono/node-server off its fast path (a
 * full WHATWG Response with a stream, per request). So it only runs where it can matter
 * (`corsApplies`). Every other answer just says that it depends on `Origin` (`Vary: Origin`, set
 * by the response envelope), so a shared cache never serves one origin's CORS answer to another
 * (ADR 0700).
 */
export function corsAllowList(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  const applies = corsApplies(origins);
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
  return (c, next) => (applies(c) ? full(c, next) : next());
}

/** Adds `Origin` to `Vary` unless it is already there (or `Vary: *`). */
export function varyOnOrigin(headers: Headers): void {
  const vary = headers.get('vary');
  if (vary === null) {
    headers.set('Vary', 'Origin');
    return;
  }
  const listed = vary.split(',').map((name) => name.trim().toLowerCase());
  if (!listed.includes('origin') && !listed.includes('*')) headers.append('Vary', 'Origin');
}
