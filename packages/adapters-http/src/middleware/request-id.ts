import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../http-env.js';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Echoes a caller's sane X-Request-Id (log correlation) or mints one; on every response. */
export function requestId(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', id);
    c.set('principal', undefined);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}
