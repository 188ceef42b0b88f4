/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   Log lines and bodies are untyped JSON on purpose: the assertions check their shape. */
import { OutcomeUnknown, StorageUnavailable } from '@btg-funds/application';
import { describe, expect, it, vi } from 'vitest';
import { isoTimeOncePerMillisecond } from '../src/runtime/logger.js';
import { resolve, TOKENS } from '../src/tokens.js';
import { inProcessApi, PASSWORD } from './support/in-process-api.js';

describe('the access log, read from real pino lines', () => {
  it('writes one line per request with its fields and no personal data or secrets', async () => {
    const api = await inProcessApi();
    const token = await api.signUp('cliente.logs@example.com', { verify: false });
    const me = await api.call('GET', '/me', undefined, {
      'X-Request-Id': 'req-log-1',
      Cookie: 'session=top-secret-cookie',
    });
    expect(me.status).toBe(200);

    const requests = api.lines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => `${String(line.method)} ${String(line.route)}`)).toEqual([
      'POST /api/v1/auth/register',
      'POST /api/v1/auth/login',
      'GET /api/v1/me',
    ]);
    const meLine = requests.at(-1)!;
    expect(meLine).toMatchObject({
      level: 30,
      service: 'btg-funds-api',
      requestId: 'req-log-1',
      route: '/api/v1/me',
      status: 200,
      clientId: me.body.id,
    });
    expect(typeof meLine.time).toBe('string');
    expect(meLine.latencyMs).toBeGreaterThanOrEqual(0);

    const everything = api.raw.join('\n');
    for (const secret of [
      'cliente.logs@example.com',
      PASSWORD,
      '3001234567',
      token,
      'top-secret-cookie',
      'Bearer',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('prints a verification code in the console sender line, for `npm start` (ADR 0405)', async () => {
    const api = await inProcessApi();
    await api.signUp('cliente.codigo@example.com', { verify: false });
    const sent = await api.call('POST', '/me/verification', { channel: 'email' });
    expect(sent.status).toBe(202);
    const line = api.lines.find((l) => String(l.subject).includes('código de verificación'));
    expect(line).toMatchObject({ channel: 'email', destination: 'c***o@example.com' });
    const code = api.loggedCode();
    expect(String(line?.text)).toContain(code);
    expect(sent.text).not.toContain(code);
    const done = await api.call('POST', '/me/verification/confirm', { channel: 'email', code });
    expect(done.body.emailVerified).toBe(true);
  });

  it('in production, keeps a code out of the log of a channel without a provider, and says so', async () => {
    const api = await inProcessApi({
      NODE_ENV: 'production',
      ALLOW_MEMORY_STORAGE: 'true',
      JWT_SECRET: 'x'.repeat(40),
    });
    const warning = api.lines.find((l) => String(l.msg).includes('NOT delivered'));
    expect(warning).toMatchObject({ level: 40, channels: ['email', 'sms'] });
    await api.signUp('cliente.prod@example.com', { verify: false });
    const sent = await api.call('POST', '/me/verification', { channel: 'email' });
    expect(sent.status).toBe(202);
    const line = api.lines.find((l) => String(l.subject).includes('código de verificación'));
    expect(line).toMatchObject({ channel: 'email', destination: 'c***d@example.com' });
    expect(line).not.toHaveProperty('text');
    expect(api.raw.join('\n')).not.toMatch(/código de verificación es|\b\d{6}\b.*código/i);
    expect(() => api.loggedCode()).toThrow(/no verification code/);
  });

  it('in production, warns only of the channel the senders fell back on', async () => {
    const api = await inProcessApi({
      NODE_ENV: 'production',
      ALLOW_MEMORY_STORAGE: 'true',
      JWT_SECRET: 'x'.repeat(40),
      // Never dialled: the test sends nothing by e-mail.
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SMTP_FROM: 'no-reply@example.com',
    });
    const warnings = api.lines.filter((l) => String(l.msg).includes('NOT delivered'));
    expect(warnings).toEqual([expect.objectContaining({ level: 40, channels: ['sms'] })]);
  });

  it('redacts secrets that reach the logger through a context object', async () => {
    const api = await inProcessApi();
    const logger = resolve(api.container, TOKENS.Logger);
    logger.warn(
      { email: 'a@b.co', user: { phone: '+573009998877', password: 'x', authorization: 'B t' } },
      'careless',
    );
    expect(api.lines.at(-1)).toMatchObject({
      email: '[redacted]',
      user: { phone: '[redacted]', password: '[redacted]', authorization: '[redacted]' },
    });
  });

  it('logs an unexpected error with its cause chain and tells the client nothing', async () => {
    const api = await inProcessApi();
    const storage = resolve(api.container, TOKENS.Storage);
    const cause = new Error('connection reset by 10.0.3.7:27017');
    storage.funds.list = () => Promise.reject(new Error('funds query failed', { cause }));

    const res = await api.call('GET', '/funds', undefined, { 'X-Request-Id': 'req-500' });
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL_ERROR');
    expect(res.text).not.toContain('10.0.3.7');
    expect(res.text).not.toContain('funds query failed');

    const error = api.lines.find((line) => line.msg === 'unexpected error')!;
    expect(error).toMatchObject({
      level: 50,
      requestId: 'req-500',
      err: { message: 'funds query failed', cause: { message: cause.message } },
    });
    expect(api.lines.at(-1)).toMatchObject({ msg: 'request', status: 500, route: '/api/v1/funds' });
  });

  it('says what kind of trouble a 503 or a 504 was, and keeps "unexpected error" for bugs', async () => {
    const api = await inProcessApi();
    const storage = resolve(api.container, TOKENS.Storage);
    const cause = new Error('server selection timed out');
    storage.funds.list = () => Promise.reject(new StorageUnavailable('no primary', { cause }));
    const down = await api.call('GET', '/funds', undefined, { 'X-Request-Id': 'req-503' });
    expect(down.status).toBe(503);
    expect(
      api.lines.find((line) => line.requestId === 'req-503' && line.level === 50),
    ).toMatchObject({
      msg: 'service unavailable: answered 503',
      status: 503,
      err: { type: 'StorageUnavailable', cause: { message: cause.message } },
    });

    storage.funds.list = () => Promise.reject(new OutcomeUnknown({ cause }));
    const unknown = await api.call('GET', '/funds', undefined, { 'X-Request-Id': 'req-504' });
    expect(unknown.status).toBe(504);
    expect(
      api.lines.find((line) => line.requestId === 'req-504' && line.level === 50),
    ).toMatchObject({
      msg: 'outcome unknown: answered 504',
      status: 504,
    });
    expect(api.lines.filter((line) => line.msg === 'unexpected error')).toEqual([]);
  });
});

describe('isoTimeOncePerMillisecond', () => {
  it("gives pino's isoTime text, built again only when the millisecond changes", () => {
    let ms = Date.UTC(2026, 11, 1, 23, 59, 59, 998);
    let formatted = 0;
    const counted = (date: Date): string => {
      formatted += 1;
      return date.toISOString();
    };
    const time = isoTimeOncePerMillisecond(() => ms, counted);
    expect(time()).toBe(',"time":"2026-12-01T23:59:59.998Z"');
    expect(time()).toBe(',"time":"2026-12-01T23:59:59.998Z"');
    expect(formatted).toBe(1);
    ms += 2;
    expect(time()).toBe(',"time":"2026-12-02T00:00:00.000Z"');
    expect(formatted).toBe(2);
  });

  it("writes each millisecond as pino's isoTime does, without toISOString by default", () => {
    // A leap day, the turn of a year and of a century, the epoch, and times before it.
    const instants = [
      Date.UTC(2028, 1, 29, 12, 0, 0, 1),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2100, 0, 1),
      0,
      -1,
      Date.UTC(1969, 6, 20, 20, 17, 40, 5),
    ];
    const expected = instants.map((ms) => `,"time":"${new Date(ms).toISOString()}"`);
    const iso = vi.spyOn(Date.prototype, 'toISOString');
    try {
      const texts = instants.map((ms) => isoTimeOncePerMillisecond(() => ms)());
      expect(iso).not.toHaveBeenCalled();
      expect(texts).toEqual(expected);
    } finally {
      iso.mockRestore();
    }
  });
});
