import { describe, expect, it } from 'vitest';
import type { VerificationChallenge, VerificationChallengeStore } from '../ports/index.js';
import { uniqueId } from './builders.js';
import type { Factory } from './ledger.contract.js';

export function describeVerificationChallengeStoreContract(
  name: string,
  make: Factory<VerificationChallengeStore>,
): void {
  describe(`VerificationChallengeStore contract: ${name}`, () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 15, minute));
    const challenge = (overrides: Partial<VerificationChallenge> = {}): VerificationChallenge => ({
      id: uniqueId('challenge'),
      clientId: uniqueId('client'),
      channel: 'sms',
      destination: '+573001234567',
      codeHash: '$2b$04$hash',
      createdAt: at(0),
      expiresAt: at(10),
      ...overrides,
    });

    it('gives back the newest challenge of a client and channel, as saved', async () => {
      const store = await make();
      const first = challenge();
      const second = challenge({ clientId: first.clientId, createdAt: at(2), expiresAt: at(12) });
      const email = challenge({
        clientId: first.clientId,
        channel: 'email',
        destination: 'a@b.co',
      });
      for (const c of [second, first, email]) await store.save(c);
      expect(await store.latest(first.clientId, 'sms')).toEqual(second);
      expect(await store.latest(first.clientId, 'email')).toEqual(email);
      expect(await store.latest(uniqueId('client'), 'sms')).toBeNull();
    });

    it('lets a challenge be used exactly once, even concurrently', async () => {
      const store = await make();
      const saved = challenge();
      await store.save(saved);
      const results = await Promise.all([1, 2, 3, 4].map(() => store.consume(saved.id, at(1))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.consume(saved.id, at(2))).toBe(false);
    });
  });
}
