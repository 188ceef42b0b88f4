import type { MiddlewareHandler } from 'hono';
import type { RequestLogEntry } from '../http-deps.js';
import type { HttpEnv } from '../http-env.js';
import { varyOnOrigin, type CorsAllowList } from './cors-allow-list.js';
import { matchedRoute } from './matched-route.js';
import { startRequest } from './request-id.js';
import { applySecurityHeaders } from './secure-headers.js';

export interface ResponseEnvelopeOptions {
  /** One entry per request (access log and metrics), once the response is final. */
  readonly onRequest?: ((entry: RequestLogEntry) => void) | undefined;
  /** The request's trace span, opened once the request id is known and closed after the log. */
  readonly traceRequest?: MiddlewareHandler<HttpEnv> | undefined;
  /**
   * Whether CORS applies to a request, asked once here and recorded as `underCors` for the CORS
   * layer; every other answer says `Vary: Origin`.
   */
  readonly corsApplies: CorsAllowList['applies'];
}

/**
 * What every response gets, in ONE middleware rather than one each (ADR 0711): a request id
 * (echoed or minted, on every response), the trace span around the rest, the security headers
 * and `Vary: Origin` (outside CORS), and one access-log entry with the route pattern and the
 * latency. Each of them only acts after the inner layers (and the error handler) have produced
 * the final response.
 */
export function responseEnvelope(options: ResponseEnvelopeOptions): MiddlewareHandler<HttpEnv> {
  const { onRequest, traceRequest, corsApplies } = options;
  const envelope: MiddlewareHandler<HttpEnv> = async (c, next) => {
    const started = onRequest === undefined ? 0 : performance.now();
    const cors = corsApplies(c);
    c.set('underCors', cors);
    c.set('plainAnswer', !cors);
    await next();
    // An answer() response already carries every header below (ADR 0713); any other response
    // (errors, 404s, docs, the web app, CORS) gets them here.
    if (c.res !== c.get('answered')) {
      const headers = c.res.headers;
      applySecurityHeaders(headers);
      headers.set('X-Request-Id', c.get('requestId'));
      const limit = c.get('rateLimitHeaders');
      if (limit !== undefined) for (const name in limit) headers.set(name, limit[name]!);
      // Under CORS, hono/cors has said it varies on Origin already.
      if (!cors) varyOnOrigin(headers);
    }
    onRequest?.({
      method: c.req.method,
      route: matchedRoute(c),
      status: c.res.status,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      requestId: c.get('requestId'),
      clientId: c.get('principal')?.clientId ?? null,
    });
  };
  return (c, next) => {
    startRequest(c);
    return traceRequest === undefined
      ? envelope(c, next)
      : traceRequest(c, () => envelope(c, next) as Promise<void>);
  };
}
