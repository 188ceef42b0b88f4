import { Money } from '@btg-funds/domain';
import { z } from '@hono/zod-openapi';
import { PROBLEM_CODES } from '../problem/error-status.js';
import { PROBLEM_TITLES } from '../problem/problem.js';
import { INSUFFICIENT_BALANCE_EXAMPLE } from './problem-examples.js';

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

export const ProblemCodeSchema = z.enum(PROBLEM_CODES).openapi('ProblemCode', {
  description:
    'Código estable del problema, para programas (el `detail` es para personas). ' +
    'Cada respuesta de error indica los códigos que puede traer.',
});

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:btg-funds:problem:insufficient-balance' }),
    title: z.string().openapi({ example: PROBLEM_TITLES[422] }),
    status: z.int().openapi({ example: 422 }),
    detail: z.string().openapi({
      description: 'Mensaje en español para mostrar al usuario',
      example: INSUFFICIENT_BALANCE_EXAMPLE,
    }),
    code: ProblemCodeSchema,
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Errores por campo (solo en 400)' }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' });

/** Headers are components, referenced from every response (the document stays readable). */
export const HEADER_COMPONENTS = {
  RequestId: {
    description: 'El X-Request-Id del cliente cuando es válido; si no, uno generado',
    schema: { type: 'string' as const },
  },
  RetryAfter: {
    description: 'Segundos que conviene esperar antes de reintentar',
    schema: { type: 'integer' as const, minimum: 1 },
  },
  RateLimit: {
    description:
      'Lo que queda del límite en su ventana actual (IETF draft-7): solicitudes permitidas, ' +
      'restantes y segundos hasta que la ventana se renueve. Presente cuando los límites ' +
      'están activos (lo están por omisión).',
    schema: { type: 'string' as const, example: 'limit=30, remaining=29, reset=52' },
  },
  RateLimitPolicy: {
    description: 'El límite que aplica: solicitudes por ventana y su duración en segundos.',
    schema: { type: 'string' as const, example: '30;w=60' },
  },
};

export const RequestIdHeader = {
  'X-Request-Id': { $ref: '#/components/headers/RequestId' },
};

/** The entity tag of a shared answer (ADR 0704): send it back in If-None-Match. */
export const ETagHeader = {
  ETag: {
    description:
      'Versión de esta respuesta; envíela en If-None-Match para recibir 304 si no cambió',
    schema: { type: 'string' as const, example: '"q1r0LxKbY2WvGJ3y0Cw7cRZC1GfW8mA"' },
  },
};
