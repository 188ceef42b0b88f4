import type { Deadline } from '../shared/deadline.js';

/**
 * Slow by design (bcrypt, cost 12 in production). `deadline`, when given, is when the caller stops
 * waiting (its request has been answered): a hash still waiting for its turn then is never
 * started, and the call rejects with `HashingNotStarted` — never `false`, which would count as a
 * wrong password. A hash already started runs to its end.
 */
export interface PasswordHasher {
  hash(password: string, deadline?: Deadline): Promise<string>;
  verify(password: string, hash: string, deadline?: Deadline): Promise<boolean>;
}
