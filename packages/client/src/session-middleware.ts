import type { Middleware } from 'openapi-fetch';
import { ApiError } from './api-error.js';
import type { Session } from './session.js';

/** Routes that must never carry the bearer token nor trigger a refresh. */
const PUBLIC_AUTH = new Set([
  '/api/v1/auth/register',
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
]);

interface Sent {
  /** The access token the request left with (null: it left without one). */
  readonly token: string | null;
  /** An unread copy, to replay after a refresh with every header (Idempotency-Key) intact. */
  readonly copy: Request;
}

/**
 * Bearer auth, one refresh for any number of 401s, and errors as ApiError:
 * - each request leaves with the current access token;
 * - a 401 to a request that carried one renews the session (single flight) and replays the
 *   request once, same method, body and headers, with the new token;
 * - any non-2xx answer that remains rejects the call with an ApiError; so does a failed
 *   connection (status 0, NETWORK_ERROR). An abort stays an AbortError.
 */
export function sessionMiddleware(session: Session): Middleware {
  const sent = new Map<string, Sent>();
  return {
    onRequest({ request, schemaPath, id }) {
      // A caller's own Authorization header is theirs: neither replaced nor refreshed.
      const managed = !PUBLIC_AUTH.has(schemaPath) && !request.headers.has('authorization');
      const token = managed ? (session.tokens?.accessToken ?? null) : null;
      if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
      sent.set(id, { token, copy: request.clone() });
      return request;
    },
    async onResponse({ response, id, options }) {
      const request = sent.get(id);
      sent.delete(id);
      let answer = response;
      if (answer.status === 401 && request?.token != null && (await session.renew(request.token))) {
        const replay = new Request(request.copy);
        replay.headers.set('Authorization', `Bearer ${session.tokens?.accessToken ?? ''}`);
        // Unbound on purpose: a browser's fetch throws "Illegal invocation" when called as a method.
        const fetch = options.fetch;
        try {
          answer = await fetch(replay);
        } catch (error) {
          throw asApiError(error);
        }
      }
      if (!answer.ok) throw await ApiError.fromResponse(answer);
      return answer;
    },
    onError({ error, id }) {
      sent.delete(id);
      return asApiError(error);
    },
  };
}

function asApiError(error: unknown): Error {
  if (error instanceof ApiError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  return ApiError.network(error);
}
