import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentNotification } from '../presenters/present-notification.js';
import { NotificationList } from '../schemas/notification-schemas.js';
import { AUTH_ERRORS, errors, json } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';

export function notificationsRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['notifications'],
      summary: 'The caller’s last 100 notifications, newest first (destinations masked)',
      security: BEARER,
      middleware: [guard.client] as const,
      responses: { 200: json(NotificationList, 'The notifications'), ...errors(...AUTH_ERRORS) },
    }),
    async (c) => {
      const records = await useCases.listNotifications.execute({
        clientId: principalOf(c).clientId,
      });
      return c.json({ items: records.map(presentNotification) }, 200);
    },
  );

  return router;
}
