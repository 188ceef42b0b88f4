import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentProfile } from '../presenters/present-profile.js';
import { Profile } from '../schemas/client-schemas.js';
import { BODY_PROBLEMS, json, jsonBody, problems, SIGNED_IN } from '../schemas/responses.js';
import {
  CodeSentSchema,
  ConfirmCodeBody,
  RequestCodeBody,
} from '../schemas/verification-schemas.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';
import { answerJson } from '../middleware/answer.js';
import { isoTimestamp } from '../presenters/iso-timestamp.js';

const tags = ['me'];

/** /me/verification: prove an e-mail address or a phone with a one-time code (ADR 0405). */
export function verificationRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'requestVerificationCode',
      tags,
      summary:
        'Enviar un código de verificación a mi correo o a mi teléfono (el código nunca viene en la respuesta)',
      security: BEARER,
      middleware: [guard.anyone, guard.live] as const,
      request: { body: jsonBody(RequestCodeBody, { channel: 'email' }) },
      responses: {
        202: json(CodeSentSchema, 'Código enviado: llega por correo o SMS y vence en minutos'),
        ...problems(
          BODY_PROBLEMS,
          SIGNED_IN,
          'CLIENT_NOT_FOUND',
          'ALREADY_VERIFIED',
          'PHONE_REQUIRED_FOR_SMS',
          'SMS_COUNTRY_NOT_ALLOWED',
          'DESTINATION_REJECTED',
          'VERIFICATION_RESEND_TOO_SOON',
          'DAILY_LIMIT_REACHED',
          'VERIFICATION_NOT_SENT',
        ),
      },
    }),
    async (c) => {
      const sent = await useCases.requestVerificationCode.execute({
        clientId: principalOf(c).clientId,
        channel: c.req.valid('json').channel,
      });
      return answerJson(
        c,
        {
          channel: sent.channel,
          destination: sent.destination,
          expiresAt: isoTimestamp(sent.expiresAt),
          resendAfter: isoTimestamp(sent.resendAfter),
        },
        202,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/confirm',
      operationId: 'confirmVerificationCode',
      tags,
      summary:
        'Confirmar el código recibido: el destino queda verificado y vuelve a recibir avisos',
      security: BEARER,
      middleware: [guard.anyone, guard.live] as const,
      request: { body: jsonBody(ConfirmCodeBody) },
      responses: {
        200: json(Profile, 'El perfil, con el destino verificado'),
        ...problems(
          BODY_PROBLEMS,
          SIGNED_IN,
          'CLIENT_NOT_FOUND',
          'PHONE_REQUIRED_FOR_SMS',
          'VERIFICATION_CODE_INVALID',
          'VERIFICATION_CODE_EXPIRED',
          'VERIFICATION_CODE_LOCKED',
        ),
      },
    }),
    async (c) => {
      const { channel, code } = c.req.valid('json');
      const profile = await useCases.confirmVerificationCode.execute({
        clientId: principalOf(c).clientId,
        channel,
        code,
      });
      return answerJson(c, presentProfile(profile), 200);
    },
  );

  return router;
}
