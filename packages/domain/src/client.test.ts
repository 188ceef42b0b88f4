import { describe, expect, it } from 'vitest';
import { Client } from './client.js';
import { normalizeEmail } from './email-address.js';
import { DomainError } from './errors.js';

const base = {
  id: 'c-1',
  email: 'Ana.Perez@Example.COM',
  fullName: 'Ana  María   Pérez',
  phone: '+57 300 123 4567',
  notificationPreference: 'email' as const,
  createdAt: new Date('2026-01-15T15:00:00.000Z'),
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'none';
}

describe('Client.create', () => {
  it('normalizes email to lower case, phone to E.164 and collapses spaces in the name', () => {
    const client = Client.create(base);
    expect(client.toSnapshot()).toEqual({
      ...base,
      email: 'ana.perez@example.com',
      fullName: 'Ana María Pérez',
      phone: '+573001234567',
      verifiedEmail: null,
      verifiedPhone: null,
    });
  });

  it("knows nothing of roles or passwords: those are the auth side's record", () => {
    const keys = Object.keys(Client.create(base).toSnapshot());
    expect(keys).not.toContain('role');
    expect(keys).not.toContain('passwordHash');
  });

  it('allows no phone when the preference is email', () => {
    expect(Client.create({ ...base, phone: undefined }).phone).toBeNull();
    expect(Client.create({ ...base, phone: null }).phone).toBeNull();
  });

  it.each([
    'plain',
    'a@b',
    '@example.com',
    'ana@',
    'ana perez@example.com',
    'ana@@example.com',
    'ana@exa mple.com',
    'ana@-example.com',
    '',
    `${'a'.repeat(65)}@example.com`,
    `ana@${'a'.repeat(250)}.com`,
  ])('rejects the email %j', (email) => {
    expect(codeOf(() => Client.create({ ...base, email }))).toBe('INVALID_EMAIL');
  });

  it.each([
    '3001234567',
    '+0573001234567',
    '+57',
    '+57300123456789012',
    '+57-abc-1234',
    '573001234567',
  ])('rejects the phone %j (E.164 only)', (phone) => {
    expect(codeOf(() => Client.create({ ...base, phone }))).toBe('INVALID_PHONE');
  });

  it.each(['+12025550123', '+442071838750', '+57 (300) 123-4567'])(
    'accepts the phone %j',
    (phone) => {
      expect(Client.create({ ...base, phone }).phone).toMatch(/^\+[1-9]\d{7,14}$/);
    },
  );

  it('requires a phone for SMS', () => {
    expect(
      codeOf(() => Client.create({ ...base, phone: null, notificationPreference: 'sms' })),
    ).toBe('PHONE_REQUIRED_FOR_SMS');
    expect(() => Client.create({ ...base, phone: null, notificationPreference: 'sms' })).toThrow(
      'Para recibir notificaciones por SMS debe registrar un número de teléfono.',
    );
  });

  it.each(['', '   ', 'x'.repeat(121), 'Ana\u0000'])('rejects the full name %j', (fullName) => {
    expect(codeOf(() => Client.create({ ...base, fullName }))).toBe('INVALID_FULL_NAME');
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  ANA@EXAMPLE.CO ')).toBe('ana@example.co');
  });
});

describe('Client.updateProfile', () => {
  const client = Client.create(base);

  it('changes only the given fields and never the email', () => {
    const updated = client.updateProfile({ fullName: ' Ana P. ', notificationPreference: 'sms' });
    expect(updated.toSnapshot()).toEqual({
      ...client.toSnapshot(),
      fullName: 'Ana P.',
      notificationPreference: 'sms',
    });
    expect(client.notificationPreference).toBe('email');
  });

  it('normalizes a new phone and removes it with null', () => {
    expect(client.updateProfile({ phone: '+1 202 555 0123' }).phone).toBe('+12025550123');
    expect(client.updateProfile({ phone: null }).phone).toBeNull();
    expect(client.updateProfile({ phone: undefined }).phone).toBe('+573001234567');
  });

  it('cannot remove the phone while SMS is preferred', () => {
    const sms = client.updateProfile({ notificationPreference: 'sms' });
    expect(codeOf(() => sms.updateProfile({ phone: null }))).toBe('PHONE_REQUIRED_FOR_SMS');
    expect(sms.updateProfile({ phone: null, notificationPreference: 'email' }).phone).toBeNull();
  });

  it('cannot choose SMS without a phone', () => {
    const noPhone = Client.create({ ...base, phone: null });
    expect(codeOf(() => noPhone.updateProfile({ notificationPreference: 'sms' }))).toBe(
      'PHONE_REQUIRED_FOR_SMS',
    );
  });

  it('validates the new values', () => {
    expect(codeOf(() => client.updateProfile({ phone: '123' }))).toBe('INVALID_PHONE');
    expect(codeOf(() => client.updateProfile({ fullName: ' ' }))).toBe('INVALID_FULL_NAME');
  });
});

describe('Client.destinationFor', () => {
  it('is the email for email and the phone for sms', () => {
    const client = Client.create(base);
    expect(client.destinationFor('email')).toBe('ana.perez@example.com');
    expect(client.destinationFor('sms')).toBe('+573001234567');
  });

  it('refuses sms without a phone', () => {
    const client = Client.create({ ...base, phone: null });
    expect(codeOf(() => client.destinationFor('sms'))).toBe('PHONE_REQUIRED_FOR_SMS');
  });

  it('restore keeps the snapshot as stored', () => {
    const client = Client.create(base);
    expect(Client.restore(client.toSnapshot()).toSnapshot()).toEqual(client.toSnapshot());
  });
});

describe('Client verification (ADR 0405)', () => {
  const client = Client.create(base);

  it('starts with nothing verified', () => {
    expect(client.isVerified('email')).toBe(false);
    expect(client.isVerified('sms')).toBe(false);
  });

  it('verifies the current destination of a channel, and only that one', () => {
    const email = client.withVerified('email', 'ana.perez@example.com');
    expect(email.isVerified('email')).toBe(true);
    expect(email.isVerified('sms')).toBe(false);
    expect(client.withVerified('sms', '+12025550123')).toBe(client);
    expect(client.withVerified('sms', '+573001234567').isVerified('sms')).toBe(true);
  });

  it('un-verifies the phone when it changes; the proved number counts again if it comes back', () => {
    const proved = client.withVerified('sms', '+573001234567');
    const moved = proved.updateProfile({ phone: '+573009999999' });
    expect(moved.isVerified('sms')).toBe(false);
    expect(moved.updateProfile({ phone: '+573001234567' }).isVerified('sms')).toBe(true);
    expect(
      proved.updateProfile({ phone: null, notificationPreference: 'email' }).isVerified('sms'),
    ).toBe(false);
  });
});
