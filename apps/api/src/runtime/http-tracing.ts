import { matchedRoute, type HttpEnv } from '@btg-funds/adapters-http';
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { MiddlewareHandler } from 'hono';

/**
 * One SERVER span per request, active while the request runs so storage spans nest under it
 * and log lines carry its trace id. Named after the route pattern once it is known (bounded
 * cardinality in X-Ray), with the request id as an attribute to find a caller's report.
 */
export function httpTracing(tracer: Tracer): MiddlewareHandler<HttpEnv> {
  return (c, next) =>
    tracer.startActiveSpan(
      `${c.req.method}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: c.req.method,
          [ATTR_URL_PATH]: c.req.path,
          'request.id': c.get('requestId'),
        },
      },
      async (span) => {
        try {
          await next();
        } finally {
          const route = matchedRoute(c);
          const status = c.res.status;
          span.updateName(`${c.req.method} ${route}`);
          span.setAttribute(ATTR_HTTP_ROUTE, route);
          span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
          const clientId = c.get('principal')?.clientId;
          if (clientId !== undefined) span.setAttribute('enduser.id', clientId);
          // Server spans are errors on 5xx only; a 4xx is the client's mistake (OTel semconv).
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        }
      },
    );
}
