import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import type { JSONParsed, JSONValue } from 'hono/utils/types';
import type { HttpEnv } from '../http-env.js';
import { API_CSP, SECURITY_HEADERS } from './secure-headers.js';

type HeaderFields = Readonly<Record<string, string>>;

const NO_TYPE = {} as const;
const JSON_TYPE = { 'Content-Type': 'application/json' } as const;

/**
 * A route's answer with every header the envelope would add already in ONE plain object
 * (ADR 0713): @hono/node-server writes such a response straight to the socket, where touching
 * `c.res.headers` afterwards would build a WHATWG `Headers` object, copy the answer into it and
 * iterate it again (≈ 20 µs per request measured). The handler's own headers may replace the
 * defaults (CSP, Cache-Control), never the security headers, the request id or `Vary`. A rate
 * limit's headers (ADR 0737) are in the same object.
 *
 * When that is not allowed (CORS under way: hono/cors prepares its headers with `c.header()`,
 * which only `c.body()` keeps), it answers through `c.body()`, and the envelope adds the headers.
 * The body is text, or bytes already encoded (a shared body, ADR 0736), written as they are.
 */
export function answer(
  c: Context<HttpEnv>,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: StatusCode,
  headers: HeaderFields = {},
): Response {
  return respond(c, body, status, NO_TYPE, headers);
}

/**
 * `answer()` for a JSON body, serialised and labelled as `c.json()` would, and typed like it, so
 * the route's response schema still checks the body's type.
 */
export function answerJson<T extends JSONValue | object, S extends ContentfulStatusCode>(
  c: Context<HttpEnv>,
  value: T,
  status: S,
  headers: HeaderFields = {},
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  const res = respond(c, JSON.stringify(value), status, JSON_TYPE, headers);
  // The same cast c.json() makes: the type records what was serialised.
  return res as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}

/** `answer()` with the body's type, which the handler's headers may replace: each copied once. */
function respond(
  c: Context<HttpEnv>,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: StatusCode,
  type: HeaderFields,
  headers: HeaderFields,
): Response {
  if (!c.get('plainAnswer')) {
    // The envelope completes this one: security headers, request id, a rate limit's headers.
    const prepared = { ...type, ...headers };
    return body === null
      ? c.body(null, status, prepared)
      : c.body(body, status as ContentfulStatusCode, prepared);
  }
  const res = new Response(body, {
    status,
    headers: {
      'Content-Security-Policy': API_CSP,
      'Cache-Control': 'no-store',
      ...type,
      ...headers,
      ...c.get('rateLimitHeaders'),
      ...SECURITY_HEADERS,
      'X-Request-Id': c.get('requestId'),
      Vary: 'Origin',
    },
  });
  c.set('answered', res);
  return res;
}
