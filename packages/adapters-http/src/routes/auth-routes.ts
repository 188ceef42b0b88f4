import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { HttpEnv } from '../http-env.js';
import { answerDeadlineOf } from '../middleware/request-deadline.js';
import { principalOf } from '../middleware/require-role.js';
import { presentProfile } from '../presenters/present-profile.js';
import { LOGIN_EXAMPLE, LoginBody, RefreshBody, TokenPairSchema } from '../schemas/auth-schemas.js';
import { Profile, REGISTER_EXAMPLE, RegisterBody } from '../schemas/client-schemas.js';
import { RequestIdHeader } from '../schemas/common.js';
import {
  BODY_PROBLEMS,
  json,
  jsonBody,
  problems,
  SIGNED_IN,
  underRateLimit,
} from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';
import { answerJson } from '../middleware/answer.js';

const tags = ['auth'];

export function authRoutes({ useCases, config, limits, guard, addressOf }: RouteContext) {
  // A hash still queued when its request's answer is due is never started (ADR 0703).
  const answerDue = (c: Context<HttpEnv>) => answerDeadlineOf(c, config.requestTimeoutMs);
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/register',
      operationId: 'register',
      tags,
      summary: 'Crear una cuenta de cliente (saldo inicial COP 500.000)',
      middleware: [...limits.authPerIp],
      request: { body: jsonBody(RegisterBody, REGISTER_EXAMPLE) },
      responses: underRateLimit({
        201: json(Profile, 'El perfil del nuevo cliente'),
        ...problems(
          BODY_PROBLEMS,
          'INVALID_EMAIL',
          'INVALID_PASSWORD',
          'INVALID_FULL_NAME',
          'INVALID_PHONE',
          'EMAIL_TAKEN',
          'PHONE_REQUIRED_FOR_SMS',
          'RATE_LIMITED',
        ),
      }),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const profile = await useCases.registerClient.execute({
        email: body.email,
        password: body.password,
        fullName: body.fullName,
        phone: body.phone,
        notificationPreference: body.notificationPreference,
        deadline: answerDue(c),
      });
      return answerJson(c, presentProfile(profile), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      operationId: 'login',
      tags,
      summary:
        'Ingresar con correo y contraseña (token de acceso y de renovación); los intentos fallidos se limitan por cuenta y dirección',
      middleware: [...limits.authPerIp],
      request: { body: jsonBody(LoginBody, LOGIN_EXAMPLE) },
      responses: underRateLimit({
        200: json(TokenPairSchema, 'Una nueva sesión'),
        ...problems(
          BODY_PROBLEMS,
          'INVALID_CREDENTIALS',
          'RATE_LIMITED',
          'TOO_MANY_LOGIN_FAILURES',
        ),
      }),
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      return answerJson(
        c,
        await useCases.login.execute({
          email,
          password,
          address: addressOf(c),
          deadline: answerDue(c),
        }),
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/refresh',
      operationId: 'refreshSession',
      tags,
      summary:
        'Renovar la sesión (el token de renovación usado deja de servir; reusarlo la cierra)',
      middleware: [...limits.authPerIp],
      request: { body: jsonBody(RefreshBody) },
      responses: underRateLimit({
        200: json(TokenPairSchema, 'Un nuevo par de tokens'),
        ...problems(BODY_PROBLEMS, 'INVALID_REFRESH_TOKEN', 'RATE_LIMITED'),
      }),
    }),
    async (c) => answerJson(c, await useCases.refreshSession.execute(c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      operationId: 'logout',
      tags,
      summary: 'Cerrar la sesión a la que pertenece el token de renovación',
      security: BEARER,
      middleware: [guard.anyone] as const,
      request: { body: jsonBody(RefreshBody) },
      responses: {
        204: {
          description: 'Sesión cerrada (también para un token desconocido)',
          headers: RequestIdHeader,
        },
        ...problems(BODY_PROBLEMS, SIGNED_IN),
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
