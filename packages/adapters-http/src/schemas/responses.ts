import type { z } from '@hono/zod-openapi';
import { problemStatus, type ProblemCode } from '../problem/error-status.js';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem.js';
import { RequestIdHeader } from './common.js';
import { problemExample } from './problem-examples.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Solicitud inválida (esquema o regla de un campo).',
  401: 'Credenciales ausentes, inválidas o vencidas.',
  403: 'Autenticado, pero su rol no permite esta operación.',
  404: 'No existe (o no es suyo).',
  408: 'El cuerpo de la solicitud no llegó completo a tiempo; nada se aplicó. Reenvíela completa.',
  409: 'En conflicto con el estado actual.',
  413: 'El cuerpo excede el tamaño permitido.',
  415: 'El cuerpo no es application/json.',
  422: 'Rechazada por una regla de negocio.',
  429: 'Demasiadas solicitudes; vea Retry-After.',
  500: 'Error inesperado.',
  503: 'Servicio no disponible por ahora, nada se aplicó; vea Retry-After.',
  504:
    'Resultado desconocido: una escritura en el libro salió y su respuesta no llegó a tiempo; la ' +
    'operación puede haberse aplicado. Consulte GET /transactions o reintente con la misma ' +
    'Idempotency-Key (se aplica a lo sumo una vez). Vea Retry-After.',
};

/** Codes any operation may answer: a bug, a request that timed out, a storage outage. */
const ALWAYS: readonly ProblemCode[] = ['INTERNAL_ERROR', 'REQUEST_TIMEOUT', 'SERVICE_UNAVAILABLE'];

/** Body-carrying routes may be refused before any handler runs. */
export const BODY_PROBLEMS: readonly ProblemCode[] = [
  'VALIDATION_ERROR',
  'BODY_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
];
/** Routes behind a bearer token that any role may use. */
export const SIGNED_IN: readonly ProblemCode[] = ['UNAUTHORIZED'];
/** Routes behind a bearer token of one role. */
export const ROLE_ONLY: readonly ProblemCode[] = ['UNAUTHORIZED', 'FORBIDDEN'];

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const RETRY_AFTER = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };
const RATE_LIMIT_HEADERS = {
  RateLimit: { $ref: '#/components/headers/RateLimit' },
  'RateLimit-Policy': { $ref: '#/components/headers/RateLimitPolicy' },
};

/**
 * The responses of a route behind a rate limit (ADR 0203): every answer it gives, refusals
 * included, may carry the limit's headers (ADR 0737). Only headers are added, so the route keeps
 * the type its responses gave it.
 */
export function underRateLimit<R extends Record<number, { readonly headers?: object }>>(
  responses: R,
): R {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [
      status,
      { ...response, headers: { ...response.headers, ...RATE_LIMIT_HEADERS } },
    ]),
  ) as R;
}

/**
 * The problem responses of one operation: one per status, each stating in an enum the codes it
 * may carry. Statuses come from the code → status table, so the document cannot disagree with
 * the error handler about which status a code gets.
 */
export function problems(...codes: readonly (ProblemCode | readonly ProblemCode[])[]) {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of [...codes.flat(), ...ALWAYS]) {
    const status = problemStatus(code);
    const list = byStatus.get(status) ?? [];
    if (!list.includes(code)) list.push(code);
    byStatus.set(status, list);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [status, problemResponse(status, list)]),
  );
}

function problemResponse(status: number, codes: readonly ProblemCode[]) {
  const sorted = [...codes].sort();
  const example = problemExample(status, codes);
  return {
    description: `${DESCRIPTIONS[status] ?? 'Error.'} Códigos: ${sorted.join(', ')}.`,
    headers:
      status === 429 || status === 503 || status === 504
        ? { ...RequestIdHeader, ...RETRY_AFTER }
        : RequestIdHeader,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: {
          allOf: [
            PROBLEM_REF,
            {
              type: 'object' as const,
              required: ['code'],
              properties: { code: { type: 'string' as const, enum: sorted } },
            },
          ],
        },
        ...(example !== undefined && { example }),
      },
    },
  };
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  headers: RequestIdHeader,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T, example?: z.input<T>) => ({
  required: true,
  content: { 'application/json': { schema, ...(example !== undefined && { example }) } },
});
