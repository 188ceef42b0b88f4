import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../http-env.js';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's sane X-Request-Id (log correlation), or a fresh one. */
export function requestIdOf(c: Context): string {
  const incoming = c.req.header('x-request-id');
  return incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID();
}

/** The request id alone, for an app without the envelope (the internal metrics listener). */
export function requestId(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const id = requestIdOf(c);
    c.set('requestId', id);
    c.set('principal', undefined);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}
