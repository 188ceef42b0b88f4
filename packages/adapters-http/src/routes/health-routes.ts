import { createRoute, z } from '@hono/zod-openapi';
import type { ReadinessReport } from '../http-deps.js';
import { problem, problemResponse } from '../problem/problem.js';
import { json, problems } from '../schemas/responses.js';
import { newRouter } from './new-router.js';

const Checks = z.record(z.string(), z.enum(['ok', 'failed'])).openapi('ReadinessChecks');
const Health = z.object({ status: z.enum(['ok', 'ready']), checks: Checks.optional() });
const READY_TIMEOUT_MS = 2_000;

/**
 * Liveness and readiness. Mounted under /api/v1 (documented) and at the root (hidden), where
 * load balancers and orchestrators look for them. Liveness does no I/O on purpose: a slow
 * database must not get a healthy process killed, only taken out of rotation.
 */
export function healthRoutes(
  readiness: () => Promise<ReadinessReport>,
  options: { hide: boolean },
) {
  const router = newRouter();
  const tags = ['health'];

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'getLiveness',
      tags,
      hide: options.hide,
      summary: 'Vida: el proceso responde (sin E/S)',
      responses: { 200: json(Health.openapi('Health'), 'Vivo'), ...problems() },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      operationId: 'getReadiness',
      tags,
      hide: options.hide,
      summary: 'Disponibilidad: 200 solo si el almacenamiento responde y el outbox avanza',
      responses: {
        200: json(Health, 'Listo; todas las comprobaciones ok'),
        ...problems('NOT_READY'),
      },
    }),
    async (c) => {
      const report = await withinDeadline(readiness);
      const checks = Object.fromEntries(
        Object.entries(report).map(([name, ok]) => [
          name,
          ok ? ('ok' as const) : ('failed' as const),
        ]),
      );
      const failed = Object.keys(checks).filter((name) => checks[name] === 'failed');
      if (failed.length === 0) return c.json({ status: 'ready' as const, checks }, 200);
      const body = {
        ...problem(503, 'NOT_READY', `Comprobaciones fallidas: ${failed.join(', ')}.`),
        checks,
      };
      return problemResponse(c, body, { 'Retry-After': '5' }) as never;
    },
  );

  return router;
}

/** A check that hangs counts as failed: an orchestrator must get an answer in time. */
async function withinDeadline(readiness: () => Promise<ReadinessReport>): Promise<ReadinessReport> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ReadinessReport>((resolve) => {
    timer = setTimeout(() => resolve({ readiness: false }), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([readiness().catch(() => ({ readiness: false })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
