import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { RequestIdHeader } from '../schemas/common.js';
import { errors } from '../schemas/responses.js';
import { newRouter } from './new-router.js';

/** Prometheus text, produced by whoever owns the registry (the composition root). */
export function metricsRoutes(
  handler: (c: Context) => Response | Promise<Response>,
  options: { hide: boolean },
) {
  const router = newRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['health'],
      hide: options.hide,
      summary: 'Prometheus metrics',
      responses: {
        200: {
          description: 'Prometheus text exposition format',
          headers: RequestIdHeader,
          content: { 'text/plain': { schema: z.string() } },
        },
        ...errors(),
      },
    }),
    async (c) => (await handler(c)) as never,
  );
  return router;
}
