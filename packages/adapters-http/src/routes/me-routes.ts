import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentProfile } from '../presenters/present-profile.js';
import { Profile, UpdateProfileBody } from '../schemas/client-schemas.js';
import { AUTH_ERRORS, BODY_ERRORS, errors, json, jsonBody } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';

const tags = ['me'];

export function meRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'The caller’s profile and balance',
      security: BEARER,
      middleware: [guard.anyone] as const,
      responses: { 200: json(Profile, 'The profile'), ...errors(...AUTH_ERRORS, 404) },
    }),
    async (c) => {
      const profile = await useCases.getProfile.execute({ clientId: principalOf(c).clientId });
      return c.json(presentProfile(profile), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags,
      summary: 'Change name, phone or notification preference (nothing else)',
      security: BEARER,
      middleware: [guard.anyone] as const,
      request: { body: jsonBody(UpdateProfileBody) },
      responses: {
        200: json(Profile, 'The updated profile'),
        ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 404, 422),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const profile = await useCases.updateProfile.execute({
        clientId: principalOf(c).clientId,
        fullName: body.fullName,
        phone: body.phone,
        notificationPreference: body.notificationPreference,
      });
      return c.json(presentProfile(profile), 200);
    },
  );

  return router;
}
