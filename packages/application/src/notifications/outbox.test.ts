import {
  createFakeStorage,
  FixedClock,
  givenClientWithFunds,
  SequentialIdGenerator,
} from '../testing/index.js';
import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import type { NotificationStore } from '../ports/index.js';
import { IdempotencyGuard } from '../shared/idempotency-guard.js';
import { DEFAULT_RETRY_POLICY } from '../shared/retry-policy.js';
import { SubscribeToFund } from '../subscriptions/subscribe-to-fund.js';
import { Outbox } from './outbox.js';

/** SubscribeToFund whose outbox writes to `store` (which may be down). */
async function setup(store?: (real: NotificationStore) => NotificationStore) {
  const storage = createFakeStorage();
  const clock = new FixedClock();
  const ids = new SequentialIdGenerator();
  const client = await givenClientWithFunds(storage);
  const errors: unknown[] = [];
  let woken = 0;
  const outbox = new Outbox(
    store?.(storage.notifications) ?? storage.notifications,
    () => ids.next(),
    () => (woken += 1),
    (error) => errors.push(error),
  );
  const subscribe = new SubscribeToFund({
    ...storage,
    outbox,
    idempotency: new IdempotencyGuard(storage.idempotency, clock, ids),
    clock,
    ids,
    retry: DEFAULT_RETRY_POLICY,
  });
  return { storage, client, subscribe, errors, woken: () => woken, clock };
}

describe('Outbox', () => {
  it('turns a committed operation into one pending notification and wakes the dispatcher', async () => {
    const { storage, client, subscribe, woken, clock } = await setup();
    const { result } = await subscribe.execute({
      clientId: client.id,
      fundId: '5',
      amount: Money.parse('100000'),
    });
    const record = await storage.notifications.findByTransactionId(result.transaction.id);
    expect(record).toMatchObject({
      clientId: client.id,
      transactionType: 'subscription',
      fundName: 'FPV_BTG_PACTUAL_DINAMICA',
      channel: 'email',
      destination: client.email,
      status: 'pending',
      attempts: 0,
      occurredAt: clock.now(),
      nextAttemptAt: clock.now(),
      sentAt: null,
    });
    expect(record?.amount.toDecimalString()).toBe('100000.00');
    expect(woken()).toBe(1);
  });

  it('never fails or undoes the money operation when the notification store is down', async () => {
    const down = (real: NotificationStore): NotificationStore =>
      Object.assign(Object.create(real) as NotificationStore, {
        ensure: () => Promise.reject(new Error('notification store unreachable')),
      });
    const { storage, client, subscribe, errors } = await setup(down);
    const { result } = await subscribe.execute({ clientId: client.id, fundId: '1' });
    expect(result.balance.toDecimalString()).toBe('425000.00');
    expect((await storage.ledger.latest(client.id))?.transaction.id).toBe(result.transaction.id);
    expect(errors).toHaveLength(1);
    expect(await storage.notifications.findByTransactionId(result.transaction.id)).toBeNull();
  });

  it('creates nothing for a failed attempt', async () => {
    const { storage, client, subscribe, woken } = await setup();
    await subscribe
      .execute({ clientId: client.id, fundId: '1', amount: Money.parse('10') })
      .catch(() => undefined);
    expect(await storage.notifications.countByStatus('pending')).toBe(0);
    expect(woken()).toBe(0);
  });
});
