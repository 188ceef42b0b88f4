import { describe, expect, it } from 'vitest';
import type { RefreshTokenStore } from '../ports/index.js';
import { uniqueId } from './builders.js';
import type { Factory } from './ledger.contract.js';

export function describeRefreshTokenStoreContract(
  name: string,
  make: Factory<RefreshTokenStore>,
): void {
  describe(`RefreshTokenStore contract: ${name}`, () => {
    const token = () => ({
      digest: uniqueId('digest'),
      clientId: uniqueId('client'),
      familyId: uniqueId('family'),
      createdAt: new Date('2026-01-15T15:00:00.000Z'),
      expiresAt: new Date('2026-01-15T15:30:00.000Z'),
      sessionExpiresAt: new Date('2026-01-16T03:00:00.000Z'),
    });

    it('saves and finds by digest', async () => {
      const store = await make();
      const record = token();
      await store.save(record);
      expect(await store.find(record.digest)).toEqual(record);
      expect(await store.find(uniqueId('digest'))).toBeNull();
    });

    it('lets a token be consumed exactly once, even concurrently', async () => {
      const store = await make();
      const record = token();
      await store.save(record);
      const at = new Date();
      const results = await Promise.all([1, 2, 3, 4].map(() => store.consume(record.digest, at)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.consume(record.digest, at)).toBe(false);
    });

    it('revokes a whole family, idempotently', async () => {
      const store = await make();
      const record = token();
      expect(await store.isFamilyRevoked(record.familyId)).toBe(false);
      await store.revokeFamily(record.familyId, new Date());
      await store.revokeFamily(record.familyId, new Date());
      expect(await store.isFamilyRevoked(record.familyId)).toBe(true);
      expect(await store.isFamilyRevoked(uniqueId('family'))).toBe(false);
    });
  });
}
