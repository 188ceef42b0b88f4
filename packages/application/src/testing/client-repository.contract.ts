import { describe, expect, it } from 'vitest';
import { DuplicateEmail, NotFound, type ClientRepository } from '../ports/index.js';
import { aClient, registered, uniqueId } from './builders.js';
import type { Factory } from './ledger.contract.js';

export function describeClientRepositoryContract(
  name: string,
  make: Factory<ClientRepository>,
): void {
  describe(`ClientRepository contract: ${name}`, () => {
    it('stores and finds a client, with its auth record, by id and by normalized email', async () => {
      const repo = await make();
      const client = aClient();
      await repo.add(registered(client, { role: 'admin', passwordHash: 'h:secret' }));
      const byId = await repo.findById(client.id);
      expect(byId?.client.toSnapshot()).toEqual(client.toSnapshot());
      expect(byId?.auth).toEqual({ role: 'admin', passwordHash: 'h:secret' });
      expect((await repo.findByEmail(client.email))?.client.id).toBe(client.id);
      expect((await repo.findByEmail(client.email))?.auth.role).toBe('admin');
      expect(await repo.findById(uniqueId('missing'))).toBeNull();
      expect(await repo.findByEmail(`${uniqueId('missing')}@example.com`)).toBeNull();
    });

    it('refuses a duplicate email with DuplicateEmail, whatever the id', async () => {
      const repo = await make();
      const client = aClient();
      await repo.add(registered(client));
      const twin = aClient({ email: client.email.toUpperCase() });
      await expect(repo.add(registered(twin))).rejects.toBeInstanceOf(DuplicateEmail);
      expect(await repo.findById(twin.id)).toBeNull();
    });

    it('lets only one of concurrent registrations of one email succeed', async () => {
      const repo = await make();
      const email = `${uniqueId('race')}@example.com`;
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map(() => repo.add(registered(aClient({ email })))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateEmail);
      }
    });

    it('updates profile fields and leaves the auth record as it was', async () => {
      const repo = await make();
      const client = aClient();
      await repo.add(registered(client, { passwordHash: 'h:kept' }));
      const updated = client.updateProfile({ fullName: 'Ana Pérez', phone: null });
      await repo.update(updated);
      const read = await repo.findById(client.id);
      expect(read?.client.toSnapshot()).toMatchObject({
        fullName: 'Ana Pérez',
        phone: null,
        email: client.email,
      });
      expect(read?.auth).toEqual({ role: 'client', passwordHash: 'h:kept' });
      await expect(repo.update(aClient())).rejects.toBeInstanceOf(NotFound);
    });

    it('records a verified destination without touching the profile, and the reverse', async () => {
      const repo = await make();
      const client = aClient({ verified: false });
      await repo.add(registered(client));
      expect((await repo.findById(client.id))?.client.isVerified('email')).toBe(false);
      await repo.markVerified(client.id, 'email', client.email);
      await repo.markVerified(client.id, 'sms', client.phone!);
      // A profile update made from a copy read before the verification keeps it.
      await repo.update(client.updateProfile({ fullName: 'Ana Verificada' }));
      const read = (await repo.findById(client.id))!.client;
      expect(read.isVerified('email')).toBe(true);
      expect(read.isVerified('sms')).toBe(true);
      expect(read.toSnapshot().fullName).toBe('Ana Verificada');
      const ghost = uniqueId('ghost');
      const missing = repo.markVerified(ghost, 'email', 'x@y.co');
      await expect(missing).rejects.toBeInstanceOf(NotFound);
      await expect(missing).rejects.toMatchObject({ entity: 'client', id: ghost });
    });

    it('lists by creation time then id, after a keyset position', async () => {
      const repo = await make();
      const base = new Date('2031-05-01T00:00:00.000Z').getTime();
      const clients = [0, 1, 2].map((i) => aClient({ createdAt: new Date(base + i * 1000) }));
      for (const client of [...clients].reverse()) await repo.add(registered(client));
      const after = { createdAt: new Date(base - 1), id: '' };
      const page = await repo.list({ limit: 2, after });
      expect(page.map((r) => r.client.id)).toEqual([clients[0]!.id, clients[1]!.id]);
      expect(page.map((r) => r.auth.role)).toEqual(['client', 'client']);
      const next = await repo.list({
        limit: 2,
        after: { createdAt: new Date(base + 1000), id: clients[1]!.id },
      });
      expect(next[0]?.client.id).toBe(clients[2]!.id);
    });
  });
}
