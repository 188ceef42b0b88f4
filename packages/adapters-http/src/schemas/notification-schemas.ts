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
  })
  .openapi('Notification');

export const NotificationList = z
  .object({ items: z.array(NotificationSchema) })
  .openapi('NotificationList');
