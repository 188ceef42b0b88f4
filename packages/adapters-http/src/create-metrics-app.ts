import { Hono } from 'hono';
import type { Context } from 'hono';
import type { HttpEnv } from './http-env.js';
import { requestId } from './middleware/request-id.js';
import { problem, problemResponse } from './problem/problem.js';
import { metricsRoutes } from './routes/metrics-routes.js';

/**
 * GET /metrics alone, for an internal listener (METRICS_PORT): Prometheus scrapes it on a port
 * the load balancer never exposes, while the public app answers 404 on /metrics.
 */
export function createMetricsApp(deps: {
  readonly metrics: (c: Context) => Response | Promise<Response>;
  readonly token?: string | undefined;
}): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>();
  app.use('*', requestId());
  app.route('/metrics', metricsRoutes(deps.metrics, { hide: true, token: deps.token }));
  app.notFound((c) => problemResponse(c, problem(404, 'NOT_FOUND', 'Recurso no encontrado.')));
  return app;
}
