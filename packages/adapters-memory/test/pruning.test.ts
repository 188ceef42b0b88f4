import {
  IdempotencyGuard,
  type NotificationRecord,
  type RefreshTokenStore,
} from '@btg-funds/application';
import {
  aNotification,
  FixedClock,
  SequentialIdGenerator,
  uniqueId,
} from '@btg-funds/application/testing';
import { describe, expect, it } from 'vitest';
import {
  InMemoryIdempotencyStore,
  InMemoryNotificationStore,
  InMemoryRefreshTokenStore,
} from '../src/index.js';

const HOUR = 60 * 60 * 1000;

/** One client's notifications, one second apart on the clock, with the fields given. */
function notificationsOneSecondApart(
  clock: FixedClock,
  clientId: string,
  count: number,
  fields: Partial<NotificationRecord> = {},
): NotificationRecord[] {
  const made: NotificationRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    made.push(
      aNotification({ clientId, createdAt: clock.now(), nextAttemptAt: clock.now(), ...fields }),
    );
    clock.advance(1000);
  }
  return made;
}

// Issue 11 §6: a long-running in-memory process forgets what has expired, so its memory follows
// what is still live, not everything that ever happened. Time comes from a fixed clock.
describe('in-memory pruning', () => {
  it('forgets idempotency records once their 24 h replay window has closed', async () => {
    const clock = new FixedClock();
    const store = new InMemoryIdempotencyStore();
    const guard = new IdempotencyGuard(store, clock, new SequentialIdGenerator());
    // Stands in for the ledger: a success is answered from its effect, never from the store.
    const effects = new Map<string, string>();
    const run = (key: string, value = key) =>
      guard.run(
        { clientId: 'c', key, fingerprint: 'f' },
        ({ transactionId }) => {
          effects.set(transactionId, value);
          return Promise.resolve(value);
        },
        (transactionId) => Promise.resolve(effects.get(transactionId) ?? null),
      );
    for (let i = 0; i < 300; i += 1) await run(`old-${i}`);
    expect(store.size).toBe(300);

    clock.advance(23 * HOUR);
    await run('fresh');
    expect(store.size).toBe(301); // nothing forgotten inside the window
    expect(await run('old-7', 'other')).toEqual({ result: 'old-7', replayed: true });

    clock.advance(HOUR);
    await run('newest');
    expect(store.size).toBe(2); // the 300 old ones are gone, the two recent ones replay
    expect(await run('fresh', 'other')).toEqual({ result: 'fresh', replayed: true });
    expect(await run('old-7', 'again')).toEqual({ result: 'again', replayed: false });
  });

  it('forgets expired refresh tokens, their use markers and emptied revoked families', async () => {
    const clock = new FixedClock();
    const store = new InMemoryRefreshTokenStore();
    const ttl = 30 * 24 * HOUR;
    const save = (familyId: string) => {
      const record = {
        digest: uniqueId('digest'),
        clientId: 'c',
        familyId,
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + ttl),
        sessionExpiresAt: new Date(clock.now().getTime() + ttl),
      };
      return store.save(record).then(() => record);
    };
    const old = [];
    for (let i = 0; i < 200; i += 1) old.push(await save(`family-${i % 4}`));
    const port: RefreshTokenStore = store;
    for (const token of old.slice(0, 50)) await port.consume(token.digest, clock.now());
    await store.revokeFamily('family-0', clock.now());
    expect(store.size).toBe(200 + 50 + 1);

    clock.advance(ttl - 1);
    const live = await save('family-0');
    expect(store.size).toBe(252);
    expect(await store.find(old[3]!.digest)).not.toBeNull();

    clock.advance(1);
    await save('family-9');
    // The 200 expired tokens and their markers are gone; family-0 still has a live token.
    expect(store.size).toBe(3);
    expect(await store.find(old[3]!.digest)).toBeNull();
    expect(await store.isFamilyRevoked('family-0')).toBe(true);
    expect(await store.find(live.digest)).toEqual(live);

    clock.advance(ttl);
    await save('family-9');
    expect(store.size).toBe(1); // family-0 had no token left: its revocation is forgotten too
    expect(await store.isFamilyRevoked('family-0')).toBe(false);
  });

  it('forgets delivered notifications GET /notifications no longer shows, never pending ones', async () => {
    const clock = new FixedClock();
    const store = new InMemoryNotificationStore();
    const unpruned = new InMemoryNotificationStore(Number.POSITIVE_INFINITY);
    const clientId = uniqueId('client');
    const made = notificationsOneSecondApart(clock, clientId, 250);
    for (const record of made) for (const s of [store, unpruned]) await s.ensure(record);
    // The 40 oldest stay pending (their sender is down); every other one is delivered.
    for (const record of made.slice(40)) {
      const sent = { ...record, status: 'sent' as const, attempts: 1, sentAt: clock.now() };
      for (const s of [store, unpruned]) await s.update(sent);
    }
    expect(store.size).toBe(140); // the 40 pending + the newest 100 (all delivered)
    expect(await store.listByClient(clientId, 100)).toEqual(
      await unpruned.listByClient(clientId, 100),
    );
    expect(await store.due(clock.now(), 100)).toHaveLength(40);
    expect(await store.countByStatus('sent')).toBe(210);
    // Outbox recovery offering a forgotten one again: not re-created, so never sent twice.
    expect(await store.ensure({ ...made[50]!, id: uniqueId('ntf') })).toBe(false);
    expect(await store.due(clock.now(), 100)).toHaveLength(40);
  });

  it('forgets withheld notifications (created failed) the listing no longer shows', async () => {
    const clock = new FixedClock();
    const store = new InMemoryNotificationStore();
    const unpruned = new InMemoryNotificationStore(Number.POSITIVE_INFINITY);
    const clientId = uniqueId('client');
    // What the outbox makes of an intent to an unverified destination: failed at once.
    const made = notificationsOneSecondApart(clock, clientId, 250, {
      status: 'failed',
      reason: 'DESTINATION_NOT_VERIFIED',
    });
    // Created out of order too (outbox recovery creates older ones late): 0, 7, 14, …
    for (let i = 0; i < 250; i += 1) {
      for (const s of [store, unpruned]) await s.ensure(made[(i * 7) % 250]!);
    }
    expect(store.size).toBe(100);
    const newest = made.slice(150).reverse();
    expect(await store.listByClient(clientId, 100)).toEqual(newest);
    expect(await unpruned.listByClient(clientId, 100)).toEqual(newest);
    expect(await store.countByStatus('failed')).toBe(250);
    expect(await store.knownTransactionIds([made[0]!.transactionId])).toEqual(
      new Set([made[0]!.transactionId]),
    );
    expect(await store.ensure({ ...made[0]!, id: uniqueId('ntf') })).toBe(false);
  });
});
