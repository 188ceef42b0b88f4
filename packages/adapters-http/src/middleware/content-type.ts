import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from '../problem/http-problem.js';

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;.*)?$/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A request that carries a body must say it is JSON: anything else is 415, before parsing. */
export function requireJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && hasBody(c.req.raw)) {
      const type = c.req.header('content-type');
      if (type === undefined || !JSON_TYPE.test(type)) {
        throw new HttpProblem(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'El cuerpo debe enviarse como application/json.',
        );
      }
    }
    await next();
  };
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return length.trim() !== '0';
  return request.headers.has('transfer-encoding') || request.body !== null;
}
