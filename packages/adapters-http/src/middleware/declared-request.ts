import type { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { HttpEnv } from '../http-env.js';
import { validationHook } from '../problem/validation-hook.js';
import { requestHeader } from './request-header.js';

/** A part of the request (body or path) validated by route middleware of our own. */
export interface DeclaredPart<S extends z.ZodType> {
  /** Route middleware: validates the part, or answers as @hono/zod-openapi's validator would. */
  readonly validate: MiddlewareHandler<HttpEnv>;
  /** The validated part of this request (after `validate`). */
  read(c: Context<HttpEnv>): z.output<S>;
}

// @hono/zod-openapi's media-type gate for a declared `application/json` body, the same expression,
// so the same requests pass. Whatever passes it is also JSON to Hono's validator, which parses.
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/**
 * A required JSON body validated by one synchronous middleware (ADR 0727) instead of
 * @hono/zod-openapi's two layers (media-type gate, then Hono's validator with zod's
 * `safeParseAsync` and an awaited hook): ~8 % of a money request's instructions were validation.
 * The answers are those layers' own: 415 for a content type the route does not declare, 400
 * VALIDATION_ERROR for malformed JSON or a schema violation (the shared validation hook).
 * The global `requireJsonBody` guard has already refused a missing body and a body without a type.
 */
export function declaredJsonBody<S extends z.ZodType>(schema: S): DeclaredPart<S> {
  const validate: MiddlewareHandler<HttpEnv> = async (c, next) => {
    const contentType = requestHeader(c, 'content-type');
    if (contentType !== undefined && !JSON_REQUEST.test(contentType)) {
      throw new HTTPException(415, { message: 'Unsupported Media Type' });
    }
    // No type (so no body: the global guard refused a body without one) is validated as `{}`.
    let value: unknown = {};
    if (contentType !== undefined) {
      try {
        value = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: 'Malformed JSON in request body' });
      }
    }
    return accept(c, next, schema, 'json', value);
  };
  const read = (c: Context<HttpEnv>): z.output<S> => c.req.valid('json' as never);
  return { validate, read };
}

/** The path parameters validated by one synchronous middleware, as `declaredJsonBody` (ADR 0727). */
export function declaredParams<S extends z.ZodType>(schema: S): DeclaredPart<S> {
  const validate: MiddlewareHandler<HttpEnv> = (c, next) =>
    accept(c, next, schema, 'param', c.req.param());
  const read = (c: Context<HttpEnv>): z.output<S> => c.req.valid('param' as never);
  return { validate, read };
}

/**
 * Parses `value` with `schema`: a violation is answered by the shared validation hook (400
 * VALIDATION_ERROR), a valid value is stored as the request's `target` data for the route.
 */
async function accept(
  c: Context<HttpEnv>,
  next: Next,
  schema: z.ZodType,
  target: 'json' | 'param',
  value: unknown,
): Promise<Response | undefined> {
  const result = schema.safeParse(value);
  if (!result.success) {
    return validationHook({ success: false, error: result.error, target }, c);
  }
  c.req.addValidatedData(target, result.data as object);
  await next();
  return undefined;
}
