import { Money } from '@btg-funds/domain';
import { z } from '@hono/zod-openapi';

export const MoneyOut = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .openapi('Money', { description: 'COP amount, two decimals', example: '75000.00' });

export const Timestamp = z.iso.datetime().openapi({ example: '2026-01-15T14:30:00.000Z' });

// Positive, below 10^15 (Money's bound), at most two decimals, no leading zeros; written
// without lookaheads so schema-driven generators read it as the server does.
const AMOUNT_TEXT = /^(?:[1-9]\d{0,14}(?:\.\d{1,2})?|0\.(?:[1-9]\d?|0[1-9]))$/;

function isPositiveAmount(value: number | string): boolean {
  try {
    return Money.parsePositive(value).isPositive();
  } catch {
    return false;
  }
}

/** Request money: a JSON number or a decimal string, > 0, at most two decimals. */
export const AmountIn = z
  .union([z.number().min(0.01).lt(1e15).multipleOf(0.01), z.string().regex(AMOUNT_TEXT).max(18)])
  .refine(isPositiveAmount, {
    message: 'El monto debe ser mayor que cero y tener máximo dos decimales.',
  })
  .openapi('AmountInput', {
    description: 'COP amount as a number or a decimal string; > 0, at most two decimals',
    example: '75000.00',
  });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string().openapi({ example: 'INSUFFICIENT_BALANCE' }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' });

export const RequestIdHeader = {
  'X-Request-Id': {
    description: 'The caller’s request id when sane, else a generated one',
    schema: { type: 'string' as const },
  },
};
