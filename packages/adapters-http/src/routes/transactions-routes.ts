import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentTransaction } from '../presenters/present-transaction.js';
import { AUTH_ERRORS, errors, json } from '../schemas/responses.js';
import {
  TransactionIdParam,
  TransactionPage,
  TransactionQuery,
  TransactionSchema,
} from '../schemas/transaction-schemas.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';

const tags = ['transactions'];

export function transactionsRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'The caller’s history, newest first (cursor-paginated)',
      security: BEARER,
      middleware: [guard.client] as const,
      request: { query: TransactionQuery },
      responses: {
        200: json(TransactionPage, 'A page of transactions'),
        ...errors(400, ...AUTH_ERRORS),
      },
    }),
    async (c) => {
      const page = await useCases.listTransactions.execute({
        clientId: principalOf(c).clientId,
        ...c.req.valid('query'),
      });
      return c.json(
        { items: page.items.map(presentTransaction), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One of the caller’s transactions (someone else’s is 404)',
      security: BEARER,
      middleware: [guard.client] as const,
      request: { params: TransactionIdParam },
      responses: {
        200: json(TransactionSchema, 'The transaction'),
        ...errors(400, ...AUTH_ERRORS, 404),
      },
    }),
    async (c) => {
      const tx = await useCases.getTransaction.execute({
        clientId: principalOf(c).clientId,
        transactionId: c.req.valid('param').id,
      });
      return c.json(presentTransaction(tx), 200);
    },
  );

  return router;
}
