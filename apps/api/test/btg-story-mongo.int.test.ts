/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, dropDatabase, MONGODB_URI, uniqueDbName } from './mongo-support.js';
import { buildApi, spawnApi, type SpawnedApi } from './spawn-api.js';

/** The BTG story of btg-story.int.test.ts once more, with the process on Mongo storage. */
describe.skipIf(MONGODB_URI === undefined)('the BTG story over real HTTP on Mongo storage', () => {
  const dbName = uniqueDbName('story');
  let api: SpawnedApi;
  const { call, login } = apiClient(() => api.url);
  const balance = async () => (await call('GET', '/me')).body.balance as string;

  beforeAll(async () => {
    buildApi();
    api = await spawnApi({ RATE_LIMITS: 'off', MONGODB_URI: MONGODB_URI!, MONGODB_DB: dbName });
  }, 120_000);
  afterAll(async () => {
    if (api?.child.exitCode === null) await api.stop();
    await dropDatabase(MONGODB_URI!, dbName);
  });

  it('runs on Mongo and is ready only because Mongo answers', async () => {
    expect(api.logs.join('\n')).toContain('"storage":"mongo"');
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
  });

  it('registers, subscribes, is refused, cancels and replays', async () => {
    const email = 'cliente.mongo@example.com';
    const password = 'una-clave-muy-segura';
    const reg = await call('POST', '/auth/register', {
      email,
      password,
      fullName: 'Cliente Mongo',
      notificationPreference: 'email',
    });
    expect(reg.status).toBe(201);
    expect(reg.body.balance).toBe('500000.00');
    expect((await call('POST', '/auth/register', { ...reg.body, password })).status).toBe(400);
    const again = {
      email: email.toUpperCase(),
      password,
      fullName: 'X',
      notificationPreference: 'email',
    };
    expect((await call('POST', '/auth/register', again)).status).toBe(409);
    await login(email, password);

    const funds = await call('GET', '/funds');
    expect(funds.body.items.map((f: { id: string }) => f.id)).toEqual(['1', '2', '3', '4', '5']);

    const subscriptions: Record<string, string> = {};
    for (const fundId of ['1', '2', '3', '5']) {
      const res = await call('POST', '/subscriptions', { fundId });
      expect(res.status).toBe(201);
      subscriptions[fundId] = res.body.subscription.id;
    }
    expect(await balance()).toBe('150000.00');

    const refused = await call('POST', '/subscriptions', { fundId: '4' });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe(
      'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
    );
    const history = await call('GET', '/transactions?limit=3');
    expect(history.body.items.map((t: { status: string }) => t.status)).toEqual([
      'failed',
      'completed',
      'completed',
    ]);
    const next = await call('GET', `/transactions?limit=3&cursor=${history.body.nextCursor}`);
    expect(next.body.items.map((t: { fundId: string }) => t.fundId)).toEqual(['2', '1']);

    const cancelled = await call('DELETE', `/subscriptions/${subscriptions['2']!}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.balance).toBe('275000.00');
    expect((await call('DELETE', `/subscriptions/${subscriptions['2']!}`)).status).toBe(409);

    const key = { 'Idempotency-Key': 'story-mongo-1' };
    const first = await call('POST', '/subscriptions', { fundId: '2' }, key);
    const replay = await call('POST', '/subscriptions', { fundId: '2' }, key);
    expect(first.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await balance()).toBe('150000.00');
  });

  it('exits 0 on SIGTERM, closing its connections', async () => {
    expect(await api.stop()).toBe(0);
  });
});
