import {
  InMemoryLedger,
  InMemoryNotificationStore,
  SequentialIdGenerator,
} from '@btg-funds/adapters-memory';
import { describe, expect, it } from 'vitest';
import { subscriptionRecords } from '../testing/index.js';
import { Outbox } from './outbox.js';
import { RecoverOutbox } from './recover-outbox.js';

const start = new Date('2026-01-15T15:00:00.000Z');

/** A ledger holding three committed subscriptions whose fast-path enqueue was lost. */
async function setup() {
  const ledger = new InMemoryLedger();
  const store = new InMemoryNotificationStore();
  const ids = new SequentialIdGenerator();
  const records = subscriptionRecords('c-1', ['1', '3', '5'], start);
  for (const record of records) await ledger.append(record);
  return { ledger, store, ids, records, recover: new RecoverOutbox({ ledger, store, ids }) };
}

describe('RecoverOutbox', () => {
  it('re-creates each lost notification exactly once', async () => {
    const { store, records, recover } = await setup();
    expect(await recover.execute({ since: start, limit: 100 })).toBe(3);
    expect(await recover.execute({ since: start, limit: 100 })).toBe(0);
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
    expect(await recover.execute({ since: start, limit: 100 })).toBe(2);
    expect((await store.findByTransactionId(records[0]!.transaction.id))?.status).toBe('sent');
  });

  it('looks only at entries since the given instant', async () => {
    const { recover } = await setup();
    expect(await recover.execute({ since: new Date(start.getTime() + 1000), limit: 100 })).toBe(2);
  });
});
