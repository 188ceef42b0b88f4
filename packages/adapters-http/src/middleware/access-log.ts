import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { RequestLogEntry } from '../http-deps.js';
import type { HttpEnv } from '../http-env.js';

/** One entry per request with the route pattern (bounded cardinality), never the raw URL. */
export function accessLog(onRequest: (entry: RequestLogEntry) => void): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const matched = routePath(c, -1);
    // Only middleware ('/*') matched: an unknown path, whose raw text must not become a label.
    const route = matched.endsWith('*') ? '(unmatched)' : matched;
    onRequest({
      method: c.req.method,
      route,
      status: c.res.status,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      requestId: c.get('requestId'),
      clientId: c.get('principal')?.clientId ?? null,
    });
  };
}
