import { Money } from '@btg-funds/domain';
import { createRoute } from '@hono/zod-openapi';
import { presentFund } from '../presenters/present-fund.js';
import {
  CREATE_FUND_EXAMPLE,
  CreateFundBody,
  FundIdParam,
  FundList,
  FundSchema,
  UPDATE_FUND_EXAMPLE,
  UpdateFundBody,
} from '../schemas/fund-schemas.js';
import { BODY_PROBLEMS, json, jsonBody, problems, ROLE_ONLY } from '../schemas/responses.js';
import { newRouter } from './new-router.js';
import { BEARER, type RouteContext } from './route-context.js';

const tags = ['funds'];

export function fundsRoutes({ useCases, guard }: RouteContext) {
  const router = newRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listFunds',
      tags,
      summary: 'Todos los fondos (público)',
      responses: { 200: json(FundList, 'Los fondos, por id'), ...problems() },
    }),
    async (c) => c.json({ items: (await useCases.listFunds.execute()).map(presentFund) }, 200),
  );

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
      return c.json(presentFund(fund), 200);
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
