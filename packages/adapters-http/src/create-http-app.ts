import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { resolveHttpConfig } from './http-config.js';
import type { HttpDeps } from './http-deps.js';
import type { HttpEnv } from './http-env.js';
import { corsAllowList } from './middleware/cors-allow-list.js';
import { notFoundOrMethodNotAllowed } from './middleware/method-not-allowed.js';
import { liveSession } from './middleware/live-session.js';
import { createRateLimits } from './middleware/rate-limits.js';
import { requestGuards } from './middleware/request-guards.js';
import { requireRole } from './middleware/require-role.js';
import { responseEnvelope } from './middleware/response-envelope.js';
import { handleError } from './problem/error-handler.js';
import { validationHook } from './problem/validation-hook.js';
import { adminRoutes } from './routes/admin-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { API_BASE, mountDocs } from './routes/docs-routes.js';
import { fundsRoutes } from './routes/funds-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { mountHome } from './routes/home-route.js';
import { meRoutes } from './routes/me-routes.js';
import { metricsRoutes } from './routes/metrics-routes.js';
import { notificationsRoutes } from './routes/notifications-routes.js';
import type { RouteContext } from './routes/route-context.js';
import { subscriptionsRoutes } from './routes/subscriptions-routes.js';
import { transactionsRoutes } from './routes/transactions-routes.js';
import { verificationRoutes } from './routes/verification-routes.js';
import { registerComponents } from './schemas/components.js';
import { mountWebApp, webAppIndex } from './web/mount-web-app.js';
import { requestHeader } from './middleware/request-header.js';

/** The whole HTTP API (docs/product/http-contract.md) as a Hono app; the caller decides how to serve it. */
export function createHttpApp(deps: HttpDeps): OpenAPIHono<HttpEnv> {
  const config = resolveHttpConfig(deps.config);
  // Validation messages reach users, and users read Spanish (docs/product/rules.md, "Who uses it").
  z.config(z.locales.es());
  const report = deps.onError ?? (() => undefined);
  // strict: false — `/api/v1/funds/` is `/api/v1/funds`, not a 405 from the fallback below.
  const app = new OpenAPIHono<HttpEnv>({ defaultHook: validationHook, strict: false });

  // Three layers for what every request goes through (ADR 0709): the envelope outermost, so
  // every answer (errors, CORS preflights, 404s) carries its headers and its log line. The
  // envelope decides once whether CORS applies; the CORS layer acts on that.
  const cors = corsAllowList(config.corsOrigins);
  app.use(
    '*',
    responseEnvelope({
      onRequest: deps.onRequest,
      traceRequest: deps.traceRequest,
      corsApplies: cors.applies,
    }),
  );
  app.use('*', cors.layer);
  app.use('*', requestGuards(config));

  const addressOf = (c: Context<HttpEnv>): string =>
    deps.clientAddress?.(c) ?? forwardedFor(c, config.trustProxy) ?? 'unknown';
  const context: RouteContext = {
    useCases: deps.useCases,
    config,
    limits: createRateLimits(config.rateLimits, addressOf, deps.rateLimitStore),
    addressOf,
    guard: {
      client: requireRole(deps.tokens, 'client'),
      admin: requireRole(deps.tokens, 'admin'),
      anyone: requireRole(deps.tokens, 'client', 'admin'),
      live: liveSession(deps.sessions),
    },
  };

  const api = new OpenAPIHono<HttpEnv>({ defaultHook: validationHook });
  registerComponents(api);
  const readiness = deps.readiness ?? (() => Promise.resolve({}));
  const metricsOptions = { token: deps.metricsToken };
  api.route('/auth', authRoutes(context));
  api.route('/me/verification', verificationRoutes(context));
  api.route('/me', meRoutes(context));
  api.route('/funds', fundsRoutes(context));
  api.route('/subscriptions', subscriptionsRoutes(context));
  api.route('/transactions', transactionsRoutes(context));
  api.route('/notifications', notificationsRoutes(context));
  api.route('/admin', adminRoutes(context));
  api.route('/health', healthRoutes(readiness, { hide: false }));
  if (deps.metrics !== undefined)
    api.route('/metrics', metricsRoutes(deps.metrics, { ...metricsOptions, hide: false }));

  app.route(API_BASE, api);
  // Ops tooling (load balancers, Prometheus) looks at the root.
  app.route('/health', healthRoutes(readiness, { hide: true }));
  if (deps.metrics !== undefined)
    app.route('/metrics', metricsRoutes(deps.metrics, { ...metricsOptions, hide: true }));
  mountDocs(app);
  // `/`: the web app's index when there is one, unless the composition root says otherwise.
  mountHome(app, deps.home ?? (deps.webApp != null ? webAppIndex(deps.webApp) : undefined));
  // Last: the web app answers only what no API, ops or docs route claimed (ADR 0213).
  if (deps.webApp != null) mountWebApp(app, deps.webApp);

  app.notFound(notFoundOrMethodNotAllowed(app));
  app.onError((error, c) => handleError(error, c, report));
  return app;
}

/** The last X-Forwarded-For hop: the one our own load balancer appended. */
function forwardedFor(c: Context, trustProxy: boolean): string | undefined {
  if (!trustProxy) return undefined;
  const hops = requestHeader(c, 'x-forwarded-for')?.split(',');
  return hops?.at(-1)?.trim() || undefined;
}
