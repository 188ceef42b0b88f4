import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { RequestLogEntry } from '../http-deps.js';
import type { HttpEnv } from '../http-env.js';

/**
 * The matched route pattern (`/api/v1/subscriptions/:id`), valid once the handler ran: the last
 * matched route that names a path. Only wildcards matched means no API route: `(web app)` when
 * the web app's fallback answered (ADR 0213), else `(unmatched)` — an unknown path's raw text
 * must not become a label.
 */
export function matchedRoute(c: Context): string {
  const routes = matchedRoutes(c);
  const endpoint = routes.filter((route) => !route.path.endsWith('*')).at(-1);
  if (endpoint !== undefined) return endpoint.path;
  const webApp = routes.some((route) => route.method === 'GET' && route.path.endsWith('*'));
  return webApp && c.res.status < 400 ? '(web app)' : '(unmatched)';
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
