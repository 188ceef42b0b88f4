import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../http-env.js';
import { requestHeader } from './request-header.js';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * How every request starts, in the envelope and on the metrics listener alike: its id — the
 * caller's sane X-Request-Id (log correlation), or a fresh one — and no principal yet.
 */
export function startRequest(c: Context<HttpEnv>): string {
  const incoming = requestHeader(c, 'x-request-id');
  const id = incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID();
  c.set('requestId', id);
  c.set('principal', undefined);
  return id;
}

/** The request id alone, for an app without the envelope (the internal metrics listener). */
export function requestId(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const id = startRequest(c);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}
