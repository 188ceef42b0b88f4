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
  ): readonly MiddlewareHandler<HttpEnv>[] => {
    if (!config.enabled || rule.limit <= 0) return [];
    const headersOf = limitHeadersOf(rule);
    return [
      announcesLimit(
        rateLimiter<HttpEnv>({
          windowMs: rule.windowMs,
          limit: rule.limit,
          ...(store !== undefined && { store: new StoreRateLimitCounter(store, rule.limit) }),
          // The headers are ours (limitHeadersOf): the library's go through `c.header()`.
          standardHeaders: false,
          keyGenerator: async (c) => `${name}:${await keyOf(c)}`,
          handler: (c) => {
            throw tooManyRequests(countOf(c), rule.windowMs, headersOf);
          },
        }),
        headersOf,
      ),
    ];
  };
  return {
    authPerIp: limiter('ip', config.authPerIp, addressOf),
    moneyPerClient: limiter(
      'money',
      config.moneyPerClient,
      (c) => c.get('principal')?.clientId ?? '-',
    ),
  };
}

function tooManyRequests(
  info: LimitInfo | undefined,
  windowMs: number,
  headersOf: LimitHeaders,
): HttpProblem {
  const resetMs = info?.resetTime !== undefined ? info.resetTime.getTime() - Date.now() : windowMs;
  const retryAfter = Math.max(1, Math.ceil(resetMs / 1000));
  return new HttpProblem(
    429,
    'RATE_LIMITED',
    `Demasiadas solicitudes. Intente de nuevo en ${retryAfter} segundos.`,
    {
      ...(info !== undefined && headersOf(info)),
      'Retry-After': String(retryAfter),
    },
  );
}

/** What `hono-rate-limiter` records of the count. */
interface LimitInfo {
  readonly remaining: number;
  readonly resetTime?: Date | undefined;
}

/** The count the limiter recorded for this request (its `requestPropertyName`, `rateLimit`). */
const countOf = (c: Context<HttpEnv>): LimitInfo | undefined => c.get('rateLimit' as never);

/**
 * The limiter's count, announced on every answer of the request: the limiter runs, then records
 * the headers in the context, where `answer()` and the envelope take them (ADR 0737). The
 * library's own headers went through `c.header()`, which only an answer made by `c.body()` keeps:
 * every money answer under a limit then took the slow path of ADR 0713 (a WHATWG `Headers`
 * completed by the envelope).
 */
function announcesLimit(
  limiter: MiddlewareHandler<HttpEnv>,
  headersOf: LimitHeaders,
): MiddlewareHandler<HttpEnv> {
  return (c, next) =>
    limiter(c, () => {
      const info = countOf(c);
      if (info !== undefined) c.set('rateLimitHeaders', headersOf(info));
      return next();
    });
}

/** A rule's IETF draft-7 `RateLimit` headers for one count, as `hono-rate-limiter` writes them. */
type LimitHeaders = (info: LimitInfo) => Record<string, string>;

/** The rule's policy is the same on every answer: written once, only the count per request. */
function limitHeadersOf(rule: RateLimitRule): LimitHeaders {
  const windowSeconds = Math.ceil(rule.windowMs / 1000);
  const policy = `${rule.limit};w=${windowSeconds}`;
  return (info) => {
    const resetSeconds =
      info.resetTime !== undefined
        ? Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))
        : windowSeconds;
    return {
      'RateLimit-Policy': policy,
      RateLimit: `limit=${rule.limit}, remaining=${info.remaining}, reset=${resetSeconds}`,
    };
  };
}
