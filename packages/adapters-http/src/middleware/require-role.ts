import type { AccessTokenClaims, AccessTokenVerifier, Role } from '@btg-funds/application';
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { HttpEnv, Principal } from '../http-env.js';
import { forbidden, unauthorized } from '../problem/http-problem.js';
import { requestHeader } from './request-header.js';

const SCHEME = 'Bearer ';
const MAX_TOKEN_LENGTH = 4096;
const TOKEN_CHARS = /^[A-Za-z0-9._~+/=-]+$/;

/** What follows `Bearer ` when it is at most 4096 characters long, else undefined. */
function afterScheme(header: string | undefined): string | undefined {
  if (header === undefined || !header.startsWith(SCHEME)) return undefined;
  return header.length <= SCHEME.length + MAX_TOKEN_LENGTH
    ? header.slice(SCHEME.length)
    : undefined;
}

/**
 * The token of `Authorization: Bearer <token>` (1–4096 characters of the token68 alphabet), else
 * undefined. A prefix test and one unbounded character class: a bounded repeat such as
 * `{1,4096}` made the one regular expression cost twice as much, on every authenticated request.
 */
export function bearerToken(header: string | undefined): string | undefined {
  return wellFormed(afterScheme(header));
}

/** The candidate when it is all token68 characters (and not empty), else undefined. */
function wellFormed(candidate: string | undefined): string | undefined {
  return candidate !== undefined && TOKEN_CHARS.test(candidate) ? candidate : undefined;
}

/**
 * Authenticates the bearer token and checks the role: no or bad token → 401 (with
 * WWW-Authenticate), a valid token of the wrong role → 403.
 *
 * A token the verifier verified before (`verifiedBefore`, its cache) is admitted at once, without
 * the alphabet check: only a token that passed it was ever verified (ADR 0738).
 */
export function requireRole(
  verifier: AccessTokenVerifier,
  ...roles: readonly Role[]
): MiddlewareHandler<HttpEnv> {
  const admit = (c: Context<HttpEnv>, claims: AccessTokenClaims): void => {
    if (!roles.includes(claims.role)) throw forbidden();
    c.set('principal', {
      clientId: claims.clientId,
      role: claims.role,
      sessionId: claims.sessionId ?? null,
    });
  };
  const verifyThenAdmit = async (c: Context<HttpEnv>, token: string, next: Next) => {
    let claims: AccessTokenClaims;
    try {
      claims = await verifier.verify(token);
    } catch {
      // Why it failed (expired, tampered…) is not the caller's business.
      throw unauthorized();
    }
    admit(c, claims);
    await next();
  };
  return (c, next) => {
    const candidate = afterScheme(requestHeader(c, 'authorization'));
    const known = candidate === undefined ? undefined : verifier.verifiedBefore?.(candidate);
    if (known !== undefined) {
      admit(c, known);
      return next();
    }
    const token = wellFormed(candidate);
    if (token === undefined) throw unauthorized();
    return verifyThenAdmit(c, token, next);
  };
}

/** The authenticated caller; only valid on routes behind requireRole. */
export function principalOf(c: Context<HttpEnv>): Principal {
  const principal = c.get('principal');
  if (principal === undefined) throw unauthorized();
  return principal;
}
