import type { Context, Next } from 'hono';
import { matchedRoutes } from 'hono/route';
import { HttpProblem } from '../problem/http-problem.js';
import { HTTP_MESSAGES } from '../problem/problem-messages.js';
import { requestHeader } from './request-header.js';

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;.*)?$/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Every POST and PATCH of this API takes a JSON object; none is meaningful without one. */
const BODY_REQUIRED = new Set(['POST', 'PATCH']);

/**
 * A request that carries a body must say it is JSON (else 415, before parsing), and POST or
 * PATCH without a body is a 400 rather than being read as `{}`.
 */
export function requireJsonBody(): (c: Context, next: Next) => Promise<void> {
  // Not async: a refusal throws before anything is awaited, and a pass costs no extra promise.
  return (c, next) => {
    // An unknown route or method is answered 404/405 by the router, whatever the body.
    if (!matchedRoutes(c).some((route) => route.method !== 'ALL')) return next();
    const withBody = hasBody(c);
    if (!withBody && BODY_REQUIRED.has(c.req.method)) {
      throw new HttpProblem(
        400,
        'VALIDATION_ERROR',
        'El cuerpo JSON de la solicitud es obligatorio.',
      );
    }
    if (BODY_METHODS.has(c.req.method) && withBody) {
      const type = requestHeader(c, 'content-type');
      if (type === undefined || !JSON_TYPE.test(type)) {
        throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', HTTP_MESSAGES.unsupportedMediaType);
      }
    }
    return next();
  };
}

/**
 * HTTP/1.1 framing (RFC 9112 §6.3): a request has a body only with Content-Length > 0 or
 * Transfer-Encoding. The Request object alone cannot tell: Node adapters give every DELETE a
 * (possibly empty) body stream.
 */
function hasBody(c: Context): boolean {
  const length = requestHeader(c, 'content-length');
  if (length !== undefined) return length.trim() !== '0';
  return requestHeader(c, 'transfer-encoding') !== undefined;
}
