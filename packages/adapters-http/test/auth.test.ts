/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type Api } from './support/test-app.js';

const registration = (extra: Record<string, unknown> = {}) => ({
  email: 'Juana.Perez@Example.com',
  password: PASSWORD,
  fullName: 'Juana Pérez',
  notificationPreference: 'email',
  ...extra,
});

describe('auth', () => {
  let api: Api;
  beforeEach(async () => {
    ({ api } = await createTestApp());
  });

  it('registers a client with COP 500.000, email in lower case, never the hash', async () => {
    const res = await api.send('POST', '/auth/register', {
      body: registration({ phone: '+573001234567' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'juana.perez@example.com',
      fullName: 'Juana Pérez',
      phone: '+573001234567',
      notificationPreference: 'email',
      role: 'client',
      balance: '500000.00',
      currency: 'COP',
      createdAt: '2026-01-15T15:00:00.000Z',
    });
    expect(Object.keys(res.body)).not.toContain('passwordHash');
  });

  it.each([
    ['role', 'admin'],
    ['balance', 9_999_999],
    ['id', 'mine'],
  ])('refuses mass assignment of %s with 400', async (field, value) => {
    const res = await api.send('POST', '/auth/register', {
      body: registration({ [field]: value }),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.errors[0].path).toContain(field);
  });

  it('answers 409 EMAIL_TAKEN for a duplicate email, whatever its case', async () => {
    await api.send('POST', '/auth/register', { body: registration() });
    const res = await api.send('POST', '/auth/register', {
      body: registration({ email: 'JUANA.PEREZ@example.com' }),
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  it.each([
    ['30 × ñ (60 bytes)', 'ñ'.repeat(30), 201],
    ['72 ASCII bytes', 'a'.repeat(72), 201],
    ['73 ASCII bytes', 'a'.repeat(73), 400],
    ['25 × 😀 (100 bytes)', '😀'.repeat(25), 400],
    ['11 characters', 'a'.repeat(11), 400],
  ])('applies the password rule: %s', async (_name, password, status) => {
    const res = await api.send('POST', '/auth/register', { body: registration({ password }) });
    expect(res.status).toBe(status);
    if (status === 400) expect(['INVALID_PASSWORD', 'VALIDATION_ERROR']).toContain(res.body.code);
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['phone', { phone: '3001234567' }],
    ['fullName', { fullName: '   ' }],
    ['fullName', { fullName: 'Juana\u0000' }],
  ])('refuses an invalid %s with 400 naming the field', async (path, extra) => {
    const res = await api.send('POST', '/auth/register', { body: registration(extra) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.errors).toEqual([{ path, message: expect.any(String) }]);
  });

  it('refuses a POST without a body with 400', async () => {
    const res = await api.app.request('/api/v1/auth/register', { method: 'POST' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('VALIDATION_ERROR');
  });

  it('refuses SMS preference without a phone: 422 PHONE_REQUIRED_FOR_SMS', async () => {
    const res = await api.send('POST', '/auth/register', {
      body: registration({ notificationPreference: 'sms' }),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PHONE_REQUIRED_FOR_SMS');
  });

  it('logs in; wrong password and unknown email get one identical answer', async () => {
    await api.send('POST', '/auth/register', { body: registration() });
    const ok = await api.send('POST', '/auth/login', {
      body: { email: 'juana.perez@example.com', password: PASSWORD },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(ok.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const wrong = await api.send('POST', '/auth/login', {
      body: { email: 'juana.perez@example.com', password: 'otra-clave-cualquiera' },
    });
    const unknown = await api.send('POST', '/auth/login', {
      body: { email: 'nadie@example.com', password: PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('rotates refresh tokens; reusing a rotated one revokes the session', async () => {
    const client = await api.newClient();
    const first = await api.send('POST', '/auth/refresh', {
      body: { refreshToken: client.refreshToken },
    });
    expect(first.status).toBe(200);
    const reuse = await api.send('POST', '/auth/refresh', {
      body: { refreshToken: client.refreshToken },
    });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    const next = await api.send('POST', '/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(next.status).toBe(401);
  });

  it('logs out (204) and the refresh token stops working; logout needs a bearer', async () => {
    const client = await api.newClient();
    const body = { refreshToken: client.refreshToken };
    expect((await api.send('POST', '/auth/logout', { body })).status).toBe(401);
    const out = await api.send('POST', '/auth/logout', { body, token: client.token });
    expect(out.status).toBe(204);
    expect(out.body).toBeNull();
    expect((await api.send('POST', '/auth/refresh', { body })).status).toBe(401);
  });
});

describe('auth: one identity per person (ADR 0221)', () => {
  it.each([
    ['a Cyrillic look-alike', 'juana.p\u0435rez@example.com', 'alfabetos distintos'],
    ['a zero-width space', 'juana.perez\u200b@example.com', 'invisibles'],
    ['a right-to-left mark', 'juana.perez\u200f@example.com', 'derecha a izquierda'],
  ])('refuses an address with %s with a clear 400', async (_case, email, why) => {
    const { api } = await createTestApp();
    const res = await api.send('POST', '/auth/register', { body: registration({ email }) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_EMAIL', errors: [{ path: 'email' }] });
    expect(res.body.detail).toContain(why);
  });

  it('answers 409 for an address that prints like a registered one', async () => {
    const { api } = await createTestApp();
    expect((await api.send('POST', '/auth/register', { body: registration() })).status).toBe(201);
    const twin = registration({ email: 'ｊｕａｎａ.perez@example.com' });
    const res = await api.send('POST', '/auth/register', { body: twin });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });
});
