import {
  failsBefore,
  FakeLedger,
  FakeNotificationStore,
  FixedClock,
  SequentialIdGenerator,
  subscriptionRecords,
  withFaults,
} from '../testing/index.js';
import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.js';
import { DEFAULT_RECOVERY_POLICY, RecoverOutbox } from './recover-outbox.js';

const start = new Date('2026-01-15T15:00:00.000Z');

/** A ledger holding three committed subscriptions whose fast-path enqueue was lost. */
async function setup() {
  const ledger = new FakeLedger();
  const store = new FakeNotificationStore();
  const ids = new SequentialIdGenerator();
  const clock = new FixedClock('2026-01-15T16:00:00.000Z');
  const records = subscriptionRecords('c-1', ['1', '3', '5'], start);
  for (const record of records) await ledger.append(record);
  const recover = new RecoverOutbox({ ledger, store, ids, clock });
  return { ledger, store, ids, clock, records, recover };
}

describe('RecoverOutbox', () => {
  it('re-creates each lost notification exactly once', async () => {
    const { store, records, recover } = await setup();
    expect(await recover.execute()).toEqual({ examined: 3, created: 3, caughtUp: true });
    expect(await recover.execute()).toMatchObject({ created: 0 });
    expect(await store.countByStatus('pending')).toBe(3);
    for (const record of records) {
      expect(await store.findByTransactionId(record.transaction.id)).toMatchObject({
        clientId: 'c-1',
        transactionType: 'subscription',
        fundName: record.transaction.fundName,
        channel: 'email',
        destination: 'c-1@example.com',
        status: 'pending',
        attempts: 0,
      });
    }
  });

  it('skips what the fast path already enqueued, and what a dispatcher already sent', async () => {
    const { store, ids, records, recover } = await setup();
    await new Outbox(store, () => ids.next()).enqueue(records[0]!);
    const sent = (await store.findByTransactionId(records[0]!.transaction.id))!;
    await store.update({ ...sent, status: 'sent', attempts: 1, sentAt: start });
    expect(await recover.execute()).toMatchObject({ examined: 3, created: 2 });
    expect((await store.findByTransactionId(records[0]!.transaction.id))?.status).toBe('sent');
  });

  it('saves a checkpoint that trails its reads by the settle time', async () => {
    const { store, clock, recover } = await setup();
    await recover.execute();
    expect(await store.recoveryCheckpoint()).toEqual(new Date(clock.now().getTime() - 5 * 60_000));
  });

  it('an entry appended late, created before the reads, is still examined by the next cycle', async () => {
    const { ledger, store, clock, recover } = await setup();
    expect(await recover.execute()).toMatchObject({ created: 3 });
    // A slow request: created 10 s before that pass (within lateMs), appended after it. Later
    // than lateMs, the next sweep finds it (below).
    const [late] = subscriptionRecords('c-2', ['1'], new Date(clock.now().getTime() - 10_000));
    await ledger.append(late!);
    clock.advance(30_000);
    expect(await recover.execute()).toMatchObject({ created: 1 });
    expect(await store.findByTransactionId(late!.transaction.id)).not.toBeNull();
  });

  // ADR 0732: only a sweep reads the settle window again; the cycles between follow on.
  describe('between sweeps', () => {
    const { sweepEveryMs, lateMs } = DEFAULT_RECOVERY_POLICY;
    const at = (ms: number) => new Date(start.getTime() + ms);

    /** Two lost entries two minutes apart, both read by a first sweep three minutes later. */
    async function swept() {
      const ledger = new FakeLedger();
      const store = new FakeNotificationStore();
      const clock = new FixedClock(at(3 * 60_000).toISOString());
      const recover = new RecoverOutbox({ ledger, store, ids: new SequentialIdGenerator(), clock });
      for (const r of subscriptionRecords('c-1', ['1'], start)) await ledger.append(r);
      for (const r of subscriptionRecords('c-2', ['1'], at(2 * 60_000))) await ledger.append(r);
      expect(await recover.execute()).toEqual({ examined: 2, created: 2, caughtUp: true });
      return { ledger, store, clock, recover };
    }

    it('a cycle reads from lateMs before the previous one began, not the settle window', async () => {
      const { ledger, store, clock, recover } = await swept();
      clock.advance(30_000);
      // Nothing written since: nothing read (a sweep would read both entries again).
      expect(await recover.execute()).toEqual({ examined: 0, created: 0, caughtUp: true });
      const [fresh] = subscriptionRecords('c-3', ['1'], clock.now());
      await ledger.append(fresh!);
      clock.advance(30_000);
      expect(await recover.execute()).toEqual({ examined: 1, created: 1, caughtUp: true });
      expect(await store.findByTransactionId(fresh!.transaction.id)).not.toBeNull();
      // And it leaves the durable checkpoint where the sweep put it.
      expect(await store.recoveryCheckpoint()).toEqual(at(3 * 60_000 - 5 * 60_000));
    });

    it('an entry appended later than lateMs after its createdAt waits for the next sweep', async () => {
      const { ledger, store, clock, recover } = await swept();
      // Created two minutes before the sweep began, appended only now, its outbox write lost.
      const [late] = subscriptionRecords('c-4', ['1'], at(60_000));
      expect(late!.transaction.createdAt.getTime()).toBeLessThan(at(3 * 60_000).getTime() - lateMs);
      await ledger.append(late!);
      clock.advance(30_000);
      expect(await recover.execute()).toMatchObject({ created: 0 });
      clock.advance(sweepEveryMs);
      expect(await recover.execute()).toMatchObject({ examined: 3, created: 1 });
      expect(await store.findByTransactionId(late!.transaction.id)).not.toBeNull();
      expect(await store.recoveryCheckpoint()).toEqual(
        new Date(clock.now().getTime() - 5 * 60_000),
      );
    });

    it('after a cycle that failed part-way, the next starts from the last one completed', async () => {
      const ledger = new FakeLedger();
      const store = new FakeNotificationStore();
      const clock = new FixedClock(at(3 * 60_000).toISOString());
      let fail = false;
      const flaky = withFaults(ledger, {
        withNotificationsAfter: (call) => (fail ? failsBefore()(call) : call()),
      });
      const ids = new SequentialIdGenerator();
      const recover = new RecoverOutbox({ ledger: flaky, store, ids, clock });
      for (const r of subscriptionRecords('c-1', ['1'], start)) await ledger.append(r);
      expect(await recover.execute()).toMatchObject({ created: 1, caughtUp: true });
      // Created 5 s after that sweep began, its outbox write lost; the next pass fails.
      const [lost] = subscriptionRecords('c-5', ['1'], at(3 * 60_000 + 5_000));
      await ledger.append(lost!);
      clock.advance(30_000);
      fail = true;
      await expect(recover.execute()).rejects.toThrow();
      fail = false;
      clock.advance(30_000);
      // From lateMs before the sweep, not before the failed cycle (which would start after it).
      expect(await recover.execute()).toMatchObject({ created: 1 });
      expect(await store.findByTransactionId(lost!.transaction.id)).not.toBeNull();
    });
  });
});
