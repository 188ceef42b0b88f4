import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

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
