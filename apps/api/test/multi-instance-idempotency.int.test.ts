/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONGODB_URI } from './mongo-support.js';
import { startFleet, type ApiFleet } from './support/api-fleet.js';
import { call, registeredClient } from './support/http-call.js';

/**
 * Issue 11, point 1, across real processes: three API instances on one store, one client's
 * Idempotency-Key sent to all of them, and a store that loses a reply after it wrote.
 */
describe.skipIf(MONGODB_URI === undefined)('three API processes, one Idempotency-Key', () => {
  let fleet: ApiFleet;
  const url = (i: number) => fleet.apis[i % fleet.apis.length]!.url;
  beforeAll(async () => {
    fleet = await startFleet(3, 'fleet_keys');
  }, 120_000);
  afterAll(() => fleet?.stop());

  const history = async (token: string) =>
    (await call(url(0), 'GET', '/transactions', { token })).body.items as Array<{ id: string }>;

  it('one money movement for one key sent to every instance at once', async () => {
    const token = await registeredClient(url(0), 'flota.una-clave@example.com');
    const headers = { 'Idempotency-Key': 'una-sola-vez' };
    const body = { fundId: '1' };
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        call(url(i), 'POST', '/subscriptions', { token, body, headers }),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_IN_FLIGHT' } });
    }
    const [first] = created;
    for (const answer of created) expect(answer.body).toEqual(first!.body);
    for (let i = 0; i < 3; i += 1) {
      const replay = await call(url(i), 'POST', '/subscriptions', { token, body, headers });
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first!.body);
    }
    expect((await history(token)).map((t) => t.id)).toEqual([first!.body.transaction.id]);
    expect((await call(url(2), 'GET', '/me', { token })).body.balance).toBe('425000.00');
  });

  it('a subscription written but whose reply was lost: the retry elsewhere answers it', async () => {
    const token = await registeredClient(url(0), 'flota.respuesta-perdida@example.com');
    const headers = { 'Idempotency-Key': 'respuesta-perdida' };
    const body = { fundId: '3' };
    fleet.proxy.dropReply('insert', 'ledger');
    const lost = await call(url(0), 'POST', '/subscriptions', { token, body, headers });
    fleet.proxy.disarm();
    // The append may have landed: the answer says so (504 OUTCOME_UNKNOWN, ADR 0206).
    expect(lost.status).toBe(504);
    expect(lost.body.code).toBe('OUTCOME_UNKNOWN');
    expect(fleet.proxy.applied.at(-1)).toBe('drop-reply insert ledger');
    const [written] = await history(token);
    const retry = await call(url(1), 'POST', '/subscriptions', { token, body, headers });
    expect(retry.status).toBe(201);
    expect(retry.body.transaction.id).toBe(written!.id);
    expect(retry.body.balance).toBe('450000.00');
    const replay = await call(url(2), 'POST', '/subscriptions', { token, body, headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(retry.body);
    expect(await history(token)).toHaveLength(1);
  });

  it('a cancellation whose reply was lost: the retry answers the refund, not ALREADY_CANCELLED', async () => {
    const token = await registeredClient(url(0), 'flota.cancelacion@example.com');
    const opened = await call(url(0), 'POST', '/subscriptions', { token, body: { fundId: '4' } });
    const path = `/subscriptions/${opened.body.subscription.id as string}`;
    const headers = { 'Idempotency-Key': 'cancelar-una-vez' };
    fleet.proxy.dropReply('insert', 'ledger');
    const lost = await call(url(1), 'DELETE', path, { token, headers });
    fleet.proxy.disarm();
    // The append may have landed: the answer says so (504 OUTCOME_UNKNOWN, ADR 0206).
    expect(lost.status).toBe(504);
    expect(lost.body.code).toBe('OUTCOME_UNKNOWN');
    const retry = await call(url(2), 'DELETE', path, { token, headers });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      subscription: { status: 'cancelled' },
      balance: '500000.00',
    });
    expect(await history(token)).toHaveLength(2);
  });

  it('a key whose success is stored nowhere but the ledger: replayed elsewhere (ADR 0715)', async () => {
    const token = await registeredClient(url(0), 'flota.sin-guardar@example.com');
    const headers = { 'Idempotency-Key': 'respuesta-sin-guardar' };
    const body = { fundId: '5' };
    // A tripwire: a stored answer would be an update of the key's record, lost here. None is sent.
    fleet.proxy.dropRequest('update', 'idempotency_keys');
    const first = await call(url(2), 'POST', '/subscriptions', { token, body, headers });
    expect(fleet.proxy.applied).not.toContain('drop-request update idempotency_keys');
    fleet.proxy.disarm();
    expect(first.status).toBe(201);
    const retry = await call(url(0), 'POST', '/subscriptions', { token, body, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await history(token)).toHaveLength(1);
  });
});
