import { createRoute, z } from '@hono/zod-openapi';
import { problem, problemResponse } from '../problem/problem.js';
import { errors, json } from '../schemas/responses.js';
import { newRouter } from './new-router.js';

const Health = z.object({ status: z.enum(['ok', 'ready']) }).openapi('Health');
const READY_TIMEOUT_MS = 2_000;

/**
 * Liveness and readiness. Mounted under /api/v1 (documented) and at the root (hidden), where
 * load balancers and orchestrators look for them.
 */
export function healthRoutes(readiness: () => Promise<boolean>, options: { hide: boolean }) {
  const router = newRouter();
  const tags = ['health'];

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      hide: options.hide,
      summary: 'Liveness: the process answers',
      responses: { 200: json(Health, 'Alive'), ...errors() },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      tags,
      hide: options.hide,
      summary: 'Readiness: 200 only when storage answers',
      responses: { 200: json(Health, 'Ready'), ...errors(503) },
    }),
    async (c) => {
      if (await answersInTime(readiness)) return c.json({ status: 'ready' as const }, 200);
      return problemResponse(
        c,
        problem(503, 'NOT_READY', 'El almacenamiento no responde todavía.'),
        { 'Retry-After': '5' },
      ) as never;
    },
  );

  return router;
}

async function answersInTime(readiness: () => Promise<boolean>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([readiness().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
