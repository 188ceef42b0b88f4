import { Money } from '@btg-funds/domain';
import { createRoute } from '@hono/zod-openapi';
import { etagMatches } from '../cache/etag.js';
import { SharedJson } from '../cache/shared-json.js';
import { presentFund } from '../presenters/present-fund.js';
import {
  CREATE_FUND_EXAMPLE,
  CreateFundBody,
  FundIdParam,
  FundList,
  FundListHeaders,
  FundSchema,
  UPDATE_FUND_EXAMPLE,
  UpdateFundBody,
} from '../schemas/fund-schemas.js';
import { BODY_PROBLEMS, json, jsonBody, problems, ROLE_ONLY } from '../schemas/responses.js';
import { ETagHeader, RequestIdHeader } from '../schemas/common.js';
import { newRouter } from './new-router.js';
import { servedWithoutHeaderValidator } from './served-without-header-validator.js';
import { BEARER, type RouteContext } from './route-context.js';
import { answer, answerJson } from '../middleware/answer.js';
import { requestHeader } from '../middleware/request-header.js';

const tags = ['funds'];

export function fundsRoutes({ useCases, guard, config }: RouteContext) {
  const router = newRouter();
  // Every caller gets the same list, and it changes only when an admin edits a fund (ADR 0704).
  const fundList = new SharedJson(
    async () => ({ items: (await useCases.listFunds.execute()).map(presentFund) }),
    config.fundListMaxAgeMs,
  );

  const listRoute = createRoute({
    method: 'get',
    path: '/',
    operationId: 'listFunds',
    tags,
    summary: 'Todos los fondos (público)',
    request: { headers: FundListHeaders },
    responses: {
      200: {
        description: 'Los fondos, por id',
        headers: { ...RequestIdHeader, ...ETagHeader },
        content: { 'application/json': { schema: FundList } },
      },
      304: {
        description: 'Sin cambios desde la lista cuyo ETag se envió en If-None-Match (sin cuerpo)',
        headers: { ...RequestIdHeader, ...ETagHeader },
      },
      ...problems(),
    },
  });
  // The document shows If-None-Match; the route does not validate it (any value is fine and the
  // handler reads it): no header validator on the most requested route.
  router.openapi(servedWithoutHeaderValidator(router, listRoute), async (c) => {
    const { bytes, etag } = await fundList.current();
    // Public and the same for everyone: a cache may keep it, and must ask before reusing it.
    // One plain header object, the envelope's included: no Headers object (ADR 0704, 0713).
    // The body as bytes encoded once: a string would be measured and encoded per answer (0736).
    const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
    if (etagMatches(requestHeader(c, 'if-none-match'), etag)) return answer(c, null, 304, headers);
    return answer(c, bytes, 200, { 'Content-Type': 'application/json', ...headers });
  });

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{fundId}',
      operationId: 'getFund',
      tags,
      summary: 'Un fondo (público)',
      request: { params: FundIdParam },
      responses: {
        200: json(FundSchema, 'El fondo'),
        ...problems('VALIDATION_ERROR', 'FUND_NOT_FOUND'),
      },
    }),
    async (c) => {
      const fund = await useCases.getFund.execute({ fundId: c.req.valid('param').fundId });
      return answerJson(c, presentFund(fund), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'createFund',
      tags,
      summary: 'Crear un fondo (administrador)',
      security: BEARER,
      middleware: [guard.admin] as const,
      request: { body: jsonBody(CreateFundBody, CREATE_FUND_EXAMPLE) },
      responses: {
        201: json(FundSchema, 'El nuevo fondo'),
        ...problems(
          BODY_PROBLEMS,
          ROLE_ONLY,
          'INVALID_FUND',
          'INVALID_AMOUNT',
          'FUND_ALREADY_EXISTS',
        ),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      try {
        const fund = await useCases.createFund.execute({
          id: body.id,
          name: body.name,
          category: body.category,
          minimumAmount: Money.parsePositive(body.minimumAmount),
        });
        return answerJson(c, presentFund(fund), 201);
      } finally {
        // Also after a failure: the write may have landed before the error.
        fundList.invalidate();
      }
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/{fundId}',
      operationId: 'updateFund',
      tags,
      summary: 'Renombrar, cambiar el mínimo o (des)activar un fondo (administrador)',
      security: BEARER,
      middleware: [guard.admin] as const,
      request: { params: FundIdParam, body: jsonBody(UpdateFundBody, UPDATE_FUND_EXAMPLE) },
      responses: {
        200: json(FundSchema, 'El fondo actualizado'),
        ...problems(BODY_PROBLEMS, ROLE_ONLY, 'INVALID_FUND', 'INVALID_AMOUNT', 'FUND_NOT_FOUND'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      try {
        const fund = await useCases.updateFund.execute({
          fundId: c.req.valid('param').fundId,
          name: body.name,
          active: body.active,
          minimumAmount:
            body.minimumAmount === undefined ? undefined : Money.parsePositive(body.minimumAmount),
        });
        return answerJson(c, presentFund(fund), 200);
      } finally {
        fundList.invalidate();
      }
    },
  );

  return router;
}
