import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import {
  LedgerConflict,
  LedgerSequenceGap,
  type Ledger,
  type LedgerPosition,
  type LedgerRecord,
} from '../ports/index.js';
import { subscriptionRecords, uniqueId } from './builders.js';

export type Factory<T> = () => T | Promise<T>;

/** Guarantees every Ledger must give; run by the memory and the Mongo adapter alike. */
export function describeLedgerContract(name: string, makeLedger: Factory<Ledger>): void {
  describe(`Ledger contract: ${name}`, () => {
    it('starts empty and returns the entry with the highest seq as latest', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      expect(await ledger.latest(clientId)).toBeNull();
      for (const record of subscriptionRecords(clientId, ['1', '2', '3']))
        await ledger.append(record);
      const latest = await ledger.latest(clientId);
      expect(latest?.seq).toBe(3);
      expect(latest?.transaction.balanceAfter.toDecimalString()).toBe('250000.00');
      expect(latest?.holdings.map((h) => h.fundId).sort()).toEqual(['1', '2', '3']);
    });

    it('gives the latest entry of many clients at once, null for those with none', async () => {
      const ledger = await makeLedger();
      const [a, b, none] = [uniqueId('client'), uniqueId('client'), uniqueId('client')];
      for (const record of subscriptionRecords(a, ['1', '2'])) await ledger.append(record);
      for (const record of subscriptionRecords(b, ['3'])) await ledger.append(record);
      expect((await ledger.latestOf([])).size).toBe(0);
      const latest = await ledger.latestOf([b, none, a]);
      expect([...latest.keys()].sort()).toEqual([a, b, none].sort());
      expect(latest.get(a)?.seq).toBe(2);
      expect(latest.get(a)?.transaction.balanceAfter.toDecimalString()).toBe('300000.00');
      expect(latest.get(b)?.seq).toBe(1);
      expect(latest.get(b)?.holdings.map((h) => h.fundId)).toEqual(['3']);
      expect(latest.get(none)).toBeNull();
      // Whatever was appended last is what the batch read sees.
      const [, , third] = subscriptionRecords(a, ['1', '2', '5']);
      await ledger.append(third!);
      expect((await ledger.latestOf([a])).get(a)?.seq).toBe(3);
      expect((await ledger.latestOf([a])).get(a)).toEqual(await ledger.latest(a));
    });

    it('keeps holdings in the order they were opened (listings rely on it, ADR 0722)', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const records = subscriptionRecords(clientId, ['3', '1', '5']);
      for (const record of records) await ledger.append(record);
      const opened = records.map((r) => r.transaction.subscriptionId);
      const order = (record: LedgerRecord | null | undefined) =>
        record?.holdings.map((h) => h.subscriptionId);
      expect(order(await ledger.latest(clientId))).toEqual(opened);
      expect(order((await ledger.latestOf([clientId])).get(clientId))).toEqual(opened);
      expect(order(await ledger.latestHint(clientId))).toEqual(opened);
    });

    it('hints at the latest entry: null before any, the entry this ledger just appended after', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      expect(await ledger.latestHint(clientId)).toBeNull();
      for (const record of subscriptionRecords(clientId, ['1', '2'])) {
        await ledger.append(record);
        // No waiting for anything the append sends after it answers (a head move, ADR 0715).
        expect(await ledger.latestHint(clientId)).toEqual(record);
      }
      expect(await ledger.latestHint(clientId)).toEqual(await ledger.latest(clientId));
    });

    it('says which positions exist: none before the first entry, each one appended after', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      expect(await ledger.hasPosition(clientId, 1)).toBe(false);
      for (const record of subscriptionRecords(clientId, ['1', '2'])) await ledger.append(record);
      expect(await ledger.hasPosition(clientId, 1)).toBe(true);
      expect(await ledger.hasPosition(clientId, 2)).toBe(true);
      expect(await ledger.hasPosition(clientId, 3)).toBe(false);
      expect(await ledger.hasPosition(clientId, 0)).toBe(false);
      expect(await ledger.hasPosition(uniqueId('client'), 1)).toBe(false);
    });

    it('round-trips money exactly, including centavos', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const [record] = subscriptionRecords(clientId, ['1']);
      const withCents = {
        ...record!,
        transaction: {
          ...record!.transaction,
          amount: Money.parse('75000.01'),
          balanceAfter: Money.parse('424999.99'),
        },
        holdings: record!.holdings.map((h) => ({ ...h, amount: Money.parse('75000.01') })),
      };
      await ledger.append(withCents);
      const read = await ledger.findByTransactionId(clientId, record!.transaction.id);
      expect(read?.transaction.amount.toDecimalString()).toBe('75000.01');
      expect(read?.transaction.balanceAfter.toDecimalString()).toBe('424999.99');
      expect(read?.holdings[0]?.amount.toDecimalString()).toBe('75000.01');
      expect(read?.transaction.createdAt.toISOString()).toBe(
        record!.transaction.createdAt.toISOString(),
      );
      expect(read?.notification).toEqual(record!.notification);
    });

    it('keeps why a notification must not be sent (ADR 0405)', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const [record] = subscriptionRecords(clientId, ['1']);
      const notification = {
        channel: 'sms' as const,
        destination: '+12025550123',
        withheld: 'SMS_COUNTRY_NOT_ALLOWED' as const,
      };
      await ledger.append({ ...record!, notification });
      const read = await ledger.findByTransactionId(clientId, record!.transaction.id);
      expect(read?.notification).toEqual(notification);
    });

    it('rejects a second entry at the same seq with LedgerConflict', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const [first] = subscriptionRecords(clientId, ['1']);
      const [rival] = subscriptionRecords(clientId, ['2']);
      await ledger.append(first!);
      await expect(ledger.append(rival!)).rejects.toBeInstanceOf(LedgerConflict);
      expect((await ledger.latest(clientId))?.transaction.id).toBe(first!.transaction.id);
    });

    it('lets exactly one of many concurrent appends at one seq win', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const rivals = ['1', '2', '3', '4', '5'].map(
        (fund) => subscriptionRecords(clientId, [fund])[0]!,
      );
      const results = await Promise.allSettled(rivals.map((r) => ledger.append(r)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(LedgerConflict);
    });

    // The sequence rule (ADR 0002): positions 1, 2, … with no gap. An append must land right
    // after an existing entry, so the unique (clientId, seq) decides every race; a gap would let
    // a writer that skipped the read land beside a rival instead of colliding with it.
    it('refuses an append that would leave a gap with LedgerSequenceGap, writing nothing', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const [first, second, third] = subscriptionRecords(clientId, ['1', '2', '3']);
      await expect(ledger.append(second!)).rejects.toBeInstanceOf(LedgerSequenceGap);
      expect(await ledger.latest(clientId)).toBeNull();
      await ledger.append(first!);
      const gap = ledger.append(third!);
      await expect(gap).rejects.toBeInstanceOf(LedgerSequenceGap);
      await expect(gap).rejects.toMatchObject({ clientId, seq: 3 });
      expect((await ledger.latest(clientId))?.seq).toBe(1);
      expect(await ledger.findByTransactionId(clientId, third!.transaction.id)).toBeNull();
      // The gap closed, the same entry lands.
      await ledger.append(second!);
      await ledger.append(third!);
      expect((await ledger.latest(clientId))?.seq).toBe(3);
    });

    it('refuses a position before the first (seq 0) with LedgerSequenceGap', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const [first] = subscriptionRecords(clientId, ['1']);
      await expect(ledger.append({ ...first!, seq: 0 })).rejects.toBeInstanceOf(LedgerSequenceGap);
      expect(await ledger.latest(clientId)).toBeNull();
    });

    it('keeps the opening balance each entry records', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const [record] = subscriptionRecords(clientId, ['1']);
      const richer = {
        ...record!,
        transaction: { ...record!.transaction, balanceAfter: Money.parse('925000.50') },
        openingBalance: Money.parse('1000000.50'),
      };
      await ledger.append(richer);
      const read = await ledger.latest(clientId);
      expect(read?.openingBalance.toDecimalString()).toBe('1000000.50');
      expect(read?.transaction.balanceAfter.toDecimalString()).toBe('925000.50');
    });

    it('rejects a duplicate transaction id even at a free seq', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const [first, second] = subscriptionRecords(clientId, ['1', '2']);
      await ledger.append(first!);
      const sameTx = {
        ...second!,
        transaction: { ...second!.transaction, id: first!.transaction.id },
      };
      await expect(ledger.append(sameTx)).rejects.toBeInstanceOf(LedgerConflict);
    });

    it('keeps clients apart', async () => {
      const ledger = await makeLedger();
      const [a, b] = [uniqueId('client'), uniqueId('client')];
      await ledger.append(subscriptionRecords(a, ['1'])[0]!);
      await ledger.append(subscriptionRecords(b, ['1'])[0]!);
      const recordOfA = await ledger.latest(a);
      expect(recordOfA?.clientId).toBe(a);
      expect(await ledger.findByTransactionId(b, recordOfA!.transaction.id)).toBeNull();
    });

    it('lists newest first with filters and keyset positions', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const records = subscriptionRecords(clientId, ['1', '2', '3', '5']);
      for (const record of records) await ledger.append(record);
      const all = await ledger.list(clientId, {}, { limit: 10 });
      expect(all.map((r) => r.seq)).toEqual([4, 3, 2, 1]);
      const page = await ledger.list(clientId, {}, { limit: 2, beforeSeq: 4 });
      expect(page.map((r) => r.seq)).toEqual([3, 2]);
      expect(
        (await ledger.list(clientId, { fundId: '2' }, { limit: 10 })).map((r) => r.seq),
      ).toEqual([2]);
      expect(await ledger.list(clientId, { status: 'failed' }, { limit: 10 })).toEqual([]);
      expect(await ledger.list(clientId, { type: 'cancellation' }, { limit: 10 })).toEqual([]);
      // Each listing is its entry's position and transaction, exactly as appended.
      for (const listed of all) {
        const appended = records[listed.seq - 1]!;
        expect(listed.clientId).toBe(clientId);
        expect(listed.transaction).toEqual(appended.transaction);
      }
    });

    it('finds the entries of one subscription and the subscription history', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const records = subscriptionRecords(clientId, ['1', '3']);
      for (const record of records) await ledger.append(record);
      const subscriptionId = records[1]!.transaction.subscriptionId!;
      const found = await ledger.findBySubscriptionId(clientId, subscriptionId);
      expect(found.map((r) => r.seq)).toEqual([2]);
      expect(await ledger.findBySubscriptionId(uniqueId('other'), subscriptionId)).toEqual([]);
      expect((await ledger.subscriptionHistory(clientId)).map((r) => r.seq)).toEqual([1, 2]);
    });

    it('finds the entries of many subscriptions at once, oldest first, only the client’s', async () => {
      const ledger = await makeLedger();
      const clientId = uniqueId('client');
      const records = subscriptionRecords(clientId, ['1', '3', '5']);
      for (const record of records) await ledger.append(record);
      const [one, , five] = records.map((r) => r.transaction.subscriptionId!);
      const found = await ledger.findBySubscriptionIds(clientId, [five!, one!, five!]);
      expect(found.map((r) => r.seq)).toEqual([1, 3]);
      expect(await ledger.findBySubscriptionIds(clientId, [])).toEqual([]);
      expect(await ledger.findBySubscriptionIds(uniqueId('other'), [one!])).toEqual([]);
    });

    it('pages through entries with notification intents in (createdAt, clientId, seq) order', async () => {
      const ledger = await makeLedger();
      const start = new Date('2030-03-01T00:00:00.000Z');
      // Two clients with entries at the same instants: the client id breaks the tie.
      const [a, b] = ['client-a', 'client-b'].map((prefix) => uniqueId(prefix)).sort();
      for (const record of subscriptionRecords(b!, ['1', '2', '3'], start))
        await ledger.append(record);
      for (const record of subscriptionRecords(a!, ['1', '2'], start)) await ledger.append(record);
      const mine = new Set([a, b]);
      const read = async (after: LedgerPosition, limit: number) =>
        (await ledger.withNotificationsAfter(after, limit))
          .filter((r) => mine.has(r.clientId))
          .map((r) => `${r.clientId === a ? 'a' : 'b'}${r.seq}`);
      const origin = { createdAt: start, clientId: '', seq: 0 };
      expect(await read(origin, 1000)).toEqual(['a1', 'b1', 'a2', 'b2', 'b3']);
      const second = new Date(start.getTime() + 1000);
      expect(await read({ createdAt: second, clientId: a!, seq: 2 }, 1000)).toEqual(['b2', 'b3']);
      expect(await read({ createdAt: start, clientId: b!, seq: 1 }, 2)).toEqual(['a2', 'b2']);
      expect(
        await read({ createdAt: new Date(start.getTime() + 2000), clientId: b!, seq: 3 }, 9),
      ).toEqual([]);
    });
  });
}
