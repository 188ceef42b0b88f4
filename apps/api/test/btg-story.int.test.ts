/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi, spawnApi, type SpawnedApi } from './spawn-api.js';

describe('the BTG story over real HTTP, against the built process', () => {
  let api: SpawnedApi;
  let token = '';
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: {
        ...(token !== '' && { Authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text === '' ? null : JSON.parse(text),
    };
  };
  const balance = async () => (await call('GET', '/me')).body.balance as string;

  beforeAll(async () => {
    buildApi();
    api = await spawnApi({ RATE_LIMITS: 'off' });
  }, 120_000);
  afterAll(async () => {
    if (api.child.exitCode === null) await api.stop();
  });

  it('registers, lists the funds, subscribes, is refused, cancels and replays', async () => {
    const email = 'cliente.btg@example.com';
    const password = 'una-clave-muy-segura';
    const reg = await call('POST', '/auth/register', {
      email,
      password,
      fullName: 'Cliente BTG',
      notificationPreference: 'email',
    });
    expect(reg.status).toBe(201);
    expect(reg.body.balance).toBe('500000.00');
    token = (await call('POST', '/auth/login', { email, password })).body.accessToken;

    const funds = await call('GET', '/funds');
    expect(funds.body.items.map((f: { name: string }) => f.name)).toEqual([
      'FPV_BTG_PACTUAL_RECAUDADORA',
      'FPV_BTG_PACTUAL_ECOPETROL',
      'DEUDAPRIVADA',
      'FDO-ACCIONES',
      'FPV_BTG_PACTUAL_DINAMICA',
    ]);
    // The list is written as bytes encoded once (ADR 0736): framed exactly, tagged, revalidated.
    const raw = await fetch(`${api.url}/api/v1/funds`);
    const rawText = await raw.text();
    expect(Number(raw.headers.get('content-length'))).toBe(Buffer.byteLength(rawText));
    expect(JSON.parse(rawText)).toEqual(funds.body);
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = raw.headers.get('etag')!;
    expect((await call('GET', '/funds', undefined, { 'If-None-Match': etag })).status).toBe(304);

    const subscriptions: Record<string, string> = {};
    for (const fundId of ['1', '2', '3', '5']) {
      const res = await call('POST', '/subscriptions', { fundId });
      expect(res.status).toBe(201);
      subscriptions[fundId] = res.body.subscription.id;
    }
    expect(await balance()).toBe('150000.00');

    const refused = await call('POST', '/subscriptions', { fundId: '4' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.code).toBe('INSUFFICIENT_BALANCE');
    expect(refused.body.detail).toBe(
      'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
    );
    expect(await balance()).toBe('150000.00');

    const history = await call('GET', '/transactions');
    expect(
      history.body.items.map((t: { status: string; fundId: string }) => `${t.status}:${t.fundId}`),
    ).toEqual(['failed:4', 'completed:5', 'completed:3', 'completed:2', 'completed:1']);

    const cancelled = await call('DELETE', `/subscriptions/${subscriptions['2']!}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.balance).toBe('275000.00');
    expect(cancelled.body.transaction).toMatchObject({ type: 'cancellation', amount: '125000.00' });

    const key = { 'Idempotency-Key': 'story-retry-1' };
    const first = await call('POST', '/subscriptions', { fundId: '2' }, key);
    const replay = await call('POST', '/subscriptions', { fundId: '2' }, key);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await balance()).toBe('150000.00');
    expect(first.headers.get('x-request-id')).toBeTruthy();
  });

  it('serves the docs page from local assets', async () => {
    const res = await fetch(`${api.url}/api/v1/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/https?:\/\//);
  });

  it('logs one JSON line per request without tokens or emails, and exits 0 on SIGTERM', async () => {
    const code = await api.stop();
    expect(code).toBe(0);
    const output = api.logs.join('\n');
    expect(output).toContain('"route":"/api/v1/subscriptions"');
    expect(output).not.toContain('cliente.btg@example.com');
    expect(output).not.toContain('una-clave-muy-segura');
    expect(output).not.toContain(token);
  });
});
