import { Money } from '@btg-funds/domain';
import { createRoute } from '@hono/zod-openapi';
import { presentFund } from '../presenters/present-fund.js';
import {
  CreateFundBody,
  FundIdParam,
  FundList,
  FundSchema,
  UpdateFundBody,
} from '../schemas/fund-schemas.js';
import { AUTH_ERRORS, BODY_ERRORS, errors, json, jsonBody } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';

const tags = ['funds'];

export function fundsRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'All funds (public)',
      responses: { 200: json(FundList, 'The funds, by id'), ...errors() },
    }),
    async (c) => c.json({ items: (await useCases.listFunds.execute()).map(presentFund) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{fundId}',
      tags,
      summary: 'One fund (public)',
      request: { params: FundIdParam },
      responses: { 200: json(FundSchema, 'The fund'), ...errors(400, 404) },
    }),
    async (c) => {
      const fund = await useCases.getFund.execute({ fundId: c.req.valid('param').fundId });
      return c.json(presentFund(fund), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a fund (admin)',
      security: BEARER,
      middleware: [guard.admin] as const,
      request: { body: jsonBody(CreateFundBody) },
      responses: {
        201: json(FundSchema, 'The new fund'),
        ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 409),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const fund = await useCases.createFund.execute({
        id: body.id,
        name: body.name,
        category: body.category,
        minimumAmount: Money.parsePositive(body.minimumAmount),
      });
      return c.json(presentFund(fund), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/{fundId}',
      tags,
      summary: 'Rename, change the minimum or (de)activate a fund (admin)',
      security: BEARER,
      middleware: [guard.admin] as const,
      request: { params: FundIdParam, body: jsonBody(UpdateFundBody) },
      responses: {
        200: json(FundSchema, 'The updated fund'),
        ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 404),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const fund = await useCases.updateFund.execute({
        fundId: c.req.valid('param').fundId,
        name: body.name,
        active: body.active,
        minimumAmount:
          body.minimumAmount === undefined ? undefined : Money.parsePositive(body.minimumAmount),
      });
      return c.json(presentFund(fund), 200);
    },
  );

  return router;
}
