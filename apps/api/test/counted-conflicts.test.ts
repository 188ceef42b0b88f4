import { createUseCases, LedgerConflict } from '@btg-funds/application';
import {
  createFakeStorage,
  FakeLedger,
  givenClientWithFunds,
  subscriptionRecords,
  testPorts,
} from '@btg-funds/application/testing';
import { describe, expect, it } from 'vitest';
import { AppMetrics } from '../src/runtime/app-metrics.js';
import { countingConflicts } from '../src/runtime/counted-conflicts.js';

const conflicts = async (metrics: AppMetrics, operation: 'subscribe' | 'cancel') =>
  (await metrics.ledgerConflicts.get()).values.find((v) => v.labels.operation === operation)
    ?.value ?? 0;

describe('ledger conflicts, counted from outside the use cases', () => {
  it('counts an append that lost its race, by the entry’s operation, and rethrows it', async () => {
    const metrics = new AppMetrics(() => Promise.resolve(0));
    const ledger = countingConflicts(new FakeLedger(), metrics);
    const [first] = subscriptionRecords('client-1', ['1']);
    await ledger.append(first!);
    await expect(ledger.append(first!)).rejects.toBeInstanceOf(LedgerConflict);
    expect(await conflicts(metrics, 'subscribe')).toBe(1);
    expect(await conflicts(metrics, 'cancel')).toBe(0);
    expect(await ledger.latest('client-1')).toEqual(first);
  });

  it('sees the races of instances that share the ledger, with no hook inside the use cases', async () => {
    const metrics = new AppMetrics(() => Promise.resolve(0));
    const storage = createFakeStorage();
    const client = await givenClientWithFunds(storage);
    const ledger = countingConflicts(storage.ledger, metrics);
    // Four instances (each its own per-client queue) subscribe the same client at once.
    const results = await Promise.all(
      ['1', '2', '3', '5'].map((fundId) =>
        createUseCases(testPorts({ ...storage, ledger }), {
          retry: { maxAttempts: 64, baseDelayMs: 0, maxDelayMs: 0 },
        }).subscribeToFund.execute({ clientId: client.id, fundId }),
      ),
    );
    expect(results.every((r) => !r.replayed)).toBe(true);
    expect(await conflicts(metrics, 'subscribe')).toBeGreaterThan(0);
  });
});
