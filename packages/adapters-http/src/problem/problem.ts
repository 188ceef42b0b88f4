import type { Context } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { HttpEnv } from '../http-env.js';
import { answer } from '../middleware/answer.js';

export interface ProblemFieldError {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly ProblemFieldError[];
}

/** The `title` of a problem, by status (RFC 9457: the same for every problem of a kind). */
export const PROBLEM_TITLES: Readonly<Record<number, string>> = {
  400: 'Solicitud inválida',
  401: 'No autenticado',
  403: 'Acceso denegado',
  404: 'No encontrado',
  405: 'Método no permitido',
  408: 'Tiempo de espera agotado',
  409: 'Conflicto',
  413: 'Cuerpo demasiado grande',
  415: 'Tipo de contenido no soportado',
  422: 'Operación rechazada',
  429: 'Demasiadas solicitudes',
  500: 'Error interno',
  503: 'Servicio no disponible',
  504: 'Resultado desconocido',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: readonly ProblemFieldError[],
): Problem {
  return {
    // A stable, non-dereferenceable URI per code (RFC 9457 §3.1.1 allows URNs).
    type: `urn:btg-funds:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: PROBLEM_TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors !== undefined && errors.length > 0 && { errors }),
  };
}

/**
 * Writes a problem as `application/problem+json` with extra headers, through `answer()` like a
 * route's own answer: every header in one plain object, none added to a `Headers` afterwards
 * (a refused request is as common as a granted one on a hot account; ADR 0734).
 */
export function problemResponse(
  c: Context,
  body: Problem,
  headers: Record<string, string> = {},
): Response {
  return answer(c as Context<HttpEnv>, JSON.stringify(body), body.status as StatusCode, {
    ...headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
  });
}
