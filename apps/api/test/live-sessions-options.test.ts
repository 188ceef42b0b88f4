import { DEFAULT_LIVE_SESSIONS_OPTIONS, type LiveSessionsOptions } from '@btg-funds/application';
import { FixedClock } from '@btg-funds/application/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { createContainer } from '../src/container.js';
import { resolve, TOKENS } from '../src/tokens.js';

/**
 * Store reads made by two liveness checks of one session at the same instant, in the real
 * composition root (memory storage), with `options` rebound in place of the default when given.
 */
async function readsForTwoChecks(options?: LiveSessionsOptions): Promise<number> {
  const container = createContainer(
    loadConfig({ NODE_ENV: 'test', BCRYPT_COST: '4', RATE_LIMITS: 'off' }),
    pino({ level: 'silent' }),
  );
  await container.unbindAsync(TOKENS.Clock);
  container.bind(TOKENS.Clock).toConstantValue(new FixedClock());
  if (options !== undefined) {
    await container.unbindAsync(TOKENS.LiveSessionsOptions);
    container.bind(TOKENS.LiveSessionsOptions).toConstantValue(options);
  }
  const { refreshTokens } = resolve(container, TOKENS.Storage);
  let reads = 0;
  const isFamilyRevoked = refreshTokens.isFamilyRevoked.bind(refreshTokens);
  refreshTokens.isFamilyRevoked = (sessionId) => {
    reads += 1;
    return isFamilyRevoked(sessionId);
  };
  const { liveSessions } = resolve(container, TOKENS.UseCases);
  await liveSessions.isRevoked('session-1');
  await liveSessions.isRevoked('session-1');
  return reads;
}

// The seam of the tests that count store commands (test/support/counted-mongo-api.ts): the cache
// of session liveness is a binding of the composition root, not process configuration.
describe('LiveSessionsOptions binding', () => {
  it('is the application default unless rebound: the second check is answered from the cache', async () => {
    expect(await readsForTwoChecks()).toBe(1);
    expect(await readsForTwoChecks(DEFAULT_LIVE_SESSIONS_OPTIONS)).toBe(1);
  });

  it('rebound, is what LiveSessions uses: without a cache, every check reads the store', async () => {
    expect(await readsForTwoChecks({ ...DEFAULT_LIVE_SESSIONS_OPTIONS, cacheMs: 0 })).toBe(2);
  });
});
