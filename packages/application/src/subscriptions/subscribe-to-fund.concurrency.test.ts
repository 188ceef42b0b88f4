import {
  assertGaplessAndConserved,
  createFakeStorage,
  FixedClock,
  givenClientWithFunds,
  moneyUseCases,
  testIds,
} from '../testing/index.js';
import { Money } from '@btg-funds/domain';
import type { CancelSubscriptionInput } from './cancel-subscription.js';
import type { SubscribeToFundInput } from './subscribe-to-fund.js';
import { describe, expect, it } from 'vitest';

const retry = { maxAttempts: 64, baseDelayMs: 0, maxDelayMs: 0 };

async function setup() {
  const storage = createFakeStorage();
  const client = await givenClientWithFunds(storage);
  const options = { clock: new FixedClock(), ids: testIds(), retry };
  // Each request reaches another instance (its own per-client queue): they race on the ledger.
  const anyInstance = () => moneyUseCases(storage, options);
  return {
    storage,
    client,
    subscribe: { execute: (input: SubscribeToFundInput) => anyInstance().subscribe.execute(input) },
    cancel: { execute: (input: CancelSubscriptionInput) => anyInstance().cancel.execute(input) },
  };
}

const codes = (results: PromiseSettledResult<unknown>[]) =>
  results
    .map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code?: string }).code))
    .sort();

describe('SubscribeToFund and CancelSubscription under concurrency', () => {
  it('racing subscriptions never overspend: every decision is made on the latest balance', async () => {
    const { storage, client, subscribe } = await setup();
    const results = await Promise.allSettled(
      ['1', '2', '3', '4', '5'].map((fundId) =>
        subscribe.execute({ clientId: client.id, fundId, amount: Money.parse('250000') }),
      ),
    );
    expect(codes(results)).toEqual([
      'INSUFFICIENT_BALANCE',
      'INSUFFICIENT_BALANCE',
      'INSUFFICIENT_BALANCE',
      'ok',
      'ok',
    ]);
    const entries = await assertGaplessAndConserved(storage.ledger, client.id);
    expect(entries).toHaveLength(5);
    expect(entries.at(-1)?.balance).toBe('0.00');
  });

  it('racing subscriptions to one fund: exactly one succeeds', async () => {
    const { storage, client, subscribe } = await setup();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => subscribe.execute({ clientId: client.id, fundId: '3' })),
    );
    expect(codes(results)).toEqual([...Array<string>(5).fill('ALREADY_SUBSCRIBED'), 'ok']);
    const entries = await assertGaplessAndConserved(storage.ledger, client.id);
    expect(entries.map((e) => e.balance)).toEqual(['450000.00']);
  });

  it('racing cancellations of one subscription refund exactly once', async () => {
    const { storage, client, subscribe, cancel } = await setup();
    const { result } = await subscribe.execute({ clientId: client.id, fundId: '4' });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        cancel.execute({ clientId: client.id, subscriptionId: result.subscription.id }),
      ),
    );
    expect(codes(results)).toEqual([...Array<string>(5).fill('ALREADY_CANCELLED'), 'ok']);
    const entries = await assertGaplessAndConserved(storage.ledger, client.id);
    expect(entries.map((e) => e.balance)).toEqual(['250000.00', '500000.00']);
  });
});
