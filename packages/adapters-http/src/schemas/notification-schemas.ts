import { z } from '@hono/zod-openapi';
import { Timestamp } from './common.js';
import { Channel } from './client-schemas.js';

export const NotificationSchema = z
  .object({
    id: z.string(),
    transactionId: z.string(),
    channel: Channel,
    destination: z.string().openapi({ description: 'Enmascarado', example: 'j***z@example.com' }),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.int().min(0),
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
    reason: z
      .object({
        code: z.enum([
          'DESTINATION_NOT_VERIFIED',
          'SMS_COUNTRY_NOT_ALLOWED',
          'DAILY_LIMIT_REACHED',
        ]),
        message: z.string(),
      })
      .nullable()
      .openapi({
        description:
          'Por qué no se envió (status failed, attempts 0 o 1): destino sin verificar, país no permitido para SMS o máximo diario alcanzado; null si no aplica',
      }),
  })
  .openapi('Notification');

export const NotificationList = z
  .object({ items: z.array(NotificationSchema) })
  .openapi('NotificationList');
