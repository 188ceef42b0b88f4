import { Login } from '../auth/login.js';
import { LoginThrottle, type LoginThrottlePolicy } from '../auth/login-throttle.js';
import { RegisterClient } from '../auth/register-client.js';
import { DEFAULT_SESSION_CONFIG } from '../auth/session-tokens.js';
import {
  HashingNotStarted,
  type PasswordHasher,
  type SecretTokens,
  type TokenIssuer,
} from '../ports/index.js';
import { hasPassed } from '../shared/deadline.js';
import { createFakeStorage } from './fakes/fake-storage.js';
import { FixedClock } from './fixed-clock.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

/** The password of the client every login fixture registers. */
export const LOGIN_PASSWORD = 'una clave segura';

/**
 * Login on fake storage with one registered client (ana@example.com, LOGIN_PASSWORD), and ports
 * whose output a test can read: the hash is `h:<password>` and every hash verified is kept in
 * `verified` (in order; a check whose deadline had passed is not made), access tokens are `jwt:<clientId>:<role>`, refresh tokens `rt-1`,
 * `rt-2`, … stored under the digest `d:<token>`. With `throttle`, failures are throttled by a
 * LoginThrottle on the same storage and clock.
 */
export async function loginFixture(options: { now?: string; throttle?: LoginThrottlePolicy } = {}) {
  const storage = createFakeStorage();
  const clock = new FixedClock(options.now);
  const ids = new SequentialIdGenerator();
  const verified: string[] = [];
  // As the real hasher: a check whose deadline passed before it started is never made.
  const hasher: PasswordHasher = {
    hash: (password) => Promise.resolve(`h:${password}`),
    verify: (password, hash, deadline) => {
      if (deadline !== undefined && hasPassed(deadline)) {
        return Promise.reject(new HashingNotStarted());
      }
      verified.push(hash);
      return Promise.resolve(hash === `h:${password}`);
    },
  };
  const issuer: TokenIssuer = {
    issue: (claims) =>
      Promise.resolve({ token: `jwt:${claims.clientId}:${claims.role}`, expiresIn: 900 }),
  };
  let n = 0;
  const secrets: SecretTokens = { generate: () => `rt-${(n += 1)}`, digest: (t) => `d:${t}` };
  const client = await new RegisterClient({ ...storage, hasher, ids, clock }).execute({
    email: 'ana@example.com',
    password: LOGIN_PASSWORD,
    fullName: 'Ana',
    notificationPreference: 'email',
  });
  const login = new Login({
    ...storage,
    hasher,
    ids,
    issuer,
    secrets,
    clock,
    config: DEFAULT_SESSION_CONFIG,
    throttle:
      options.throttle === undefined
        ? undefined
        : new LoginThrottle(storage.rateLimits, clock, options.throttle),
  });
  return { storage, clock, client, login, verified };
}
