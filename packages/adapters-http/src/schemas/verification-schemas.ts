import { z } from '@hono/zod-openapi';
import { Timestamp } from './common.js';
import { Channel } from './client-schemas.js';

const VerifiedChannel = Channel.openapi({
  description: '`email` verifica el correo de la cuenta; `sms`, el teléfono actual',
  example: 'email',
});

export const RequestCodeBody = z
  .strictObject({ channel: VerifiedChannel })
  .openapi('VerificationCodeRequest');

export const CodeSentSchema = z
  .object({
    channel: Channel,
    destination: z.string().openapi({ description: 'Enmascarado', example: 'j***z@example.com' }),
    expiresAt: Timestamp.openapi({ description: 'El código deja de servir entonces' }),
    resendAfter: Timestamp.openapi({ description: 'Antes de esto no se envía otro código' }),
  })
  .openapi('VerificationCodeSent');

export const ConfirmCodeBody = z
  .strictObject({
    channel: VerifiedChannel,
    code: z
      .string()
      .regex(/^\d{6}$/)
      .openapi({ description: 'Los 6 dígitos recibidos', example: '482913' }),
  })
  .openapi('VerificationConfirmRequest');
