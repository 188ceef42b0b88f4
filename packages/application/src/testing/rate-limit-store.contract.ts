import { describe, expect, it } from 'vitest';
import type { RateLimitStore, RateWindow } from '../ports/index.js';
import { uniqueId } from './builders.js';
import type { Factory } from './ledger.contract.js';

const minute = (isoStart: string): RateWindow => {
  const start = new Date(isoStart);
  return { start, end: new Date(start.getTime() + 60_000) };
};
const WINDOW = minute('2026-01-15T15:00:00.000Z');
const NEXT_WINDOW = minute('2026-01-15T15:01:00.000Z');

/**
 * `makeStores` returns one or more stores over the same counters (for Mongo: separate
 * connection pools, as separate API processes have), so races cross them.
 */
export function describeRateLimitStoreContract(
  name: string,
  makeStores: Factory<readonly RateLimitStore[]>,
): void {
  describe(`RateLimitStore contract: ${name}`, () => {
    it('counts hits per key and per window', async () => {
      const [store] = await makeStores();
      const key = uniqueId('login');
      expect(await store!.count(key, WINDOW)).toBe(0);
      expect(await store!.increment(key, WINDOW)).toBe(1);
      expect(await store!.increment(key, WINDOW)).toBe(2);
      expect(await store!.increment(key, WINDOW)).toBe(3);
      expect(await store!.count(key, WINDOW)).toBe(3);
      expect(await store!.count(key, NEXT_WINDOW)).toBe(0);
      expect(await store!.increment(key, NEXT_WINDOW)).toBe(1);
      expect(await store!.count(uniqueId('login'), WINDOW)).toBe(0);
    });

    it('gives each of 40 concurrent hits its own count, across stores', async () => {
      const stores = await makeStores();
      const key = uniqueId('ip');
      const counts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => stores[i % stores.length]!.increment(key, WINDOW)),
      );
      expect([...counts].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      expect(await stores[0]!.count(key, WINDOW)).toBe(40);
    });

    it('with a ceiling, records at most that many hits however many race', async () => {
      const stores = await makeStores();
      const key = uniqueId('account');
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => stores[i % stores.length]!.increment(key, WINDOW, 5)),
      );
      const admitted = counts.filter((n) => n <= 5).sort((a, b) => a - b);
      expect(admitted).toEqual([1, 2, 3, 4, 5]);
      expect(counts.filter((n) => n > 5)).toHaveLength(15);
      expect(await stores[0]!.count(key, WINDOW)).toBe(5);
      expect(await stores[0]!.increment(key, WINDOW, 5)).toBeGreaterThan(5);
      expect(await stores[0]!.count(key, WINDOW)).toBe(5);
    });
  });
}
