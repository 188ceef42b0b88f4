import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { problem, problemResponse } from './problem.js';
import { HTTP_MESSAGES } from './problem-messages.js';

interface ValidationResult {
  readonly success: boolean;
  readonly error?: z.ZodError;
  readonly target: string;
}

/** At most this many `{path, message}` entries: an answer never grows with the input (ADR 0222). */
export const MAX_FIELD_ERRORS = 20;
/** Paths and messages echo the input (an unknown key): each is cut to this many characters. */
export const MAX_FIELD_TEXT = 120;

/** Schema violations → 400 VALIDATION_ERROR with one `{path, message}` per issue, capped. */
export function validationHook(result: ValidationResult, c: Context): Response | undefined {
  if (result.success || result.error === undefined) return undefined;
  const all = result.error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    // An unknown field is reported at the field itself, so the client sees which one.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...base, key].join('.'),
        message: `Campo no permitido: ${key}`,
      }));
    }
    return [{ path: base.length > 0 ? base.join('.') : result.target, message: issue.message }];
  });
  const errors = all
    .slice(0, MAX_FIELD_ERRORS)
    .map(({ path, message }) => ({ path: cut(path), message: cut(message) }));
  const detail =
    all.length > errors.length
      ? `La solicitud no cumple el esquema esperado (se muestran ${errors.length} de ${all.length} errores).`
      : HTTP_MESSAGES.invalidRequest;
  return problemResponse(c, problem(400, 'VALIDATION_ERROR', detail, errors));
}

const cut = (text: string): string =>
  text.length <= MAX_FIELD_TEXT ? text : `${text.slice(0, MAX_FIELD_TEXT - 1)}…`;
