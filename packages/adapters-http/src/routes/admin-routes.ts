import { createRoute } from '@hono/zod-openapi';
import { presentProfile } from '../presenters/present-profile.js';
import { presentTransaction } from '../presenters/present-transaction.js';
import { ClientIdParam, ClientPage, ClientPageQuery } from '../schemas/admin-schemas.js';
import { Profile } from '../schemas/client-schemas.js';
import { AUTH_ERRORS, errors, json } from '../schemas/responses.js';
import { TransactionPage, TransactionQuery } from '../schemas/transaction-schemas.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';

const tags = ['admin'];

export function adminRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();
  router.use('*', guard.admin);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients',
      tags,
      summary: 'Every client, oldest first (cursor-paginated)',
      security: BEARER,
      request: { query: ClientPageQuery },
      responses: { 200: json(ClientPage, 'A page of clients'), ...errors(400, ...AUTH_ERRORS) },
    }),
    async (c) => {
      const page = await useCases.listClients.execute(c.req.valid('query'));
      return c.json({ items: page.items.map(presentProfile), nextCursor: page.nextCursor }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}',
      tags,
      summary: 'One client’s profile',
      security: BEARER,
      request: { params: ClientIdParam },
      responses: { 200: json(Profile, 'The profile'), ...errors(400, ...AUTH_ERRORS, 404) },
    }),
    async (c) => {
      const profile = await useCases.getProfile.execute({ clientId: c.req.valid('param').id });
      return c.json(presentProfile(profile), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/transactions',
      tags,
      summary: 'One client’s history, newest first',
      security: BEARER,
      request: { params: ClientIdParam, query: TransactionQuery },
      responses: {
        200: json(TransactionPage, 'A page of transactions'),
        ...errors(400, ...AUTH_ERRORS, 404),
      },
    }),
    async (c) => {
      const clientId = c.req.valid('param').id;
      // 404 for an unknown client rather than an empty page that looks like a real one.
      await useCases.getProfile.execute({ clientId });
      const page = await useCases.listTransactions.execute({ clientId, ...c.req.valid('query') });
      return c.json(
        { items: page.items.map(presentTransaction), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  return router;
}
