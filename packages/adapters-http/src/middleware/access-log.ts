import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { RequestLogEntry } from '../http-deps.js';
import type { HttpEnv } from '../http-env.js';

/**
 * The matched route pattern (`/api/v1/subscriptions/:id`), valid once the handler ran. Only
 * middleware ('/*') matched means an unknown path, whose raw text must not become a label.
 */
export function matchedRoute(c: Context): string {
  const matched = routePath(c, -1);
  return matched.endsWith('*') ? '(unmatched)' : matched;
}

/** One entry per request with the route pattern (bounded cardinality), never the raw URL. */
export function accessLog(onRequest: (entry: RequestLogEntry) => void): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    onRequest({
      method: c.req.method,
      route: matchedRoute(c),
      status: c.res.status,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      requestId: c.get('requestId'),
      clientId: c.get('principal')?.clientId ?? null,
    });
  };
}
