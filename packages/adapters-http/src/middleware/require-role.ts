import type { Role } from '@btg-funds/application';
import type { Context, MiddlewareHandler } from 'hono';
import type { AccessTokenVerifier } from '../auth/access-token-verifier.js';
import type { HttpEnv, Principal } from '../http-env.js';
import { forbidden, unauthorized } from '../problem/http-problem.js';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/;

/**
 * Authenticates the bearer token and checks the role: no or bad token → 401 (with
 * WWW-Authenticate), a valid token of the wrong role → 403.
 */
export function requireRole(
  verifier: AccessTokenVerifier,
  ...roles: readonly Role[]
): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (match?.[1] === undefined) throw unauthorized();
    let principal: Principal;
    try {
      const claims = await verifier.verify(match[1]);
      principal = {
        clientId: claims.clientId,
        role: claims.role,
        sessionId: claims.sessionId ?? null,
      };
    } catch {
      // Why it failed (expired, tampered…) is not the caller's business.
      throw unauthorized();
    }
    if (!roles.includes(principal.role)) throw forbidden();
    c.set('principal', principal);
    await next();
  };
}

/** The authenticated caller; only valid on routes behind requireRole. */
export function principalOf(c: Context<HttpEnv>): Principal {
  const principal = c.get('principal');
  if (principal === undefined) throw unauthorized();
  return principal;
}
