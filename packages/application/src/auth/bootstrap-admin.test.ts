import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../ports/index.js';
import { BootstrapAdmin } from './bootstrap-admin.js';
import { RegisterClient } from './register-client.js';

const hasher: PasswordHasher = {
  hash: (password) => Promise.resolve(`h:${password}`),
  verify: (password, hash) => Promise.resolve(hash === `h:${password}`),
};

function setup() {
  const storage = createInMemoryStorage();
  const register = new RegisterClient({
    ...storage,
    hasher,
    ids: new SequentialIdGenerator(),
    clock: new FixedClock(),
  });
  return { storage, register, bootstrap: new BootstrapAdmin(storage.clients, register) };
}

const admin = { email: 'Admin@BTG.example.com', password: 'clave de administración' };

describe('BootstrapAdmin', () => {
  it('creates the admin once', async () => {
    const { storage, bootstrap } = setup();
    expect(await bootstrap.execute(admin)).toBe('created');
    expect(await bootstrap.execute(admin)).toBe('exists');
    const stored = await storage.clients.findByEmail('admin@btg.example.com');
    expect(stored?.client.toSnapshot()).toMatchObject({ fullName: 'Administrador' });
    expect(stored?.auth).toEqual({ role: 'admin', passwordHash: `h:${admin.password}` });
    expect(await storage.clients.list({ limit: 10 })).toHaveLength(1);
  });

  it('leaves an existing account with that email untouched (never promotes a client)', async () => {
    const { storage, register, bootstrap } = setup();
    await register.execute({
      email: 'admin@btg.example.com',
      password: 'clave del cliente',
      fullName: 'Cliente',
      notificationPreference: 'email',
    });
    expect(await bootstrap.execute(admin)).toBe('exists');
    const stored = await storage.clients.findByEmail('admin@btg.example.com');
    expect(stored?.client.toSnapshot()).toMatchObject({ fullName: 'Cliente' });
    expect(stored?.auth).toEqual({ role: 'client', passwordHash: 'h:clave del cliente' });
  });

  it('refuses a weak configured password', async () => {
    const { bootstrap } = setup();
    await expect(bootstrap.execute({ ...admin, password: 'corta' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
  });
});
