/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createMongoStorage } from '@btg-funds/adapters-mongo';
import { JoseTokenIssuer } from '@btg-funds/adapters-http';
import { Fund, Money } from '@btg-funds/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, dropDatabase, MONGODB_URI, uniqueDbName } from './mongo-support.js';
import { buildApi, spawnApi, type SpawnedApi } from './spawn-api.js';

const PASSWORD = 'una-clave-muy-segura';
const RACE_FUNDS = ['race-1', 'race-2', 'race-3', 'race-4', 'race-5'];
const pemOf = (key: KeyObject, type: 'pkcs8' | 'spki') =>
  key.export({ type, format: 'pem' }).toString();

/**
 * Two and three real API processes on one store (ADR 0002, 0203, 0200): races split across
 * them keep exactly the right winners, a login limit is one limit, and a rotated signing key
 * logs nobody out. Each process has its own connection pool and its own per-client queue, so
 * only the store's unique inserts stand between them.
 */
describe.skipIf(MONGODB_URI === undefined)('several API processes on one store', () => {
  const dbName = uniqueDbName('multi');
  const signing = generateKeyPairSync('ed25519');
  const env = {
    MONGODB_URI: MONGODB_URI!,
    MONGODB_DB: dbName,
    JWT_PRIVATE_KEY: pemOf(signing.privateKey, 'pkcs8'),
    RATE_LIMITS: 'on',
    RATE_LIMIT_AUTH_PER_IP: '0',
    RATE_LIMIT_MONEY_PER_CLIENT: '0',
    LOGIN_FAILURES_PER_ADDRESS: '5',
    MONEY_MAX_PENDING_PER_CLIENT: '0',
  };
  const apis: SpawnedApi[] = [];

  beforeAll(async () => {
    buildApi();
    for (let i = 0; i < 3; i += 1) apis.push(await spawnApi(env));
    const storage = createMongoStorage({ uri: MONGODB_URI!, dbName });
    try {
      for (const id of RACE_FUNDS) {
        const minimumAmount = Money.parse('100000');
        await storage.funds.add(
          Fund.create({ id, name: `FONDO_${id}`, minimumAmount, category: 'FIC' }),
        );
      }
    } finally {
      await storage.close();
    }
  }, 120_000);
  afterAll(async () => {
    for (const api of apis) if (api.child.exitCode === null) await api.stop();
    await dropDatabase(MONGODB_URI!, dbName);
  });

  /** A new client, logged in once; its token works on every process (same signing key). */
  async function newClient(label: string) {
    const email = `${label}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const { call, login } = apiClient(() => apis[0]!.url);
    const registered = await call('POST', '/auth/register', {
      email,
      password: PASSWORD,
      fullName: 'Cliente Multiproceso',
      notificationPreference: 'email',
    });
    expect(registered.status).toBe(201);
    const token = (await login(email, PASSWORD)).body.accessToken as string;
    const on = (index: number) => {
      const { call: send } = apiClient(() => apis[index]!.url);
      return (method: string, path: string, body?: unknown) =>
        send(method, path, body, { Authorization: `Bearer ${token}` });
    };
    return { email, token, on };
  }

  it('two processes hold one failed-login limit of 5 per account and address, not 5 each', async () => {
    const body = { email: `victima-${Date.now()}@example.com`, password: 'adivinanza-123' };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const { call } = apiClient(() => apis[i % 2]!.url);
      statuses.push((await call('POST', '/auth/login', body)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it.each([2, 3])(
    '%i processes: a 50-way race gives exactly one winner per fund and a balance of 0.00',
    async (processes) => {
      const client = await newClient(`race${processes}`);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          client.on(i % processes)('POST', '/subscriptions', {
            fundId: RACE_FUNDS[i % 5],
            amount: '100000',
          }),
        ),
      );
      const winners = results.filter((r) => r.status === 201);
      const winningFunds = winners.map((r) => r.body.subscription.fundId as string);
      expect(winningFunds.sort()).toEqual(RACE_FUNDS);
      const codes = results.filter((r) => r.status !== 201).map((r) => r.body.code as string);
      expect(codes).toHaveLength(45);
      for (const code of codes)
        expect(['ALREADY_SUBSCRIBED', 'INSUFFICIENT_BALANCE']).toContain(code);
      const me = await client.on(processes - 1)('GET', '/me');
      expect(me.body.balance).toBe('0.00');
      const history = await client.on(0)('GET', '/transactions?limit=100');
      const items = history.body.items as Array<{ status: string }>;
      const completed = items.filter((t) => t.status === 'completed');
      expect(completed).toHaveLength(5);
      expect(history.body.items).toHaveLength(
        5 + codes.filter((c) => c === 'INSUFFICIENT_BALANCE').length,
      );
    },
    60_000,
  );

  it.each([2, 3])(
    '%i processes: ten racing cancels refund once',
    async (processes) => {
      const client = await newClient(`cancel${processes}`);
      const subscribed = await client.on(0)('POST', '/subscriptions', { fundId: '4' });
      expect(subscribed.status).toBe(201);
      const id = subscribed.body.subscription.id as string;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          client.on(i % processes)('DELETE', `/subscriptions/${id}`),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      for (const r of results.filter((res) => res.status !== 200)) {
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('ALREADY_CANCELLED');
      }
      expect((await client.on(1)('GET', '/me')).body.balance).toBe('500000.00');
      const history = await client.on(0)('GET', '/transactions');
      expect(history.body.items.map((t: { type: string }) => t.type)).toEqual([
        'cancellation',
        'subscription',
      ]);
    },
    60_000,
  );

  it('after a key rotation, tokens of the previous key still work; an unknown kid does not', async () => {
    const client = await newClient('rotation');
    const next = generateKeyPairSync('ed25519');
    const rotated = await spawnApi({
      ...env,
      JWT_PRIVATE_KEY: pemOf(next.privateKey, 'pkcs8'),
      JWT_PREVIOUS_PUBLIC_KEYS: pemOf(signing.publicKey, 'spki'),
    });
    try {
      const { call } = apiClient(() => rotated.url);
      const me = await call('GET', '/me', undefined, { Authorization: `Bearer ${client.token}` });
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(client.email);

      // Well formed and signed, but by a key nobody configured: its kid is unknown.
      const stranger = generateKeyPairSync('ed25519');
      const { token: forged } = await new JoseTokenIssuer({
        algorithm: 'EdDSA',
        signingKey: stranger.privateKey,
        verificationKey: stranger.publicKey,
        issuer: 'btg-funds',
        audience: 'btg-funds-api',
        accessTtlSeconds: 300,
        clockToleranceSeconds: 5,
        now: () => new Date(),
      }).issue({ clientId: me.body.id as string, role: 'client' });
      const refused = await call('GET', '/me', undefined, { Authorization: `Bearer ${forged}` });
      expect(refused.status).toBe(401);
    } finally {
      await rotated.stop();
    }
  }, 60_000);
});
