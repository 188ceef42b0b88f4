import { Money } from '@btg-funds/domain';
import { createRoute } from '@hono/zod-openapi';
import { declaredHeaders } from '../middleware/declared-headers.js';
import { declaredJsonBody, declaredParams } from '../middleware/declared-request.js';
import { principalOf } from '../middleware/require-role.js';
import { presentOperation, presentSubscription } from '../presenters/present-subscription.js';
import { RequestIdHeader } from '../schemas/common.js';
import {
  BODY_PROBLEMS,
  json,
  jsonBody,
  problems,
  ROLE_ONLY,
  underRateLimit,
} from '../schemas/responses.js';
import {
  IdempotencyHeaders,
  OperationResultSchema,
  SUBSCRIBE_EXAMPLE,
  SubscribeBody,
  SubscriptionIdParam,
  SubscriptionList,
  SubscriptionQuery,
  SubscriptionSchema,
} from '../schemas/subscription-schemas.js';
import { newRouter } from './new-router.js';
import { servedWithDeclaredValidators } from './served-without-header-validator.js';
import { BEARER, type RouteContext } from './route-context.js';
import { answerJson } from '../middleware/answer.js';

const tags = ['subscriptions'];

const operationResponse = (description: string) => ({
  description,
  headers: {
    ...RequestIdHeader,
    'Idempotent-Replayed': {
      description:
        '"true" cuando es la respuesta guardada de una solicitud anterior con la misma clave',
      schema: { type: 'string' as const, enum: ['true'] },
    },
  },
  content: { 'application/json': { schema: OperationResultSchema } },
});

/** A replay answers exactly as the first time, and says so. */
const replayHeaders = (replayed: boolean): Record<string, string> =>
  replayed ? { 'Idempotent-Replayed': 'true' } : {};

/** What any money operation may answer besides its own business outcomes. */
const MONEY_PROBLEMS = [
  ...ROLE_ONLY,
  'CLIENT_NOT_FOUND',
  'IDEMPOTENCY_KEY_IN_FLIGHT',
  'CONCURRENT_MODIFICATION',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'TOO_MANY_PENDING_OPERATIONS',
  'OUTCOME_UNKNOWN',
  'LEDGER_INVARIANT_BROKEN',
] as const;

export function subscriptionsRoutes({ useCases, guard, limits }: RouteContext) {
  const router = newRouter();

  // The document shows the Idempotency-Key header; the router validates it by name, not through
  // Hono's header validator, which builds every header of the request (ADR 0719).
  const idempotency = declaredHeaders(IdempotencyHeaders);
  const moneyGuards = [guard.client, guard.live, ...limits.moneyPerClient, idempotency.validate];
  // Body and path too, by one synchronous middleware each, with the same schemas (ADR 0727).
  const subscribeBody = declaredJsonBody(SubscribeBody);
  const subscriptionId = declaredParams(SubscriptionIdParam);

  const subscribeRoute = createRoute({
    method: 'post',
    path: '/',
    operationId: 'subscribe',
    tags,
    summary: 'Suscribirse a un fondo (apertura); sin monto, se usa el mínimo del fondo',
    security: BEARER,
    request: { headers: IdempotencyHeaders, body: jsonBody(SubscribeBody, SUBSCRIBE_EXAMPLE) },
    responses: underRateLimit({
      201: operationResponse('Suscrito: la suscripción, su movimiento y el nuevo saldo'),
      ...problems(
        'INSUFFICIENT_BALANCE',
        'AMOUNT_BELOW_MINIMUM',
        'FUND_INACTIVE',
        'PHONE_REQUIRED_FOR_SMS',
        'FUND_NOT_FOUND',
        'ALREADY_SUBSCRIBED',
        BODY_PROBLEMS,
        'INVALID_AMOUNT',
        MONEY_PROBLEMS,
      ),
    }),
  });
  router.openapi(
    {
      ...servedWithDeclaredValidators(router, subscribeRoute),
      middleware: [...moneyGuards, subscribeBody.validate],
    },
    async (c) => {
      const body = subscribeBody.read(c);
      c.set('outcomeAtRisk', true);
      const { result, replayed } = await useCases.subscribeToFund.execute({
        deadline: c.get('deadline'),
        clientId: principalOf(c).clientId,
        fundId: body.fundId,
        amount: body.amount === undefined ? undefined : Money.parsePositive(body.amount),
        notify: body.notify,
        idempotencyKey: idempotency.read(c)['Idempotency-Key'],
      });
      return answerJson(c, presentOperation(result), 201, replayHeaders(replayed));
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listSubscriptions',
      tags,
      summary:
        'Mis suscripciones, de la más reciente a la más antigua (paginado por cursor como el historial)',
      security: BEARER,
      middleware: [guard.client] as const,
      request: { query: SubscriptionQuery },
      responses: {
        200: json(SubscriptionList, 'Una página de suscripciones'),
        ...problems('VALIDATION_ERROR', 'INVALID_CURSOR', ROLE_ONLY),
      },
    }),
    async (c) => {
      const page = await useCases.listSubscriptions.execute({
        clientId: principalOf(c).clientId,
        ...c.req.valid('query'),
      });
      return answerJson(
        c,
        { items: page.items.map(presentSubscription), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      operationId: 'getSubscription',
      tags,
      summary: 'Una de mis suscripciones (la de otro cliente es 404)',
      security: BEARER,
      middleware: [guard.client] as const,
      request: { params: SubscriptionIdParam },
      responses: {
        200: json(SubscriptionSchema, 'La suscripción'),
        ...problems('VALIDATION_ERROR', ROLE_ONLY, 'SUBSCRIPTION_NOT_FOUND'),
      },
    }),
    async (c) => {
      const subscription = await useCases.getSubscription.execute({
        clientId: principalOf(c).clientId,
        subscriptionId: c.req.valid('param').id,
      });
      return answerJson(c, presentSubscription(subscription), 200);
    },
  );

  const cancelRoute = createRoute({
    method: 'delete',
    path: '/{id}',
    operationId: 'cancelSubscription',
    tags,
    summary: 'Cancelar una suscripción (cancelación): su monto vuelve al saldo',
    security: BEARER,
    request: { params: SubscriptionIdParam, headers: IdempotencyHeaders },
    responses: underRateLimit({
      200: operationResponse('Cancelada: la suscripción, su movimiento y el nuevo saldo'),
      ...problems('SUBSCRIPTION_NOT_FOUND', 'ALREADY_CANCELLED', BODY_PROBLEMS, MONEY_PROBLEMS),
    }),
  });
  router.openapi(
    {
      ...servedWithDeclaredValidators(router, cancelRoute),
      middleware: [...moneyGuards, subscriptionId.validate],
    },
    async (c) => {
      c.set('outcomeAtRisk', true);
      const { result, replayed } = await useCases.cancelSubscription.execute({
        deadline: c.get('deadline'),
        clientId: principalOf(c).clientId,
        subscriptionId: subscriptionId.read(c).id,
        idempotencyKey: idempotency.read(c)['Idempotency-Key'],
      });
      return answerJson(c, presentOperation(result), 200, replayHeaders(replayed));
    },
  );

  return router;
}
