import { z } from '@hono/zod-openapi';
import { MoneyOut, Timestamp } from './common.js';
import { INSUFFICIENT_BALANCE_EXAMPLE } from './problem-examples.js';

/** How the OpenAPI document describes a page of history (GET /transactions and the admin's). */
export const TRANSACTION_PAGE_DESCRIPTION = 'Una página de movimientos';

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
  .openapi('Transaction', {
    example: {
      id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
      type: 'subscription',
      status: 'failed',
      fundId: '4',
      fundName: 'FDO-ACCIONES',
      subscriptionId: null,
      amount: '250000.00',
      balanceAfter: '150000.00',
      reason: {
        code: 'INSUFFICIENT_BALANCE',
        message: INSUFFICIENT_BALANCE_EXAMPLE,
      },
      createdAt: '2026-01-15T14:35:00.000Z',
    },
  });

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
