import { describe, expect, it } from 'vitest';
import type { ClientRepository } from '../ports/index.js';
import { aClient, uniqueId } from './builders.js';
import type { Factory } from './ledger.contract.js';

export function describeClientRepositoryContract(
  name: string,
  make: Factory<ClientRepository>,
): void {
  describe(`ClientRepository contract: ${name}`, () => {
    it('stores and finds a client by id and by normalized email', async () => {
      const repo = await make();
      const client = aClient();
      await repo.add(client);
      expect((await repo.findById(client.id))?.toSnapshot()).toEqual(client.toSnapshot());
      expect((await repo.findByEmail(client.email))?.id).toBe(client.id);
      expect(await repo.findById(uniqueId('missing'))).toBeNull();
      expect(await repo.findByEmail(`${uniqueId('missing')}@example.com`)).toBeNull();
    });

    it('refuses a duplicate email with EMAIL_TAKEN, whatever the id', async () => {
      const repo = await make();
      const client = aClient();
      await repo.add(client);
      const twin = aClient({ email: client.email.toUpperCase() });
      await expect(repo.add(twin)).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
      expect(await repo.findById(twin.id)).toBeNull();
    });

    it('lets only one of concurrent registrations of one email succeed', async () => {
      const repo = await make();
      const email = `${uniqueId('race')}@example.com`;
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map(() => repo.add(aClient({ email }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('updates profile fields', async () => {
      const repo = await make();
      const client = aClient();
      await repo.add(client);
      const updated = client.updateProfile({ fullName: 'Ana Pérez', phone: null });
      await repo.update(updated);
      const read = await repo.findById(client.id);
      expect(read?.toSnapshot()).toMatchObject({
        fullName: 'Ana Pérez',
        phone: null,
        email: client.email,
      });
    });

    it('records a verified destination without touching the profile, and the reverse', async () => {
      const repo = await make();
      const client = aClient({ verified: false });
      await repo.add(client);
      expect((await repo.findById(client.id))?.isVerified('email')).toBe(false);
      await repo.markVerified(client.id, 'email', client.email);
      await repo.markVerified(client.id, 'sms', client.phone!);
      // A profile update made from a copy read before the verification keeps it.
      await repo.update(client.updateProfile({ fullName: 'Ana Verificada' }));
      const read = (await repo.findById(client.id))!;
      expect(read.isVerified('email')).toBe(true);
      expect(read.isVerified('sms')).toBe(true);
      expect(read.toSnapshot().fullName).toBe('Ana Verificada');
      await expect(repo.markVerified(uniqueId('ghost'), 'email', 'x@y.co')).rejects.toMatchObject({
        code: 'CLIENT_NOT_FOUND',
      });
    });

    it('lists by creation time then id, after a keyset position', async () => {
      const repo = await make();
      const base = new Date('2031-05-01T00:00:00.000Z').getTime();
      const clients = [0, 1, 2].map((i) => aClient({ createdAt: new Date(base + i * 1000) }));
      for (const client of [...clients].reverse()) await repo.add(client);
      const after = { createdAt: new Date(base - 1), id: '' };
      const page = await repo.list({ limit: 2, after });
      expect(page.map((c) => c.id)).toEqual([clients[0]!.id, clients[1]!.id]);
      const next = await repo.list({
        limit: 2,
        after: { createdAt: new Date(base + 1000), id: clients[1]!.id },
      });
      expect(next[0]?.id).toBe(clients[2]!.id);
    });
  });
}
