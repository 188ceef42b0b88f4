import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  DispatchNotifications,
  type DeliveryPolicy,
} from '../notifications/dispatch-notifications.js';
import type {
  Clock,
  NotificationRecord,
  NotificationSender,
  NotificationStore,
  OutgoingNotification,
} from '../ports/index.js';
import { aNotification } from './builders.js';
import type { Factory } from './ledger.contract.js';

const POLICY: DeliveryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  leaseMs: 60_000,
};

/** Every record of this suite is due at an instant no other suite uses, so it sees only its own. */
const EPOCH = Date.parse('2001-01-01T00:00:00.000Z');

/** A provider that keeps what it was given, slowly enough for dispatchers to overlap. */
class RecordingSender implements NotificationSender {
  readonly sent: OutgoingNotification[] = [];
  constructor(private readonly failFirst = new Set<string>()) {}
  async send(notification: OutgoingNotification): Promise<void> {
    await delay(1 + Math.floor(Math.random() * 3));
    if (this.failFirst.delete(notification.transactionId)) throw new Error('smtp timeout');
    this.sent.push(notification);
  }
}

/**
 * Several dispatchers on one store (issue 11, point 3): each attempt of each notification is
 * sent once. `makeStores` returns one store per dispatcher, over one database (for Mongo,
 * separate connection pools, as separate processes would have).
 */
export function describeDispatchRaceContract(
  name: string,
  makeStores: Factory<readonly NotificationStore[]>,
): void {
  describe(`Dispatch race contract: ${name}`, () => {
    async function race(dispatchers: number, count: number, failFirst = false) {
      const stores = await makeStores();
      let now = new Date(EPOCH + 60_000);
      const clock: Clock = { now: () => now };
      const records: NotificationRecord[] = Array.from({ length: count }, (_, i) =>
        aNotification({ nextAttemptAt: new Date(EPOCH + i), createdAt: new Date(EPOCH + i) }),
      );
      for (const record of records) await stores[0]!.ensure(record);
      const sender = new RecordingSender(
        new Set(failFirst ? records.map((r) => r.transactionId) : []),
      );
      const drain = async (store: NotificationStore) => {
        const dispatch = new DispatchNotifications({
          store,
          senders: { email: sender, sms: sender },
          clock,
          policy: POLICY,
          random: () => 0,
        });
        // Bounded: a pass that finds nothing to do ends this dispatcher.
        for (let pass = 0; pass < count + 5; pass += 1) {
          const report = await dispatch.execute({ limit: 10 });
          if (report.sent + report.retried + report.failed === 0) return;
        }
      };
      const runAll = () =>
        Promise.all(
          Array.from({ length: dispatchers }, (_, i) => drain(stores[i % stores.length]!)),
        );
      await runAll();
      if (failFirst) {
        now = new Date(now.getTime() + POLICY.maxDelayMs);
        await runAll();
      }
      const mine = new Set(records.map((r) => r.transactionId));
      const sends = sender.sent
        .filter((n) => mine.has(n.transactionId))
        .map((n) => n.transactionId);
      const stored = await Promise.all(
        records.map((r) => stores[0]!.findByTransactionId(r.transactionId)),
      );
      return { sends, records, stored };
    }

    it.each([2, 3])('%i dispatchers send each of 30 notifications once', async (dispatchers) => {
      const { sends, records, stored } = await race(dispatchers, 30);
      expect(sends).toHaveLength(records.length);
      expect(new Set(sends).size).toBe(records.length);
      for (const record of stored) expect(record).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('3 dispatchers, every first attempt failing: two attempts each, one delivery each', async () => {
      const { sends, records, stored } = await race(3, 20, true);
      expect(sends).toHaveLength(records.length);
      expect(new Set(sends).size).toBe(records.length);
      for (const record of stored) expect(record).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });
}
