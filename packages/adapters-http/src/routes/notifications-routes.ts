import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentNotification } from '../presenters/present-notification.js';
import { NotificationList } from '../schemas/notification-schemas.js';
import { json, problems, ROLE_ONLY } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';
import { answerJson } from '../middleware/answer.js';

export function notificationsRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listNotifications',
      tags: ['notifications'],
      summary: 'Mis últimas 100 notificaciones, de la más reciente (destinos enmascarados)',
      security: BEARER,
      middleware: [guard.client] as const,
      responses: { 200: json(NotificationList, 'Las notificaciones'), ...problems(ROLE_ONLY) },
    }),
    async (c) => {
      const records = await useCases.listNotifications.execute({
        clientId: principalOf(c).clientId,
      });
      return answerJson(c, { items: records.map(presentNotification) }, 200);
    },
  );

  return router;
}
