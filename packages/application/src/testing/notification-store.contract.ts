import { describe, expect, it } from 'vitest';
import type { NotificationStore } from '../ports/index.js';
import { aNotification, uniqueId } from './builders.js';
import type { Factory } from './ledger.contract.js';

export function describeNotificationStoreContract(
  name: string,
  make: Factory<NotificationStore>,
): void {
  describe(`NotificationStore contract: ${name}`, () => {
    it('creates one record per transaction (de-duplication)', async () => {
      const store = await make();
      const record = aNotification();
      expect(await store.ensure(record)).toBe(true);
      expect(await store.ensure({ ...record, id: uniqueId('ntf') })).toBe(false);
      const read = await store.findByTransactionId(record.transactionId);
      expect(read).toMatchObject({ id: record.id, status: 'pending', attempts: 0 });
      expect(read?.amount.toDecimalString()).toBe('75000.00');
    });

    it('returns due pending records oldest first, and not future or finished ones', async () => {
      const store = await make();
      const now = new Date('2032-01-01T00:00:10.000Z');
      const clientId = uniqueId('client');
      const older = aNotification({
        clientId,
        nextAttemptAt: new Date('2032-01-01T00:00:01.000Z'),
      });
      const newer = aNotification({
        clientId,
        nextAttemptAt: new Date('2032-01-01T00:00:05.000Z'),
      });
      const future = aNotification({
        clientId,
        nextAttemptAt: new Date('2032-01-01T00:01:00.000Z'),
      });
      const sent = aNotification({
        clientId,
        status: 'sent',
        nextAttemptAt: new Date('2032-01-01T00:00:00.000Z'),
      });
      for (const r of [newer, future, sent, older]) await store.ensure(r);
      const due = (await store.due(now, 1000)).filter((r) => r.clientId === clientId);
      expect(due.map((r) => r.id)).toEqual([older.id, newer.id]);
    });

    it('updates delivery fields and lists a client newest first', async () => {
      const store = await make();
      const clientId = uniqueId('client');
      const first = aNotification({ clientId, createdAt: new Date('2026-02-01T00:00:00.000Z') });
      const second = aNotification({ clientId, createdAt: new Date('2026-02-02T00:00:00.000Z') });
      await store.ensure(first);
      await store.ensure(second);
      const sentAt = new Date('2026-02-02T00:00:05.000Z');
      await store.update({ ...first, status: 'sent', attempts: 2, sentAt, lastError: null });
      const list = await store.listByClient(clientId, 10);
      expect(list.map((r) => r.id)).toEqual([second.id, first.id]);
      expect(list[1]).toMatchObject({ status: 'sent', attempts: 2, sentAt });
      expect(await store.listByClient(uniqueId('client'), 10)).toEqual([]);
    });

    it('keeps why a notification was not sent, when created so and when updated so', async () => {
      const store = await make();
      const withheld = aNotification({
        status: 'failed',
        reason: 'DESTINATION_NOT_VERIFIED',
        lastError: 'No se envió',
      });
      await store.ensure(withheld);
      expect(await store.findByTransactionId(withheld.transactionId)).toMatchObject({
        status: 'failed',
        attempts: 0,
        reason: 'DESTINATION_NOT_VERIFIED',
      });
      const capped = aNotification();
      await store.ensure(capped);
      expect((await store.findByTransactionId(capped.transactionId))?.reason).toBeNull();
      await store.update({
        ...capped,
        status: 'failed',
        attempts: 1,
        reason: 'DAILY_LIMIT_REACHED',
      });
      expect((await store.findByTransactionId(capped.transactionId))?.reason).toBe(
        'DAILY_LIMIT_REACHED',
      );
    });

    it('lets exactly one of concurrent claims of an attempt win; a running lease is held', async () => {
      const store = await make();
      const notificationId = uniqueId('ntf');
      const claimedAt = new Date('2032-01-01T00:00:00.000Z');
      const claim = {
        notificationId,
        attempt: 1,
        claimedAt,
        leaseUntil: new Date('2032-01-01T00:01:00.000Z'),
      };
      const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => store.claimAttempt(claim)));
      expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'held')).toHaveLength(4);
      expect(await store.claimAttempt({ ...claim, attempt: 2 })).toBe('claimed');
      const later = new Date('2032-01-01T00:01:00.000Z');
      expect(await store.claimAttempt({ ...claim, claimedAt: later, leaseUntil: later })).toBe(
        'abandoned',
      );
    });

    it('never lets a late or stale attempt overwrite a later one, nor sent', async () => {
      const store = await make();
      const record = aNotification();
      await store.ensure(record);
      const sentAt = new Date('2026-01-15T15:00:05.000Z');
      await store.update({ ...record, status: 'pending', attempts: 1, lastError: 'timeout' });
      await store.update({ ...record, status: 'sent', attempts: 2, sentAt });
      // A dispatcher that stalled on attempt 1 reports late; another repeats attempt 2.
      await store.update({ ...record, status: 'pending', attempts: 1, lastError: 'late' });
      await store.update({ ...record, status: 'failed', attempts: 2, lastError: 'stale' });
      await store.update({ ...record, status: 'pending', attempts: 3, lastError: 'after sent' });
      expect(await store.findByTransactionId(record.transactionId)).toMatchObject({
        status: 'sent',
        attempts: 2,
        sentAt,
        lastError: null,
      });
    });

    it('says which transactions have a record, in one call', async () => {
      const store = await make();
      const [kept, other] = [aNotification(), aNotification()];
      await store.ensure(kept);
      await store.ensure(other);
      const known = await store.knownTransactionIds([kept.transactionId, uniqueId('tx')]);
      expect([...known]).toEqual([kept.transactionId]);
      expect((await store.knownTransactionIds([])).size).toBe(0);
    });

    it('keeps the recovery checkpoint, and never moves it backward', async () => {
      const store = await make();
      const before = await store.recoveryCheckpoint();
      const later = new Date(Math.max(before?.getTime() ?? 0, Date.parse('2040-01-01')) + 1000);
      await store.advanceRecoveryCheckpoint(later);
      await store.advanceRecoveryCheckpoint(new Date(later.getTime() - 500));
      expect((await store.recoveryCheckpoint())?.toISOString()).toBe(later.toISOString());
      await Promise.all(
        [1, 2, 3].map((n) => store.advanceRecoveryCheckpoint(new Date(later.getTime() + n))),
      );
      const raced = (await store.recoveryCheckpoint())!.getTime();
      expect(raced).toBeGreaterThan(later.getTime());
    });

    it('counts by status', async () => {
      const store = await make();
      const before = await store.countByStatus('failed');
      await store.ensure(aNotification({ status: 'failed' }));
      expect(await store.countByStatus('failed')).toBe(before + 1);
    });
  });
}
