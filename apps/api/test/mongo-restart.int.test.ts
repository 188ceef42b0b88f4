/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, dropDatabase, MONGODB_URI, uniqueDbName } from './mongo-support.js';
import { buildApi, spawnApi, type SpawnedApi } from './spawn-api.js';

/** `MONGODB_URI=… npm start` keeps its data across a process restart (the done-when). */
describe.skipIf(MONGODB_URI === undefined)('Mongo storage survives a process restart', () => {
  const dbName = uniqueDbName('restart');
  // A fixed key, so tokens signed by the first process stay valid for the second.
  const env = {
    RATE_LIMITS: 'off',
    MONGODB_URI: MONGODB_URI!,
    MONGODB_DB: dbName,
    JWT_SECRET: 'restart-test-secret-of-at-least-32-bytes!!',
  };
  let api: SpawnedApi | undefined;
  const { call, login } = apiClient(() => api!.url);

  beforeAll(() => buildApi(), 120_000);
  afterAll(async () => {
    if (api?.child.exitCode === null) await api.stop();
    await dropDatabase(MONGODB_URI!, dbName);
  });

  it('keeps clients, money, history, fund edits and idempotency keys', async () => {
    api = await spawnApi(env);
    const email = 'restart@example.com';
    const password = 'una-clave-muy-segura';
    await call('POST', '/auth/register', {
      email,
      password,
      fullName: 'Cliente Reinicio',
      notificationPreference: 'email',
    });
    await login(email, password);
    const key = { 'Idempotency-Key': 'restart-1' };
    const first = await call('POST', '/subscriptions', { fundId: '4' }, key);
    expect(first.status).toBe(201);
    expect(await api.stop()).toBe(0);

    api = await spawnApi(env);
    expect((await call('GET', '/me')).body.balance).toBe('250000.00');
    await login(email, password);
    const replay = await call('POST', '/subscriptions', { fundId: '4' }, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const history = await call('GET', '/transactions');
    expect(history.body.items).toHaveLength(1);
    const active = await call('GET', '/subscriptions?status=active');
    expect(active.body.items.map((s: { fundId: string }) => s.fundId)).toEqual(['4']);
    // Seeding at start-up is idempotent: still five funds, not ten.
    expect((await call('GET', '/funds')).body.items).toHaveLength(5);
  }, 60_000);
});
