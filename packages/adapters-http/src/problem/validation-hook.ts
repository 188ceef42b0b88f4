import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { problem, problemResponse } from './problem.js';

interface ValidationResult {
  readonly success: boolean;
  readonly error?: z.ZodError;
  readonly target: string;
}

/** Schema violations → 400 VALIDATION_ERROR with one `{path, message}` per issue. */
export function validationHook(result: ValidationResult, c: Context): Response | undefined {
  if (result.success || result.error === undefined) return undefined;
  const errors = result.error.issues.slice(0, 20).flatMap((issue) => {
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
  return problemResponse(
    c,
    problem(400, 'VALIDATION_ERROR', 'La solicitud no cumple el esquema esperado.', errors),
  );
}
