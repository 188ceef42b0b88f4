import { timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { problem, problemResponse } from '../problem/problem.js';
import { RequestIdHeader } from '../schemas/common.js';
import { problems } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { requestHeader } from '../middleware/request-header.js';

export interface MetricsOptions {
  readonly hide: boolean;
  /** Bearer token required to scrape; undefined → open (bind to an internal port instead). */
  readonly token?: string | undefined;
}

/** Prometheus text, produced by whoever owns the registry (the composition root). */
export function metricsRoutes(
  handler: (c: Context) => Response | Promise<Response>,
  options: MetricsOptions,
) {
  const router = newRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'getMetrics',
      tags: ['health'],
      hide: options.hide,
      summary: 'Métricas de Prometheus (bearer METRICS_TOKEN cuando está configurado)',
      responses: {
        200: {
          description: 'Formato de texto de Prometheus',
          headers: RequestIdHeader,
          content: { 'text/plain': { schema: z.string() } },
        },
        ...problems('UNAUTHORIZED'),
      },
    }),
    async (c) => {
      if (
        options.token !== undefined &&
        !bearerMatches(requestHeader(c, 'authorization'), options.token)
      ) {
        const body = problem(401, 'UNAUTHORIZED', 'Se requiere el token de métricas.');
        return problemResponse(c, body, { 'WWW-Authenticate': 'Bearer' }) as never;
      }
      return (await handler(c)) as never;
    },
  );
  return router;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from latency. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (match?.[1] === undefined) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
