import { uniqueId } from '@btg-funds/application/testing';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from './collections.js';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();
const at = (iso: string) => new Date(iso);

/** No TTL indexes (FerretDB): expiry is a periodic clean-up, checked here (ADR 0302). */
describe.skipIf(!mongo.available)('deleteExpired stands in for TTL indexes', () => {
  const storage = useTestStorage('expiry');

  it('purges idempotency keys whose replay window closed, and only those', async () => {
    const store = storage.current.idempotency;
    const base = {
      clientId: uniqueId('client'),
      fingerprint: '[]',
      state: 'in-flight' as const,
      outcome: null,
      createdAt: at('2026-01-01T00:00:00Z'),
      lockedUntil: at('2026-01-01T00:00:30Z'),
    };
    const old = {
      ...base,
      key: 'old',
      transactionId: uniqueId('tx'),
      expiresAt: at('2026-01-02T00:00:00Z'),
    };
    const live = {
      ...base,
      key: 'live',
      transactionId: uniqueId('tx'),
      expiresAt: at('2026-01-03T00:00:00Z'),
    };
    await store.insertIfAbsent(old);
    await store.insertIfAbsent(live);
    expect(await store.deleteExpired(at('2026-01-02T12:00:00Z'))).toBe(1);
    expect(await store.insertIfAbsent({ ...old, transactionId: uniqueId('tx') })).toBeNull();
    expect(await store.insertIfAbsent({ ...live, transactionId: uniqueId('tx') })).not.toBeNull();
  });

  it('purges expired refresh tokens with their use records and empty revoked families', async () => {
    const store = storage.current.refreshTokens;
    const familyId = uniqueId('family');
    const token = (digest: string, expiresAt: string) => ({
      digest,
      clientId: 'c',
      familyId,
      createdAt: at('2026-01-01T00:00:00Z'),
      expiresAt: at(expiresAt),
      sessionExpiresAt: at(expiresAt),
    });
    const [old, live] = [uniqueId('d'), uniqueId('d')];
    await store.save(token(old, '2026-01-08T00:00:00Z'));
    await store.save(token(live, '2026-01-09T00:00:00Z'));
    expect(await store.consume(old, at('2026-01-02T00:00:00Z'))).toBe(true);
    await store.revokeFamily(familyId, at('2026-01-03T00:00:00Z'));

    expect(await store.deleteExpired(at('2026-01-08T12:00:00Z'))).toBe(1);
    expect(await store.find(old)).toBeNull();
    expect(await store.find(live)).not.toBeNull();
    const uses = storage.current.db.collection(COLLECTIONS.refreshTokenUses);
    expect(await uses.countDocuments({ _id: old as never })).toBe(0);
    // A live token remains in the family, so its revocation must stay.
    expect(await store.isFamilyRevoked(familyId)).toBe(true);

    await storage.current.deleteExpired(at('2026-01-10T00:00:00Z'));
    expect(await store.isFamilyRevoked(familyId)).toBe(false);
  });
});
