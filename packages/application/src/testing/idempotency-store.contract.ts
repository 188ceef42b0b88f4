import { describe, expect, it } from 'vitest';
import type { IdempotencyRecord, IdempotencyStore } from '../ports/index.js';
import { uniqueId } from './builders.js';
import type { Factory } from './ledger.contract.js';

const record = (overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  clientId: uniqueId('client'),
  key: uniqueId('key'),
  fingerprint: '["subscribe","1",null,null]',
  transactionId: uniqueId('tx'),
  state: 'in-flight',
  outcome: null,
  createdAt: new Date('2026-01-15T15:00:00.000Z'),
  expiresAt: new Date('2026-01-16T15:00:00.000Z'),
  lockedUntil: new Date('2026-01-15T15:00:30.000Z'),
  ...overrides,
});

export function describeIdempotencyStoreContract(
  name: string,
  make: Factory<IdempotencyStore>,
): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    it('inserts once per (client, key) and returns the existing record afterwards', async () => {
      const store = await make();
      const first = record();
      expect(await store.insertIfAbsent(first)).toBeNull();
      const existing = await store.insertIfAbsent({ ...first, transactionId: uniqueId('tx') });
      expect(existing).toMatchObject({ transactionId: first.transactionId, state: 'in-flight' });
      expect(await store.insertIfAbsent({ ...first, clientId: uniqueId('client') })).toBeNull();
    });

    it('lets one of many concurrent inserts of a key win', async () => {
      const store = await make();
      const base = record();
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map(() => store.insertIfAbsent({ ...base, transactionId: uniqueId('tx') })),
      );
      expect(results.filter((r) => r === null)).toHaveLength(1);
    });

    it('completes with a JSON outcome that reads back equal', async () => {
      const store = await make();
      const first = record();
      await store.insertIfAbsent(first);
      const outcome = {
        kind: 'success' as const,
        value: { balance: '425000.00', nested: { a: [1, 'b'] } },
      };
      await store.complete(first, outcome);
      const read = await store.insertIfAbsent(record({ clientId: first.clientId, key: first.key }));
      expect(read).toMatchObject({ state: 'completed', outcome, fingerprint: first.fingerprint });
      expect(read?.expiresAt.toISOString()).toBe(first.expiresAt.toISOString());
    });

    it('completes only the record that still holds the transaction id', async () => {
      const store = await make();
      const first = record();
      await store.insertIfAbsent(first);
      const outcome = { kind: 'success' as const, value: { ok: true } };
      await store.complete({ ...first, transactionId: uniqueId('tx') }, outcome);
      const read = await store.insertIfAbsent(record({ clientId: first.clientId, key: first.key }));
      expect(read).toMatchObject({ state: 'in-flight', outcome: null });
    });

    it('moves the lock of the in-flight record, keeping its transaction id', async () => {
      const store = await make();
      const first = record();
      await store.insertIfAbsent(first);
      const released = new Date('2026-01-15T15:00:02.000Z');
      await store.relock(first, released);
      // Another transaction id, or a completed record, is never relocked.
      await store.relock({ ...first, transactionId: uniqueId('tx') }, new Date(0));
      const read = await store.insertIfAbsent(record({ clientId: first.clientId, key: first.key }));
      expect(read).toMatchObject({ transactionId: first.transactionId, state: 'in-flight' });
      expect(read?.lockedUntil.toISOString()).toBe(released.toISOString());
      await store.complete(first, { kind: 'success', value: 1 });
      await store.relock(first, new Date(0));
      const done = await store.insertIfAbsent(record({ clientId: first.clientId, key: first.key }));
      expect(done).toMatchObject({ state: 'completed' });
      expect(done?.lockedUntil.toISOString()).toBe(released.toISOString());
    });

    it('removes only the record it was given', async () => {
      const store = await make();
      const first = record();
      await store.insertIfAbsent(first);
      await store.remove({ ...first, transactionId: uniqueId('tx') });
      expect(
        await store.insertIfAbsent(record({ clientId: first.clientId, key: first.key })),
      ).not.toBeNull();
      await store.remove(first);
      expect(
        await store.insertIfAbsent(record({ clientId: first.clientId, key: first.key })),
      ).toBeNull();
    });
  });
}
