import { describe, expect, it } from 'vitest';
import { RecoverOutbox, type RecoveryPolicy } from '../notifications/recover-outbox.js';
import type { Clock, Ledger } from '../ports/index.js';
import { subscriptionRecords, uniqueId } from './builders.js';
import { failsBefore, landsLater, withFaults } from './faults.js';
import type { Factory } from './ledger.contract.js';
import { givenClientWithFunds, moneyUseCases, type MoneyStorage } from './test-kit.js';
import { testIds } from './test-ports.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A clock the test moves by hand. */
const handClock = (start: string) => {
  let now = new Date(start);
  const clock: Clock = { now: () => now };
  return { clock, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
};

/**
 * The outbox under faults (issue 11, point 2): a delivery record lost between the ledger append
 * and the outbox write is re-created by the next recovery pass, without a restart, whatever the
 * window's size or the intent's age, at a cost set by what is new, not by the whole ledger.
 * `makeStorage` must give an empty store each time (the checkpoint is one per store).
 */
export function describeOutboxRecoveryContract(
  name: string,
  makeStorage: Factory<MoneyStorage>,
): void {
  describe(`Outbox recovery contract: ${name}`, () => {
    const recovery = (storage: MoneyStorage, clock: Clock, policy?: RecoveryPolicy) =>
      new RecoverOutbox({
        ledger: storage.ledger,
        store: storage.notifications,
        ids: testIds(),
        clock,
        ...(policy !== undefined && { policy }),
      });

    it('a record lost after the append is re-created by the next pass, exactly once', async () => {
      const storage = await makeStorage();
      const client = await givenClientWithFunds(storage);
      const down = withFaults(storage.notifications, { ensure: failsBefore() });
      const { result } = await moneyUseCases({ ...storage, notifications: down }).subscribe.execute(
        { clientId: client.id, fundId: '1' },
      );
      const txId = result.transaction.id;
      expect(await storage.notifications.findByTransactionId(txId)).toBeNull();
      const recover = recovery(storage, { now: () => new Date() });
      expect(await recover.execute()).toMatchObject({ created: 1, caughtUp: true });
      expect(await storage.notifications.findByTransactionId(txId)).toMatchObject({
        status: 'pending',
        channel: 'email',
      });
      expect(await recover.execute()).toMatchObject({ created: 0 });
    });

    it('a stalled outbox write that lands after recovery re-created it: still one record', async () => {
      const storage = await makeStorage();
      const client = await givenClientWithFunds(storage);
      const stall = landsLater();
      const stalled = withFaults(storage.notifications, { ensure: stall.fault });
      const { result } = await moneyUseCases({
        ...storage,
        notifications: stalled,
      }).subscribe.execute({ clientId: client.id, fundId: '3' });
      expect(await recovery(storage, { now: () => new Date() }).execute()).toMatchObject({
        created: 1,
      });
      stall.release();
      await stall.landed;
      const records = await storage.notifications.listByClient(client.id, 10);
      expect(records.map((r) => r.transactionId)).toEqual([result.transaction.id]);
    });

    it('pages through a busy window until the newest loss is recovered', async () => {
      const storage = await makeStorage();
      const { clock } = handClock('2031-05-01T12:00:00.000Z');
      const start = new Date(clock.now().getTime() - 60 * MINUTE);
      // 20 committed operations, every outbox write lost; a pass reads at most 2 pages of 5.
      const records = Array.from({ length: 5 }, () =>
        subscriptionRecords(uniqueId('client'), ['1', '2', '3', '5'], start),
      ).flat();
      for (const record of records) await storage.ledger.append(record);
      const recover = recovery(storage, clock, {
        pageSize: 5,
        maxPages: 2,
        settleMs: 5 * MINUTE,
        initialWindowMs: DAY,
        sweepEveryMs: 5 * MINUTE,
        lateMs: 20_000,
      });
      const reports = [];
      for (let pass = 0; pass < 5 && reports.at(-1)?.caughtUp !== true; pass += 1) {
        reports.push(await recover.execute());
      }
      expect(reports.map((r) => r.caughtUp)).toEqual([false, false, true]);
      expect(reports.reduce((sum, r) => sum + r.created, 0)).toBe(20);
      const known = await storage.notifications.knownTransactionIds(
        records.map((r) => r.transaction.id),
      );
      expect(known.size).toBe(20);
    });

    it('an intent older than the window is not lost: the next process starts at the checkpoint', async () => {
      const storage = await makeStorage();
      const { clock, advance } = handClock('2031-06-01T12:00:00.000Z');
      await recovery(storage, clock).execute();
      advance(60 * MINUTE);
      const [lost] = subscriptionRecords(uniqueId('client'), ['1'], clock.now());
      await storage.ledger.append(lost!);
      // Every process is down for three days; a new one starts recovering afterwards.
      advance(3 * DAY);
      expect(await recovery(storage, clock).execute()).toMatchObject({ created: 1 });
      expect(await storage.notifications.findByTransactionId(lost!.transaction.id)).not.toBeNull();
    });

    it.each([20, 200])(
      'after a history of %i entries, a pass reads only what is new since the checkpoint',
      async (historySize) => {
        const storage = await makeStorage();
        const { clock, advance } = handClock('2031-07-01T12:00:00.000Z');
        const old = new Date(clock.now().getTime() - 60 * MINUTE);
        for (let i = 0; i < historySize / 5; i += 1) {
          // Five entries per client, the last one a failed attempt (balance): read, no intent.
          for (const r of subscriptionRecords(uniqueId('client'), ['1', '2', '3', '4', '5'], old))
            await storage.ledger.append(r);
        }
        let pages = 0;
        const counted: Ledger = withFaults(storage.ledger, {
          withNotificationsAfter: (call) => {
            pages += 1;
            return call();
          },
        });
        const recover = recovery({ ...storage, ledger: counted }, clock);
        expect(await recover.execute()).toMatchObject({ examined: historySize, caughtUp: true });
        advance(10 * MINUTE);
        const fresh = subscriptionRecords(uniqueId('client'), ['1', '2', '3'], clock.now());
        for (const r of fresh) await storage.ledger.append(r);
        advance(MINUTE);
        pages = 0;
        expect(await recover.execute()).toEqual({ examined: 3, created: 3, caughtUp: true });
        expect(pages).toBe(1);
      },
    );
  });
}
