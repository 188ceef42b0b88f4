export interface RateLimitRule {
  /** Requests allowed per window; 0 disables this rule. */
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitConfig {
  readonly enabled: boolean;
  /** POST /auth/register, /auth/login, /auth/refresh per network address. */
  readonly authPerIp: RateLimitRule;
  /** POST and DELETE /subscriptions per authenticated client. */
  readonly moneyPerClient: RateLimitRule;
}

export interface HttpConfig {
  /** Exact origins allowed by CORS; empty → no cross-origin access. */
  readonly corsOrigins: readonly string[];
  readonly bodyLimitBytes: number;
  readonly requestTimeoutMs: number;
  readonly rateLimits: RateLimitConfig;
  /** Trust the last X-Forwarded-For hop as the client address (behind a load balancer). */
  readonly trustProxy: boolean;
  /**
   * GET /funds is served from one precomputed body, rebuilt when this process changes a fund and
   * at most this old otherwise: how long another instance's change may take to show (ADR 0704).
   */
  readonly fundListMaxAgeMs: number;
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = {
  corsOrigins: [],
  bodyLimitBytes: 16 * 1024,
  requestTimeoutMs: 10_000,
  trustProxy: false,
  fundListMaxAgeMs: 1_000,
  rateLimits: {
    enabled: true,
    authPerIp: { limit: 20, windowMs: 60_000 },
    moneyPerClient: { limit: 30, windowMs: 60_000 },
  },
};

export function resolveHttpConfig(partial: Partial<HttpConfig> | undefined): HttpConfig {
  return {
    ...DEFAULT_HTTP_CONFIG,
    ...partial,
    rateLimits: { ...DEFAULT_HTTP_CONFIG.rateLimits, ...partial?.rateLimits },
  };
}
