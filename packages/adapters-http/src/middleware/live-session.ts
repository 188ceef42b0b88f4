import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../http-env.js';
import { unauthorized } from '../problem/http-problem.js';

/** Answers whether a session (refresh-token family) was revoked; cheap and briefly cached. */
export interface SessionCheck {
  isRevoked(sessionId: string): Promise<boolean>;
}

/**
 * After a role guard, on the routes that move money or change where notifications go: a token of
 * a revoked session (logout, refresh-token reuse) is refused with 401 before its `exp` (ADR 0220).
 * Tokens issued before sessions were named carry no `sid` and live out their short `exp`.
 */
export function liveSession(sessions: SessionCheck | undefined): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const sessionId = c.get('principal')?.sessionId ?? null;
    if (sessions !== undefined && sessionId !== null && (await sessions.isRevoked(sessionId))) {
      throw unauthorized('La sesión fue cerrada. Ingrese de nuevo.');
    }
    await next();
  };
}
