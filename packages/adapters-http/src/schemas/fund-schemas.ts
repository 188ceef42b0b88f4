import { z } from '@hono/zod-openapi';
import { AmountIn, MoneyOut } from './common.js';

export const FundIdParam = z.object({
  fundId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'fundId', in: 'path' }, example: '1' }),
});

export const FundSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    minimumAmount: MoneyOut,
    category: z.enum(['FPV', 'FIC']),
    active: z.boolean(),
  })
  .openapi('Fund', {
    example: {
      id: '1',
      name: 'FPV_BTG_PACTUAL_RECAUDADORA',
      minimumAmount: '75000.00',
      category: 'FPV',
      active: true,
    },
  });

export const FundList = z.object({ items: z.array(FundSchema) }).openapi('FundList');

export const CreateFundBody = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .openapi({ example: '6' }),
    name: z.string().min(1).max(100).openapi({ example: 'FIC_RENTA_FIJA' }),
    minimumAmount: AmountIn,
    category: z.enum(['FPV', 'FIC']),
  })
  .openapi('CreateFundRequest');

export const CREATE_FUND_EXAMPLE = {
  id: '6',
  name: 'FIC_RENTA_FIJA',
  minimumAmount: '60000.00',
  category: 'FIC' as const,
};

export const UpdateFundBody = z
  .strictObject({
    name: z.string().min(1).max(100).optional(),
    minimumAmount: AmountIn.optional(),
    active: z.boolean().optional(),
  })
  .openapi('UpdateFundRequest');

export const UPDATE_FUND_EXAMPLE = { minimumAmount: '70000.00', active: true };

/**
 * Documented, not validated per request (ADR 0704): the handler compares it with the list's
 * ETag itself, and any value is acceptable (one that matches nothing gets the full list).
 */
export const FundListHeaders = z.object({
  'If-None-Match': z.string().optional().openapi({
    description: 'El ETag de una lista recibida antes: si sigue vigente, la respuesta es 304',
    example: '"q1r0LxKbY2WvGJ3y0Cw7cRZC1GfW8mA"',
  }),
});
