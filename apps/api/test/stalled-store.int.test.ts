/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { WireProxy, type SeenCommand } from '@btg-funds/adapters-mongo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, dropDatabase, MONGODB_URI, uniqueDbName } from './mongo-support.js';
import { buildApi, spawnApi, type SpawnedApi } from './spawn-api.js';

const isLedgerInsert = (c: SeenCommand) => c.name === 'insert' && c.collection === 'ledger';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real process behind a proxy that stalls the store the way the issue measured it
 * (ADR 0206, 0304): an append whose answer never comes back, and a store that stops answering.
 */
describe.skipIf(MONGODB_URI === undefined)('a slow or stalled store gets honest answers', () => {
  const dbName = uniqueDbName('stall');
  let proxy: WireProxy;
  let api: SpawnedApi;
  const { call, login } = apiClient(() => api.url);

  beforeAll(async () => {
    buildApi();
    proxy = await WireProxy.start(MONGODB_URI!);
    api = await spawnApi({
      MONGODB_URI: proxy.uri(dbName),
      MONGODB_DB: dbName,
      MONGODB_SOCKET_TIMEOUT_MS: '3000',
      // A small pool, so a handful of stuck requests occupy all of it.
      MONGODB_POOL_SIZE: '2',
      REQUEST_TIMEOUT_MS: '4000',
      RATE_LIMITS: 'off',
      JWT_SECRET: 'stall-test-secret-of-at-least-32-bytes!!',
    });
    const email = 'paciente@example.com';
    const password = 'una-clave-muy-segura';
    await call('POST', '/auth/register', {
      email,
      password,
      fullName: 'Cliente Paciente',
      notificationPreference: 'email',
    });
    await login(email, password);
  }, 120_000);
  afterAll(async () => {
    proxy.release();
    if (api.child.exitCode === null) await api.stop();
    await proxy.close();
    await dropDatabase(MONGODB_URI!, dbName);
  });

  it('answers 504 OUTCOME_UNKNOWN when the append went out and its answer did not come back', async () => {
    proxy.holdRepliesTo(isLedgerInsert);
    const before = proxy.count(isLedgerInsert);
    const res = await call('POST', '/subscriptions', { fundId: '3' }, { 'Idempotency-Key': 'k-1' });
    expect(res.status).toBe(504);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body).toMatchObject({
      code: 'OUTCOME_UNKNOWN',
      detail:
        'La operación puede haberse aplicado; consulte su historial o reintente con la misma Idempotency-Key.',
    });
    // Past the request's own deadline: still the one append, no new attempt after the answer.
    await pause(2_500);
    expect(proxy.count(isLedgerInsert) - before).toBe(1);
    proxy.release();
    // The store did write it: the history says what the answer could not.
    const history = await call('GET', '/transactions');
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ fundId: '3', status: 'completed' });
    expect((await call('GET', '/me')).body.balance).toBe('450000.00');
  }, 30_000);

  it('notices a stalled store through the driver, not the request timer, and recovers steadily', async () => {
    proxy.freeze();
    const before = proxy.count(isLedgerInsert);
    const res = await call('POST', '/subscriptions', { fundId: '1' });
    // Nothing was sent to the ledger, so this one can say "not applied, retry" truthfully.
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(proxy.count(isLedgerInsert)).toBe(before);
    const notReady = await fetch(`${api.url}/health/ready`);
    expect(notReady.status).toBe(503);
    proxy.release();

    // Once the store answers again, readiness turns 200 and stays there (no flapping).
    const statuses: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      statuses.push((await fetch(`${api.url}/health/ready`)).status);
      await pause(200);
    }
    const firstReady = statuses.indexOf(200);
    expect(firstReady).toBeGreaterThanOrEqual(0);
    expect(statuses.slice(firstReady).every((status) => status === 200)).toBe(true);
    expect((await call('POST', '/subscriptions', { fundId: '1' })).status).toBe(201);
  }, 30_000);

  it('stays ready while stuck requests occupy the whole pool: readiness asks the store itself', async () => {
    const clients = await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const client = apiClient(() => api.url);
        const email = `ocupado${n}@example.com`;
        const password = 'una-clave-muy-segura';
        await client.call('POST', '/auth/register', {
          email,
          password,
          fullName: 'Cliente Ocupado',
          notificationPreference: 'email',
        });
        await client.login(email, password);
        return client;
      }),
    );
    proxy.holdRepliesTo(isLedgerInsert);
    const stuck = clients.map((client) => client.call('POST', '/subscriptions', { fundId: '3' }));
    await pause(300);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    proxy.release();
    for (const res of await Promise.all(stuck)) expect([201, 503, 504]).toContain(res.status);
  }, 30_000);
});
