import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentProfile } from '../presenters/present-profile.js';
import { Profile, UPDATE_PROFILE_EXAMPLE, UpdateProfileBody } from '../schemas/client-schemas.js';
import { BODY_PROBLEMS, json, jsonBody, problems, SIGNED_IN } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';
import { answerJson } from '../middleware/answer.js';

const tags = ['me'];

export function meRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'getMe',
      tags,
      summary: 'Mi perfil y mi saldo disponible',
      security: BEARER,
      middleware: [guard.anyone] as const,
      responses: { 200: json(Profile, 'El perfil'), ...problems(SIGNED_IN, 'CLIENT_NOT_FOUND') },
    }),
    async (c) => {
      const profile = await useCases.getProfile.execute({ clientId: principalOf(c).clientId });
      return answerJson(c, presentProfile(profile), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/',
      operationId: 'updateMe',
      tags,
      summary: 'Cambiar nombre, teléfono o preferencia de notificación (nada más)',
      security: BEARER,
      middleware: [guard.anyone, guard.live] as const,
      request: { body: jsonBody(UpdateProfileBody, UPDATE_PROFILE_EXAMPLE) },
      responses: {
        200: json(Profile, 'El perfil actualizado'),
        ...problems(
          BODY_PROBLEMS,
          SIGNED_IN,
          'INVALID_FULL_NAME',
          'INVALID_PHONE',
          'CLIENT_NOT_FOUND',
          'PHONE_REQUIRED_FOR_SMS',
        ),
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
      return answerJson(c, presentProfile(profile), 200);
    },
  );

  return router;
}
