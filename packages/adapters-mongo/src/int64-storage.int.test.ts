import {
  aFund,
  aNotification,
  givenClientWithFunds,
  moneyUseCases,
} from '@btg-funds/application/testing';
import { Money } from '@btg-funds/domain';
import { Long, type Document } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type CollectionName } from './collections.js';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();

/** Money is Int64 minor units on disk, never a double, never Decimal128. */
describe.skipIf(!mongo.available)('money is stored as Int64 centavos', () => {
  const storage = useTestStorage('int64');

  // promoteLongs: false keeps every Int64 a Long, so a double or an int32 cannot pass for one.
  const raw = (name: CollectionName, filter: Document) =>
    storage.current.db.collection(name).findOne(filter, { promoteLongs: false });

  it('writes ledger amounts, balances, holdings, fund minimums and notifications as Long', async () => {
    const { current } = storage;
    const client = await givenClientWithFunds(current);
    const fund = aFund({ minimum: '1000.55' });
    await current.funds.add(fund);
    const { subscribe } = moneyUseCases(current);
    await subscribe.execute({
      clientId: client.id,
      fundId: fund.id,
      amount: Money.parse('1000.55'),
    });

    const entry = await raw(COLLECTIONS.ledger, { clientId: client.id, seq: 1 });
    expect(entry?.amount).toBeInstanceOf(Long);
    expect((entry?.amount as Long).toBigInt()).toBe(100_055n);
    expect((entry?.balanceAfter as Long).toBigInt()).toBe(49_899_945n);
    const holdings = entry?.holdings as { amount: unknown }[];
    expect(holdings[0]?.amount).toBeInstanceOf(Long);

    const stored = await raw(COLLECTIONS.funds, { _id: fund.id });
    expect((stored?.minimumAmount as Long).toBigInt()).toBe(100_055n);

    const notification = aNotification({ amount: Money.parse('0.01') });
    await current.notifications.ensure(notification);
    const rawNotification = await raw(COLLECTIONS.notifications, { _id: notification.id });
    expect((rawNotification?.amount as Long).toBigInt()).toBe(1n);
  });

  it('is recognised as "long" by the server itself ($type)', async () => {
    const ledger = storage.current.db.collection(COLLECTIONS.ledger);
    const total = await ledger.countDocuments({});
    expect(total).toBeGreaterThan(0);
    expect(await ledger.countDocuments({ amount: { $type: 'long' } })).toBe(total);
    expect(await ledger.countDocuments({ balanceAfter: { $type: 'long' } })).toBe(total);
    // No 'decimal' alias here: FerretDB rejects the name, as it has no Decimal128 at all.
    expect(await ledger.countDocuments({ amount: { $type: ['double', 'int'] } })).toBe(0);
  });

  it('reads amounts far beyond 2^53 centavos exactly', async () => {
    const fund = aFund({ minimum: '999999999999999.99' });
    await storage.current.funds.add(fund);
    const read = await storage.current.funds.findById(fund.id);
    expect(read?.minimumAmount.toDecimalString()).toBe('999999999999999.99');
  });
});
