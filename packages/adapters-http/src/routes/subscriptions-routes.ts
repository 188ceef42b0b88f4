import { Money } from '@btg-funds/domain';
import { createRoute } from '@hono/zod-openapi';
import { principalOf } from '../middleware/require-role.js';
import { presentOperation, presentSubscription } from '../presenters/present-subscription.js';
import { RequestIdHeader } from '../schemas/common.js';
import { AUTH_ERRORS, BODY_ERRORS, errors, jsonBody } from '../schemas/responses.js';
import {
  IdempotencyHeaders,
  OperationResultSchema,
  SubscribeBody,
  SubscriptionIdParam,
  SubscriptionList,
  SubscriptionQuery,
  SubscriptionSchema,
} from '../schemas/subscription-schemas.js';
import { json } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';

const tags = ['subscriptions'];

const operationResponse = (description: string) => ({
  description,
  headers: {
    ...RequestIdHeader,
    'Idempotent-Replayed': {
      description: '"true" when this is the stored answer of an earlier request with the same key',
      schema: { type: 'string' as const, enum: ['true'] },
    },
  },
  content: { 'application/json': { schema: OperationResultSchema } },
});

/** A replay answers exactly as the first time, and says so. */
const replayHeaders = (replayed: boolean): Record<string, string> =>
  replayed ? { 'Idempotent-Replayed': 'true' } : {};

export function subscriptionsRoutes({ useCases, guard, limits }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Subscribe to a fund (apertura); the amount defaults to the fund’s minimum',
      security: BEARER,
      middleware: [guard.client, limits.moneyPerClient] as const,
      request: { headers: IdempotencyHeaders, body: jsonBody(SubscribeBody) },
      responses: {
        201: operationResponse('Subscribed: the subscription, its transaction, the new balance'),
        ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 404, 409, 422, 429, 503, 504),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      c.set('outcomeAtRisk', true);
      const { result, replayed } = await useCases.subscribeToFund.execute({
        deadline: c.get('deadline'),
        clientId: principalOf(c).clientId,
        fundId: body.fundId,
        amount: body.amount === undefined ? undefined : Money.parsePositive(body.amount),
        notify: body.notify,
        idempotencyKey: c.req.valid('header')['Idempotency-Key'],
      });
      return c.json(presentOperation(result), 201, replayHeaders(replayed));
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'The caller’s subscriptions, newest first',
      security: BEARER,
      middleware: [guard.client] as const,
      request: { query: SubscriptionQuery },
      responses: {
        200: json(SubscriptionList, 'The subscriptions'),
        ...errors(400, ...AUTH_ERRORS),
      },
    }),
    async (c) => {
      const items = await useCases.listSubscriptions.execute({
        clientId: principalOf(c).clientId,
        status: c.req.valid('query').status,
      });
      return c.json({ items: items.map(presentSubscription) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One of the caller’s subscriptions (someone else’s is 404)',
      security: BEARER,
      middleware: [guard.client] as const,
      request: { params: SubscriptionIdParam },
      responses: {
        200: json(SubscriptionSchema, 'The subscription'),
        ...errors(400, ...AUTH_ERRORS, 404),
      },
    }),
    async (c) => {
      const subscription = await useCases.getSubscription.execute({
        clientId: principalOf(c).clientId,
        subscriptionId: c.req.valid('param').id,
      });
      return c.json(presentSubscription(subscription), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Cancel a subscription (cancelación) and refund its amount',
      security: BEARER,
      middleware: [guard.client, limits.moneyPerClient] as const,
      request: { params: SubscriptionIdParam, headers: IdempotencyHeaders },
      responses: {
        200: operationResponse('Cancelled: the subscription, its transaction, the new balance'),
        ...errors(400, 413, 415, ...AUTH_ERRORS, 404, 409, 422, 429, 503, 504),
      },
    }),
    async (c) => {
      c.set('outcomeAtRisk', true);
      const { result, replayed } = await useCases.cancelSubscription.execute({
        deadline: c.get('deadline'),
        clientId: principalOf(c).clientId,
        subscriptionId: c.req.valid('param').id,
        idempotencyKey: c.req.valid('header')['Idempotency-Key'],
      });
      return c.json(presentOperation(result), 200, replayHeaders(replayed));
    },
  );

  return router;
}
