import type { LedgerRecord } from '@btg-funds/application';
import { subscriptionRecords, uniqueId } from '@btg-funds/application/testing';
import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { recordOf, rowOf, type LedgerRow } from '../src/ledger-row.js';
import { RowFundsKept } from '../src/row-fund.js';
import { SMALL_INTEGER_MS } from '../src/row-owner.js';
import { RowTraitsKept } from '../src/row-traits.js';

/** Rows for `records`, appended in order to one client's chain. */
function rowsOf(records: readonly LedgerRecord[]): LedgerRow[] {
  const traits = new RowTraitsKept();
  const funds = new RowFundsKept();
  const rows: LedgerRow[] = [];
  for (const record of records) {
    const { clientId, subscriptionId } = record.transaction;
    rows.push(rowOf(record, { clientId, subscriptionId, traits, funds }, rows.at(-1)));
  }
  return rows;
}

/** `record` moved to `at`, its holdings' times with it when they were its own. */
function movedTo(record: LedgerRecord, at: Date): LedgerRecord {
  const was = record.transaction.createdAt.getTime();
  return {
    ...record,
    transaction: { ...record.transaction, createdAt: at },
    holdings: record.holdings.map((h) =>
      h.subscribedAt.getTime() === was ? { ...h, subscribedAt: at } : h,
    ),
  };
}

/** Every value reachable from `root` through object properties and array items. */
function reachable(root: unknown, seen = new Set<unknown>()): unknown[] {
  if (typeof root !== 'object' || root === null || seen.has(root)) return [root];
  seen.add(root);
  return [root, ...Object.values(root).flatMap((value) => reachable(value, seen))];
}

/** What a read gives back: the intent's `withheld` only when set (as the Mongo adapter). */
function asRead(record: LedgerRecord): LedgerRecord {
  const intent = record.notification;
  if (intent === null || (intent.withheld ?? null) !== null) return record;
  return { ...record, notification: { channel: intent.channel, destination: intent.destination } };
}

// ADR 0714: the in-memory ledger keeps each entry as a compact row and rebuilds the record.
describe('ledger rows', () => {
  const clientId = uniqueId('client');
  // Three subscriptions, then one the balance no longer covers (a failed entry).
  const records = subscriptionRecords(clientId, ['4', '1', '2', '5']);

  it('hold no Money, Big or Date: amounts are centavos, instants epoch milliseconds', () => {
    const rows = rowsOf(records);
    const values = rows.flatMap((row) => reachable(row));
    expect(values.filter((v) => v instanceof Date || v instanceof Money)).toEqual([]);
    // big.js values are { s, e, c } objects.
    expect(values.filter((v) => typeof v === 'object' && v !== null && 'c' in v)).toEqual([]);
    expect(rows[1]).toMatchObject({ amount: 7_500_000, balanceAfter: 17_500_000 });
    expect(rows[1]!.createdAt).toBe(records[1]!.transaction.createdAt.getTime());
  });

  it('rebuild exactly the records they were made from', () => {
    const rows = rowsOf(records);
    expect(rows.map(recordOf)).toEqual(records.map(asRead));
    expect(records[3]!.transaction.status).toBe('failed');
  });

  it('share each holding with the row that opened it, and an unchanged list', () => {
    const rows = rowsOf(records);
    const held = rows[2]!.holdings as readonly LedgerRow[];
    expect(held).toHaveLength(3);
    held.forEach((row, i) => expect(row).toBe(rows[i]));
    expect(rows[0]!.holdings).toBe(rows[0]); // one holding: the row itself, no list
    expect(rows[3]!.holdings).toBe(rows[2]!.holdings); // the failed entry changed nothing
  });

  // ADR 0731: what repeats from entry to entry is one object the rows point to.
  it('share the client, the opening balance, the fund and the traits instead of copying them', () => {
    const rows = rowsOf(records);
    expect(new Set(rows.map((row) => row.owner)).size).toBe(1);
    expect(rows[0]!.owner.clientId).toBe(clientId);
    // A row's own fields: none of the client id, fund id and name, reason, opening balance, and
    // no time beyond the small integers (a heap number per row).
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'amount',
        'balanceAfter',
        'fund',
        'holdings',
        'id',
        'owner',
        'prior',
        'seq',
        'sinceEpoch',
        'subscriptionId',
        'traits',
      ].sort(),
    );
    for (const row of rows) expect(Math.abs(row.sinceEpoch)).toBeLessThanOrEqual(SMALL_INTEGER_MS);
    const again = rowsOf(subscriptionRecords(uniqueId('client'), ['4', '1', '2', '5', '5']));
    expect(new Set(again.map((row) => row.fund)).size).toBe(4);
    expect(again[4]!.fund).toBe(again[3]!.fund);
    // The last two are refused for the same reason (the balance): one traits object.
    expect(again[3]!.traits.reason).not.toBeNull();
    expect(again[4]!.traits).toBe(again[3]!.traits);
    expect(recordOf(again[4]!).transaction.reason).toEqual(again[4]!.traits.reason);
  });

  it('start a new owner for an entry too far in time or with another opening balance', () => {
    const [first, second, third] = subscriptionRecords(uniqueId('client'), ['4', '1', '2']);
    const far = new Date(first!.transaction.createdAt.getTime() + SMALL_INTEGER_MS + 1);
    const other: LedgerRecord = {
      ...third!,
      transaction: { ...third!.transaction, createdAt: new Date(far.getTime() + 1) },
      holdings: third!.holdings.map((h) =>
        h.subscribedAt.getTime() === third!.transaction.createdAt.getTime()
          ? { ...h, subscribedAt: new Date(far.getTime() + 1) }
          : h,
      ),
      openingBalance: Money.parse('1000000.50'),
    };
    const moved = [first!, movedTo(second!, far), other];
    const rows = rowsOf(moved);
    expect(rows[1]!.owner).not.toBe(rows[0]!.owner);
    expect(rows[2]!.owner).not.toBe(rows[1]!.owner);
    expect(rows.map((row) => row.sinceEpoch)).toEqual([0, 0, 0]);
    // Every time and balance comes back exactly, the holdings' (their rows' owners) included.
    expect(rows.map(recordOf)).toEqual(moved.map(asRead));
    expect(recordOf(rows[2]!).openingBalance.toDecimalString()).toBe('1000000.50');
  });

  it('keep amounts beyond exact centavos as Money, and withheld intents', () => {
    const [record] = subscriptionRecords(uniqueId('client'), ['1']);
    const huge = Money.parse('999999999999999.99');
    const notification = { channel: 'sms', destination: '+12025550123' } as const;
    const unusual: LedgerRecord = {
      ...record!,
      transaction: { ...record!.transaction, balanceAfter: huge },
      holdings: record!.holdings.map((h) => ({ ...h, fundName: 'OTRO NOMBRE' })),
      openingBalance: huge.add(record!.transaction.amount),
      notification: { ...notification, withheld: 'SMS_COUNTRY_NOT_ALLOWED' },
    };
    const [row] = rowsOf([unusual]);
    expect(row!.balanceAfter).toBe(huge);
    expect(recordOf(row!)).toEqual(unusual);
    expect(recordOf(row!).transaction.balanceAfter.toDecimalString()).toBe('999999999999999.99');
    // A holding its own row does not describe (another fund name) is kept on its own.
    expect(row!.holdings).not.toBe(row);
    expect(recordOf(rowsOf([{ ...record!, notification }])[0]!).notification).toEqual(notification);
  });
});
