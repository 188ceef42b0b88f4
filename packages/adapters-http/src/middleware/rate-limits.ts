import type { RateLimitStore } from '@btg-funds/application';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { RateLimitConfig, RateLimitRule } from '../http-config.js';
import type { HttpEnv } from '../http-env.js';
import { HttpProblem } from '../problem/http-problem.js';
import { StoreRateLimitCounter } from './store-rate-limit-counter.js';

/**
 * Each limit as the route middleware it takes: one layer, or none when the limit is off
 * (`RATE_LIMITS=off`, or a limit of 0). A layer that only awaited `next()` still cost every
 * request of the route an async step, its promise and a step of Hono's compose: ~3 % of a money
 * request's instructions (docs/performance.md, "A limit that is off takes no layer").
 */
export interface RateLimits {
  readonly authPerIp: readonly MiddlewareHandler<HttpEnv>[];
  readonly moneyPerClient: readonly MiddlewareHandler<HttpEnv>[];
}

type KeyOf = (c: Context<HttpEnv>) => string | Promise<string>;

/**
 * Fixed-window limits (ADR 0203). With a `store`, the counts live there — one limit across every
 * instance that shares it; without one, each process counts alone (hono-rate-limiter's memory).
 */
export function createRateLimits(
  config: RateLimitConfig,
  addressOf: (c: Context<HttpEnv>) => string,
  store?: RateLimitStore,
): RateLimits {
  const limiter = (
    name: string,
    rule: RateLimitRule,
    keyOf: KeyOf,
  ): readonly MiddlewareHandler<HttpEnv>[] =>
    !config.enabled || rule.limit <= 0
      ? []
      : [
          preparesHeaders(
            rateLimiter<HttpEnv>({
              windowMs: rule.windowMs,
              limit: rule.limit,
              ...(store !== undefined && { store: new StoreRateLimitCounter(store, rule.limit) }),
              standardHeaders: 'draft-7',
              keyGenerator: async (c) => `${name}:${await keyOf(c)}`,
              handler: (c) => {
                throw tooManyRequests(c.get('rateLimit' as never), rule.windowMs);
              },
            }),
          ),
        ];
  return {
    authPerIp: limiter('ip', config.authPerIp, addressOf),
    moneyPerClient: limiter(
      'money',
      config.moneyPerClient,
      (c) => c.get('principal')?.clientId ?? '-',
    ),
  };
}

function tooManyRequests(info: { resetTime?: Date } | undefined, windowMs: number): HttpProblem {
  const resetMs = info?.resetTime !== undefined ? info.resetTime.getTime() - Date.now() : windowMs;
  const retryAfter = Math.max(1, Math.ceil(resetMs / 1000));
  return new HttpProblem(
    429,
    'RATE_LIMITED',
    `Demasiadas solicitudes. Intente de nuevo en ${retryAfter} segundos.`,
    { 'Retry-After': String(retryAfter) },
  );
}

/**
 * `hono-rate-limiter` puts its `RateLimit` headers in place with `c.header()` before the route
 * runs; only an answer made by `c.body()` keeps them, so routes behind it must not answer with a
 * complete plain response (ADR 0713).
 */
function preparesHeaders(limiter: MiddlewareHandler<HttpEnv>): MiddlewareHandler<HttpEnv> {
  return (c, next) => {
    c.set('plainAnswer', false);
    return limiter(c, next);
  };
}
