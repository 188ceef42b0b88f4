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
  .openapi('Subscription');

export const SubscriptionList = z
  .object({ items: z.array(SubscriptionSchema) })
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

export const SubscriptionIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const SubscriptionQuery = z.object({
  status: z.enum(['active', 'cancelled']).optional(),
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
      description: 'Repeat-safe key (1–255 visible ASCII), scoped to the caller, kept 24 h',
    }),
});
