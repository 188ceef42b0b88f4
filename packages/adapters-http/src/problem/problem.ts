import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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

/** Writes a problem as `application/problem+json` with extra headers. */
export function problemResponse(
  c: Context,
  body: Problem,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    ...headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
  });
}
