import { z } from '@hono/zod-openapi';
import { MoneyOut, Timestamp } from './common.js';

export const TransactionSchema = z
  .object({
    id: z.string(),
    type: z.enum(['subscription', 'cancellation']),
    status: z.enum(['completed', 'failed']),
    fundId: z.string(),
    fundName: z.string(),
    subscriptionId: z.string().nullable(),
    amount: MoneyOut,
    balanceAfter: MoneyOut,
    reason: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: Timestamp,
  })
  .openapi('Transaction');

export const TransactionPage = z
  .object({ items: z.array(TransactionSchema), nextCursor: z.string().nullable() })
  .openapi('TransactionPage');

export const TransactionQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ type: 'integer', example: 20 }),
  cursor: z.string().min(1).max(512).optional(),
  type: z.enum(['subscription', 'cancellation']).optional(),
  fundId: z.string().min(1).max(64).optional(),
  status: z.enum(['completed', 'failed']).optional(),
});

export const TransactionIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
