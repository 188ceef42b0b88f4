/**
 * @packageDocumentation
 * The HTTP adapter of btg-funds (docs/product/http-contract.md) on Hono. The auth adapters it is
 * given (JWT, bcrypt, secret tokens) live in @btg-funds/adapters-auth.
 */
export { createHttpApp } from './create-http-app.js';
export { createMetricsApp } from './create-metrics-app.js';
export { matchedRoute } from './middleware/matched-route.js';
export { isoTimestamp } from './presenters/iso-timestamp.js';
export type { HttpDeps, HttpUseCases, ReadinessReport, RequestLogEntry } from './http-deps.js';
export {
  DEFAULT_HTTP_CONFIG,
  resolveHttpConfig,
  type HttpConfig,
  type RateLimitConfig,
  type RateLimitRule,
} from './http-config.js';
export type { HttpEnv, Principal } from './http-env.js';
export { ERROR_STATUS, statusOf } from './problem/error-status.js';
export type { Problem, ProblemFieldError } from './problem/problem.js';
export { API_BASE } from './routes/docs-routes.js';
export { redirectToDocs, type HomeHandler } from './routes/home-route.js';
export { loadWebAppFiles, type WebAppFile, type WebAppFiles } from './web/web-app-files.js';
export { WEB_APP_CSP } from './web/web-app-policy.js';
