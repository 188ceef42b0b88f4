import { createFakeStorage, FixedClock, SequentialIdGenerator } from '../testing/index.js';
import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../ports/index.js';
import { RegisterClient, type RegisterClientInput } from './register-client.js';

const hasher: PasswordHasher = {
  hash: (password) => Promise.resolve(`h:${password}`),
  verify: (password, hash) => Promise.resolve(hash === `h:${password}`),
};

function setup() {
  const storage = createFakeStorage();
  const clock = new FixedClock();
  const register = new RegisterClient({
    clients: storage.clients,
    hasher,
    ids: new SequentialIdGenerator(),
    clock,
  });
  return { storage, clock, register };
}

const input: RegisterClientInput = {
  email: 'Ana.Perez@Example.com',
  password: 'una clave segura',
  fullName: 'Ana Pérez',
  phone: '+573001234567',
  notificationPreference: 'sms',
};

describe('RegisterClient', () => {
  it('creates a client with a normalized email, the initial balance and a hashed password', async () => {
    const { storage, clock, register } = setup();
    const profile = await register.execute(input);
    expect(profile).toMatchObject({
      email: 'ana.perez@example.com',
      fullName: 'Ana Pérez',
      phone: '+573001234567',
      notificationPreference: 'sms',
      role: 'client',
      createdAt: clock.now(),
    });
    expect(profile).not.toHaveProperty('passwordHash');
    expect(profile.balance.toDecimalString()).toBe('500000.00');
    const stored = await storage.clients.findByEmail('ana.perez@example.com');
    expect(stored?.auth).toEqual({ role: 'client', passwordHash: 'h:una clave segura' });
    expect(stored?.client.toSnapshot()).not.toHaveProperty('passwordHash');
  });

  it('always creates the client role, whatever the input carries', async () => {
    const { register } = setup();
    const sneaky = { ...input, role: 'admin' } as RegisterClientInput;
    expect((await register.execute(sneaky)).role).toBe('client');
  });

  it('refuses a taken email regardless of case', async () => {
    const { register } = setup();
    await register.execute(input);
    await expect(
      register.execute({ ...input, email: 'ANA.PEREZ@EXAMPLE.COM' }),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
  });

  it.each([
    ['12 characters', 'a'.repeat(12)],
    ['72 ASCII characters (72 bytes)', 'a'.repeat(72)],
    ["'ñ' × 30 (60 bytes)", 'ñ'.repeat(30)],
    ["'😀' × 18 (72 bytes)", '😀'.repeat(18)],
  ])('accepts a password of %s', async (_, password) => {
    const { register } = setup();
    await expect(register.execute({ ...input, password })).resolves.toMatchObject({
      role: 'client',
    });
  });

  it.each([
    ['11 characters', 'a'.repeat(11), /entre 12 y 128 caracteres/],
    ['129 characters', 'a'.repeat(129), /entre 12 y 128 caracteres/],
    ['73 bytes', 'a'.repeat(73), /72 bytes/],
    ["'😀' × 19 (76 bytes)", '😀'.repeat(19), /72 bytes/],
    ["'😀' × 11 (11 characters)", '😀'.repeat(11), /entre 12 y 128/],
  ])('rejects a password of %s with INVALID_PASSWORD', async (_, password, message) => {
    const { storage, register } = setup();
    const error = await register.execute({ ...input, password }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_PASSWORD' });
    expect((error as Error).message).toMatch(message);
    expect(await storage.clients.findByEmail('ana.perez@example.com')).toBeNull();
  });

  it.each([
    ['INVALID_EMAIL', { email: 'ana@' }],
    ['INVALID_PHONE', { phone: '3001234567' }],
    ['PHONE_REQUIRED_FOR_SMS', { phone: null }],
    ['INVALID_FULL_NAME', { fullName: '  ' }],
  ])('answers %s for invalid profile data and stores nothing', async (code, change) => {
    const { storage, register } = setup();
    await expect(register.execute({ ...input, ...change })).rejects.toMatchObject({ code });
    expect(await storage.clients.list({ limit: 10 })).toEqual([]);
  });
});

describe('RegisterClient: one identity per person (ADR 0221)', () => {
  it.each([
    ['full-width letters', 'ａｎａ.ｐéｒｅｚ@example.com'],
    ['a decomposed accent', 'ana.pe\u0301rez@example.com'],
    ['upper case', 'ANA.PÉREZ@EXAMPLE.COM'],
  ])('refuses a second account whose address differs only by %s', async (_case, twin) => {
    const { storage, register } = setup();
    await register.execute({ ...input, email: 'ana.pérez@example.com' });
    await expect(register.execute({ ...input, email: twin })).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect((await storage.clients.list({ limit: 10 })).length).toBe(1);
  });

  it.each([
    ['an invisible character', 'ana\u200b.perez@example.com'],
    ['a right-to-left mark', 'ana.perez\u200f@example.com'],
    ['a Cyrillic look-alike', '\u0430na.perez@example.com'],
  ])('refuses an address with %s and creates nothing', async (_case, email) => {
    const { storage, register } = setup();
    await expect(register.execute({ ...input, email })).rejects.toMatchObject({
      code: 'INVALID_EMAIL',
    });
    expect((await storage.clients.list({ limit: 10 })).length).toBe(0);
  });
});
