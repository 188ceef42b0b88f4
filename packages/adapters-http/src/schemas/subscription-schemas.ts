import { z } from '@hono/zod-openapi';
import { AmountIn, MoneyOut, Timestamp } from './common.js';
import { Channel } from './client-schemas.js';
import { TransactionSchema } from './transaction-schemas.js';

export const SubscriptionSchema = z
  .object({
    id: z.string(),
    fundId: z.string(),
    fundName: z.string(),
    amount: MoneyOut,
    status: z.enum(['active', 'cancelled']),
    subscribedAt: Timestamp,
    cancelledAt: Timestamp.nullable(),
  })
  .openapi('Subscription', {
    example: {
      id: '5d0c7a5e-8a43-4d1b-9b54-3f1e2a7c9d10',
      fundId: '1',
      fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
      amount: '75000.00',
      status: 'active',
      subscribedAt: '2026-01-15T14:30:00.000Z',
      cancelledAt: null,
    },
  });

/** A page, newest first; `nextCursor` is null on the last one (callers that send no `limit` get 20). */
export const SubscriptionList = z
  .object({ items: z.array(SubscriptionSchema), nextCursor: z.string().nullable() })
  .openapi('SubscriptionList');

export const OperationResultSchema = z
  .object({ subscription: SubscriptionSchema, transaction: TransactionSchema, balance: MoneyOut })
  .openapi('OperationResult');

export const SubscribeBody = z
  .strictObject({
    fundId: z.string().min(1).max(64).openapi({ example: '1' }),
    amount: AmountIn.optional(),
    notify: Channel.optional(),
  })
  .openapi('SubscribeRequest');

export const SUBSCRIBE_EXAMPLE = { fundId: '1', amount: '75000.00', notify: 'email' as const };

export const SubscriptionIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const SubscriptionQuery = z.object({
  status: z.enum(['active', 'cancelled']).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ type: 'integer', example: 20 }),
  cursor: z.string().min(1).max(512).optional(),
});

export const IdempotencyHeaders = z.object({
  // Declared in canonical case: the validator matches header names case-insensitively.
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/)
    .optional()
    .openapi({
      param: { name: 'Idempotency-Key', in: 'header' },
      description:
        'Clave para repetir sin riesgo (1–255 caracteres ASCII visibles), propia de cada ' +
        'cliente y válida 24 h: la misma clave con el mismo cuerpo devuelve la primera respuesta',
      example: '7f3c2b1a-9d8e-4f6a-b5c4-d3e2f1a0b9c8',
    }),
});
