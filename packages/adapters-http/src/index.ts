/**
 * @packageDocumentation
 * The HTTP adapter of btg-funds (docs/product/http-contract.md) on Hono, plus the auth adapters it needs:
 * JWT access tokens (jose), bcrypt passwords, opaque refresh tokens.
 */
export { createHttpApp } from './create-http-app.js';
export { createMetricsApp } from './create-metrics-app.js';
export { matchedRoute } from './middleware/access-log.js';
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
export type { AccessTokenVerifier } from './auth/access-token-verifier.js';
export { JoseTokenIssuer, ACCESS_TOKEN_TYPE } from './auth/jose-token-issuer.js';
export { JoseTokenVerifier } from './auth/jose-token-verifier.js';
export {
  ephemeralJwtKeys,
  jwtKeysFrom,
  keyIdOf,
  type JwtKeyInput,
  type JwtKeys,
  type JwtSettings,
} from './auth/jwt-settings.js';
export { BcryptPasswordHasher } from './auth/bcrypt-password-hasher.js';
export { CryptoSecretTokens } from './auth/crypto-secret-tokens.js';
export { CryptoOneTimeCodes } from './auth/crypto-one-time-codes.js';
export {
  BREACHED_PASSWORDS_COUNT,
  BundledBreachedPasswords,
} from './auth/bundled-breached-passwords.js';
export { API_BASE } from './routes/docs-routes.js';
export { redirectToDocs, type HomeHandler } from './routes/home-route.js';
export { loadWebAppFiles, type WebAppFile, type WebAppFiles } from './web/web-app-files.js';
export { WEB_APP_CSP } from './web/web-app-policy.js';
