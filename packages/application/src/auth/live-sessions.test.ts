import { FixedClock, InMemoryRefreshTokenStore } from '@btg-funds/adapters-memory';
import { describe, expect, it } from 'vitest';
import { StorageUnavailable, type RefreshTokenStore } from '../ports/index.js';
import { LiveSessions } from './live-sessions.js';

function setup() {
  const store = new InMemoryRefreshTokenStore();
  const clock = new FixedClock();
  let reads = 0;
  const counted: Pick<RefreshTokenStore, 'isFamilyRevoked'> = {
    isFamilyRevoked: (id) => {
      reads += 1;
      return store.isFamilyRevoked(id);
    },
  };
  const sessions = new LiveSessions({
    refreshTokens: counted,
    clock,
    options: { cacheMs: 2_000, maxEntries: 2, timeoutMs: 1_000 },
  });
  return { store, clock, sessions, reads: () => reads };
}

describe('LiveSessions', () => {
  it('asks the store once, then trusts the answer for cacheMs', async () => {
    const { sessions, clock, reads } = setup();
    expect(await sessions.isRevoked('s-1')).toBe(false);
    expect(await sessions.isRevoked('s-1')).toBe(false);
    expect(reads()).toBe(1);
    clock.advance(2_000);
    expect(await sessions.isRevoked('s-1')).toBe(false);
    expect(reads()).toBe(2);
  });

  it('sees a revocation made elsewhere once the cached answer is old', async () => {
    const { sessions, store, clock } = setup();
    expect(await sessions.isRevoked('s-1')).toBe(false);
    await store.revokeFamily('s-1', clock.now());
    clock.advance(2_000);
    expect(await sessions.isRevoked('s-1')).toBe(true);
  });

  it('refuses at once a session revoked by this process, and never forgets it', async () => {
    const { sessions, clock, reads } = setup();
    expect(await sessions.isRevoked('s-1')).toBe(false);
    sessions.revoked('s-1');
    expect(await sessions.isRevoked('s-1')).toBe(true);
    clock.advance(60_000);
    expect(await sessions.isRevoked('s-1')).toBe(true);
    expect(reads()).toBe(1);
  });

  it('holds at most maxEntries sessions', async () => {
    const { sessions, reads } = setup();
    for (const id of ['a', 'b', 'c']) await sessions.isRevoked(id);
    await sessions.isRevoked('a');
    expect(reads()).toBe(4);
  });
});

describe('LiveSessions when the store does not answer', () => {
  it('fails as a storage outage after timeoutMs instead of holding the request', async () => {
    const sessions = new LiveSessions({
      refreshTokens: { isFamilyRevoked: () => new Promise<boolean>(() => undefined) },
      clock: new FixedClock(),
      options: { cacheMs: 2_000, maxEntries: 10, timeoutMs: 20 },
    });
    await expect(sessions.isRevoked('s-1')).rejects.toBeInstanceOf(StorageUnavailable);
  });
});
