import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../http-env.js';
import { bodyLimit } from './body-limit.js';
import { requireJsonBody } from './content-type.js';
import { requestDeadline } from './request-deadline.js';

export interface RequestGuardOptions {
  readonly requestTimeoutMs: number;
  readonly bodyLimitBytes: number;
}

/**
 * The checks every request passes before its route runs, as ONE middleware (ADR 0709): the
 * deadline around everything after it, then the body's declared size (413), then its media
 * type and presence (415/400). Called directly, in this order, rather than through Hono's
 * per-layer dispatch; a refusal thrown here reaches the error handler like any other.
 */
export function requestGuards(options: RequestGuardOptions): MiddlewareHandler<HttpEnv> {
  const deadline = requestDeadline(options.requestTimeoutMs);
  const limit = bodyLimit(options.bodyLimitBytes);
  const json = requireJsonBody();
  return (c, next) => deadline(c, () => limit(c, () => json(c, next)));
}
