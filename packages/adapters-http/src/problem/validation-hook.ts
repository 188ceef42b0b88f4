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
  const errors = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : result.target,
    message: issue.message,
  }));
  return problemResponse(
    c,
    problem(400, 'VALIDATION_ERROR', 'La solicitud no cumple el esquema esperado.', errors),
  );
}
