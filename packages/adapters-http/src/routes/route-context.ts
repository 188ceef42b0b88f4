import type { Context, MiddlewareHandler } from 'hono';
import type { HttpConfig } from '../http-config.js';
import type { HttpUseCases } from '../http-deps.js';
import type { HttpEnv } from '../http-env.js';
import type { RateLimits } from '../middleware/rate-limits.js';

export interface RouteContext {
  readonly useCases: HttpUseCases;
  readonly config: HttpConfig;
  readonly limits: RateLimits;
  /** The caller's network address (login throttling keys on it). */
  readonly addressOf: (c: Context<HttpEnv>) => string;
  /** Role guards: bearer token required, 401 without it, 403 with the wrong role. */
  readonly guard: {
    readonly client: MiddlewareHandler<HttpEnv>;
    readonly admin: MiddlewareHandler<HttpEnv>;
    readonly anyone: MiddlewareHandler<HttpEnv>;
    /** After a role guard: the token's session must not be revoked (ADR 0220). */
    readonly live: MiddlewareHandler<HttpEnv>;
  };
}

export const BEARER = [{ bearerAuth: [] }];
