import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentTransaction } from '../presenters/present-transaction.js';
import { json, problems, ROLE_ONLY } from '../schemas/responses.js';
import {
  TRANSACTION_PAGE_DESCRIPTION,
  TransactionIdParam,
  TransactionPage,
  TransactionQuery,
  TransactionSchema,
} from '../schemas/transaction-schemas.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';
import { answerJson } from '../middleware/answer.js';

const tags = ['transactions'];

export function transactionsRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listTransactions',
      tags,
      summary: 'Mi historial de movimientos, del más reciente al más antiguo (paginado por cursor)',
      security: BEARER,
      middleware: [guard.client] as const,
      request: { query: TransactionQuery },
      responses: {
        200: json(TransactionPage, TRANSACTION_PAGE_DESCRIPTION),
        ...problems('VALIDATION_ERROR', 'INVALID_CURSOR', ROLE_ONLY),
      },
    }),
    async (c) => {
      const page = await useCases.listTransactions.execute({
        clientId: principalOf(c).clientId,
        ...c.req.valid('query'),
      });
      return answerJson(
        c,
        { items: page.items.map(presentTransaction), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      operationId: 'getTransaction',
      tags,
      summary: 'Uno de mis movimientos (el de otro cliente es 404)',
      security: BEARER,
      middleware: [guard.client] as const,
      request: { params: TransactionIdParam },
      responses: {
        200: json(TransactionSchema, 'El movimiento'),
        ...problems('VALIDATION_ERROR', ROLE_ONLY, 'TRANSACTION_NOT_FOUND'),
      },
    }),
    async (c) => {
      const tx = await useCases.getTransaction.execute({
        clientId: principalOf(c).clientId,
        transactionId: c.req.valid('param').id,
      });
      return answerJson(c, presentTransaction(tx), 200);
    },
  );

  return router;
}
