import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { HttpEnv } from '../http-env.js';
import { requestHeader } from './request-header.js';

/**
 * Only the configured origins get CORS headers; the rest get none (the browser blocks). This
 * module alone holds the origin set: `applies` decides, `layer` acts on that decision.
 */
export interface CorsAllowList {
  /**
   * Whether `hono/cors` must run: a preflight, or an actual request from an allowed origin. The
   * response envelope asks once per request and records the answer as `underCors`.
   */
  readonly applies: (c: Context) => boolean;
  /**
   * Runs `hono/cors` where the envelope recorded `underCors`, and nothing else.
   *
   * `hono/cors` sets its headers on `c.res` before the handler runs, which makes Hono merge the
   * handler's answer into that early response and pushes @hono/node-server off its fast path (a
   * full WHATWG Response with a stream, per request). So it only runs where it can matter. Every
   * other answer just says that it depends on `Origin` (`Vary: Origin`, set by the response
   * envelope), so a shared cache never serves one origin's CORS answer to another (ADR 0700).
   */
  readonly layer: MiddlewareHandler<HttpEnv>;
}

export function corsAllowList(origins: readonly string[]): CorsAllowList {
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
  return {
    applies: (c) => {
      const origin = requestHeader(c, 'origin');
      return origin !== undefined && (c.req.method === 'OPTIONS' || allowed.has(origin));
    },
    layer: (c, next) => (c.get('underCors') ? full(c, next) : next()),
  };
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
