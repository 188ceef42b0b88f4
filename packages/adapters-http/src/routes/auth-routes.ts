import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentProfile } from '../presenters/present-profile.js';
import { LoginBody, RefreshBody, TokenPairSchema } from '../schemas/auth-schemas.js';
import { Profile, RegisterBody } from '../schemas/client-schemas.js';
import { RequestIdHeader } from '../schemas/common.js';
import { AUTH_ERRORS, BODY_ERRORS, errors, json, jsonBody } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';

const tags = ['auth'];

export function authRoutes({ useCases, limits, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/register',
      tags,
      summary: 'Register a client (always role client, balance COP 500.000)',
      middleware: [limits.authPerIp] as const,
      request: { body: jsonBody(RegisterBody) },
      responses: {
        201: json(Profile, 'The new client profile'),
        ...errors(...BODY_ERRORS, 409, 422, 429),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const profile = await useCases.registerClient.execute({
        email: body.email,
        password: body.password,
        fullName: body.fullName,
        phone: body.phone,
        notificationPreference: body.notificationPreference,
      });
      return c.json(presentProfile(profile), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags,
      summary: 'Exchange email and password for an access and a refresh token',
      middleware: [limits.authPerIp, limits.loginPerAccount] as const,
      request: { body: jsonBody(LoginBody) },
      responses: {
        200: json(TokenPairSchema, 'A new session'),
        ...errors(...BODY_ERRORS, 401, 429),
      },
    }),
    async (c) => c.json(await useCases.login.execute(c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/refresh',
      tags,
      summary: 'Rotate a refresh token (reuse of a rotated one revokes the session)',
      middleware: [limits.authPerIp] as const,
      request: { body: jsonBody(RefreshBody) },
      responses: {
        200: json(TokenPairSchema, 'A new token pair'),
        ...errors(...BODY_ERRORS, 401, 429),
      },
    }),
    async (c) => c.json(await useCases.refreshSession.execute(c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags,
      summary: 'Revoke the session the refresh token belongs to',
      security: BEARER,
      middleware: [guard.anyone] as const,
      request: { body: jsonBody(RefreshBody) },
      responses: {
        204: { description: 'Logged out (also for an unknown token)', headers: RequestIdHeader },
        ...errors(...BODY_ERRORS, ...AUTH_ERRORS),
      },
    }),
    async (c) => {
      const { refreshToken } = c.req.valid('json');
      await useCases.logout.execute({ clientId: principalOf(c).clientId, refreshToken });
      return c.body(null, 204);
    },
  );

  return router;
}
