import { createRoute } from '@hono/zod-openapi';
import { presentProfile } from '../presenters/present-profile.js';
import { presentTransaction } from '../presenters/present-transaction.js';
import { ClientIdParam, ClientPage, ClientPageQuery } from '../schemas/admin-schemas.js';
import { Profile } from '../schemas/client-schemas.js';
import { json, problems, ROLE_ONLY } from '../schemas/responses.js';
import {
  TRANSACTION_PAGE_DESCRIPTION,
  TransactionPage,
  TransactionQuery,
} from '../schemas/transaction-schemas.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';
import { answerJson } from '../middleware/answer.js';

const tags = ['admin'];

export function adminRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();
  router.use('*', guard.admin);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients',
      operationId: 'listClients',
      tags,
      summary: 'Todos los clientes, del más antiguo al más reciente (paginado por cursor)',
      security: BEARER,
      request: { query: ClientPageQuery },
      responses: {
        200: json(ClientPage, 'Una página de clientes'),
        ...problems('VALIDATION_ERROR', 'INVALID_CURSOR', ROLE_ONLY),
      },
    }),
    async (c) => {
      const page = await useCases.listClients.execute(c.req.valid('query'));
      return answerJson(
        c,
        { items: page.items.map(presentProfile), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}',
      operationId: 'getClient',
      tags,
      summary: 'El perfil de un cliente',
      security: BEARER,
      request: { params: ClientIdParam },
      responses: {
        200: json(Profile, 'El perfil'),
        ...problems('VALIDATION_ERROR', ROLE_ONLY, 'CLIENT_NOT_FOUND'),
      },
    }),
    async (c) => {
      const profile = await useCases.getProfile.execute({ clientId: c.req.valid('param').id });
      return answerJson(c, presentProfile(profile), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/transactions',
      operationId: 'listClientTransactions',
      tags,
      summary: 'El historial de un cliente, del más reciente al más antiguo',
      security: BEARER,
      request: { params: ClientIdParam, query: TransactionQuery },
      responses: {
        200: json(TransactionPage, TRANSACTION_PAGE_DESCRIPTION),
        ...problems('VALIDATION_ERROR', 'INVALID_CURSOR', ROLE_ONLY, 'CLIENT_NOT_FOUND'),
      },
    }),
    async (c) => {
      const page = await useCases.listClientTransactions.execute({
        clientId: c.req.valid('param').id,
        ...c.req.valid('query'),
      });
      return answerJson(
        c,
        { items: page.items.map(presentTransaction), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  return router;
}
