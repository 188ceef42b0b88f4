import type { ProblemCode } from '../problem/error-status.js';
import { problem, type Problem } from '../problem/problem.js';

/**
 * What a person reads for the codes worth showing in the docs. The texts are the server's own
 * (a test sends the requests that produce them and compares); a code without a sample simply has
 * no example in the document.
 */
const SAMPLES: Partial<Record<ProblemCode, Pick<Problem, 'detail' | 'errors'>>> = {
  VALIDATION_ERROR: { detail: 'La solicitud no cumple el esquema esperado.' },
  INVALID_CREDENTIALS: { detail: 'Correo o contraseña incorrectos.' },
  INVALID_REFRESH_TOKEN: { detail: 'La sesión no es válida o expiró.' },
  UNAUTHORIZED: { detail: 'Se requiere un token de acceso válido.' },
  FORBIDDEN: { detail: 'Su rol no tiene permiso para esta operación.' },
  FUND_NOT_FOUND: { detail: 'El fondo 99 no existe.' },
  SUBSCRIPTION_NOT_FOUND: { detail: 'La suscripción no existe.' },
  TRANSACTION_NOT_FOUND: { detail: 'La transacción no existe.' },
  CLIENT_NOT_FOUND: { detail: 'El cliente no existe.' },
  ALREADY_CANCELLED: { detail: 'La suscripción ya fue cancelada.' },
  INSUFFICIENT_BALANCE: {
    detail: 'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
  },
  UNSUPPORTED_MEDIA_TYPE: { detail: 'El cuerpo debe enviarse como application/json.' },
  INTERNAL_ERROR: { detail: 'Ocurrió un error inesperado.' },
  SERVICE_UNAVAILABLE: {
    detail: 'El servicio no está disponible en este momento. Intente de nuevo.',
  },
};

/** An example for a response: the first of its codes (in the route's order) that has a sample. */
export function problemExample(status: number, codes: readonly ProblemCode[]): Problem | undefined {
  for (const code of codes) {
    const sample = SAMPLES[code];
    if (sample !== undefined) return problem(status, code, sample.detail, sample.errors);
  }
  return undefined;
}

export const PROBLEM_SAMPLES = SAMPLES;
