/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return --
   Response bodies are untyped JSON on purpose. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '../src/tokens.js';
import { MONGODB_URI, uniqueDbName } from './mongo-support.js';
import { countedMongoApi } from './support/counted-mongo-api.js';

const PASSWORD = 'una-clave-muy-segura';
const ADMIN = { email: 'admin.costos@example.com', password: PASSWORD };

/**
 * Issue 11 §6: every request costs a constant number of storage round trips, whatever the size
 * of the data. Each route family is called once on a small data set and once after the client's
 * ledger has grown by 700 entries and 150 more clients exist; the commands each request sent to
 * the store (the driver's command monitoring) must be the same list both times.
 */
describe.skipIf(MONGODB_URI === undefined)('storage round trips per request (Mongo)', () => {
  let api: Awaited<ReturnType<typeof countedMongoApi>>;
  let clientId = '';

  const register = async (email: string) =>
    api.call('POST', '/auth/register', {
      body: {
        email,
        password: PASSWORD,
        fullName: 'Cliente Costos',
        notificationPreference: 'email',
      },
    });
  const login = async (email: string) =>
    (await api.call('POST', '/auth/login', { body: { email, password: PASSWORD } })).body;

  beforeAll(async () => {
    api = await countedMongoApi(MONGODB_URI!, uniqueDbName('round_trips'), ADMIN);
    clientId = (await register('cliente.costos@example.com')).body.id;
  }, 60_000);
  afterAll(async () => {
    await api?.drop();
    await api?.close();
  });

  /** Storage waits in a row of each route's last call (commands sent together: one wait). */
  const waits: Record<string, number> = {};

  /** Calls every route family once; returns the commands each call sent, by route. */
  async function roundTrips(): Promise<Record<string, string[]>> {
    const seen: Record<string, string[]> = {};
    const call = async (name: string, expected: number, ...args: Parameters<typeof api.call>) => {
      const res = await api.call(...args);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(expected);
      seen[name] = res.commands;
      waits[name] = res.waits;
      return res.body;
    };
    const tag = randomUUID().slice(0, 8);
    await call('POST /auth/register', 201, 'POST', '/auth/register', {
      body: {
        email: `nuevo-${tag}@example.com`,
        password: PASSWORD,
        fullName: 'Nuevo',
        notificationPreference: 'sms',
        phone: '+573001112233',
      },
    });
    const session = await call('POST /auth/login', 200, 'POST', '/auth/login', {
      body: { email: 'cliente.costos@example.com', password: PASSWORD },
    });
    const refreshed = await call('POST /auth/refresh', 200, 'POST', '/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    const token: string = refreshed.accessToken;
    // Logging out ends that session (ADR 0220): log out a second one, keep `token` alive.
    const other = await api.call('POST', '/auth/login', {
      body: { email: 'cliente.costos@example.com', password: PASSWORD },
    });
    await call('POST /auth/logout', 204, 'POST', '/auth/logout', {
      token: other.body.accessToken,
      body: { refreshToken: other.body.refreshToken },
    });
    await call('GET /me', 200, 'GET', '/me', { token });
    await call('PATCH /me', 200, 'PATCH', '/me', { token, body: { fullName: `Cliente ${tag}` } });
    await call('GET /funds', 200, 'GET', '/funds');
    await call('GET /funds/{id}', 200, 'GET', '/funds/3');

    const opened = await call('POST /subscriptions', 201, 'POST', '/subscriptions', {
      token,
      body: { fundId: '3' },
    });
    const keyed = { token, body: { fundId: '1' }, headers: { 'Idempotency-Key': `k-${tag}` } };
    const first = await call('POST /subscriptions (key)', 201, 'POST', '/subscriptions', keyed);
    await call('POST /subscriptions (replay)', 201, 'POST', '/subscriptions', keyed);
    await call('POST /subscriptions (refused)', 422, 'POST', '/subscriptions', {
      token,
      body: { fundId: '4', amount: '900000' },
    });
    await call('GET /subscriptions', 200, 'GET', '/subscriptions', { token });
    await call('GET /subscriptions?status=active', 200, 'GET', '/subscriptions?status=active', {
      token,
    });
    const subscriptionId: string = opened.subscription.id;
    await call('GET /subscriptions/{id}', 200, 'GET', `/subscriptions/${subscriptionId}`, {
      token,
    });
    await call('DELETE /subscriptions/{id}', 200, 'DELETE', `/subscriptions/${subscriptionId}`, {
      token,
    });
    await call(
      'DELETE /subscriptions/{id} (again)',
      409,
      'DELETE',
      `/subscriptions/${subscriptionId}`,
      {
        token,
      },
    );
    await call(
      'DELETE /subscriptions/{id} (key)',
      200,
      'DELETE',
      `/subscriptions/${first.subscription.id}`,
      {
        token,
        headers: { 'Idempotency-Key': `c-${tag}` },
      },
    );
    // After the cancellations above: a page with entries, on small data as on grown.
    await call(
      'GET /subscriptions?status=cancelled',
      200,
      'GET',
      '/subscriptions?status=cancelled',
      { token },
    );

    const page = await call('GET /transactions', 200, 'GET', '/transactions?limit=2', { token });
    await call(
      'GET /transactions?cursor',
      200,
      'GET',
      `/transactions?limit=2&cursor=${page.nextCursor}`,
      {
        token,
      },
    );
    await call(
      'GET /transactions?fundId',
      200,
      'GET',
      '/transactions?limit=5&fundId=3&status=completed',
      {
        token,
      },
    );
    await call('GET /transactions/{id}', 200, 'GET', `/transactions/${page.items[0].id}`, {
      token,
    });
    await call('GET /notifications', 200, 'GET', '/notifications', { token });

    const admin = (await login(ADMIN.email)).accessToken as string;
    await call('GET /admin/clients', 200, 'GET', '/admin/clients?limit=100', { token: admin });
    await call('GET /admin/clients/{id}', 200, 'GET', `/admin/clients/${clientId}`, {
      token: admin,
    });
    await call(
      'GET /admin/clients/{id}/transactions',
      200,
      'GET',
      `/admin/clients/${clientId}/transactions`,
      {
        token: admin,
      },
    );
    const fundId = `F${tag}`;
    await call('POST /funds', 201, 'POST', '/funds', {
      token: admin,
      body: { id: fundId, name: `FONDO_${tag}`, minimumAmount: '10000', category: 'FIC' },
    });
    await call('PATCH /funds/{id}', 200, 'PATCH', `/funds/${fundId}`, {
      token: admin,
      body: { minimumAmount: '20000' },
    });
    await call('GET /health/ready', 200, 'GET', '/health/ready');
    return seen;
  }

  /** 700 more ledger entries for the client, and 150 more clients (each with one entry). */
  async function growData(): Promise<void> {
    const { subscribeToFund, cancelSubscription } = resolve(api.container, TOKENS.UseCases);
    for (let cycle = 0; cycle < 350; cycle += 1) {
      const { result } = await subscribeToFund.execute({ clientId, fundId: '3' });
      await cancelSubscription.execute({ clientId, subscriptionId: result.subscription.id });
    }
    const others = Array.from({ length: 150 }, (_, i) => i);
    for (let start = 0; start < others.length; start += 10) {
      await Promise.all(
        others.slice(start, start + 10).map(async (i) => {
          const other = (await register(`otro-${i}@example.com`)).body.id as string;
          await subscribeToFund.execute({ clientId: other, fundId: '5' });
        }),
      );
    }
  }

  it('is the same list of commands for every route, on small and on grown data', async () => {
    const small = await roundTrips();
    await growData();
    const grown = await roundTrips();
    // eslint-disable-next-line no-console -- PRINT_ROUND_TRIPS=1: the per-route table of the docs
    if (process.env.PRINT_ROUND_TRIPS) console.log(JSON.stringify({ grown, waits }, null, 1));
    expect(Object.keys(grown)).toEqual(Object.keys(small));
    const changed = Object.keys(small).filter(
      (route) => JSON.stringify(grown[route]) !== JSON.stringify(small[route]),
    );
    expect(changed.map((route) => ({ route, small: small[route], grown: grown[route] }))).toEqual(
      [],
    );
    // The money requests (ADR 0715): what each sends and why, and how many storage waits in a
    // row. Reads keyed by the request (client, fund, the ledger head: the latest entry as a
    // hint, ADR 0720) go out together; the
    // subscription's own entries are read only to explain a refused cancellation; the ledger
    // head moves alongside the outbox record, after the entry; a key's success is not stored
    // (a retry is answered from the ledger entry holding its transaction id).
    const subscribe = ['find clients', 'find funds', 'find ledger_heads', 'insert ledger'];
    const afterEntry = ['update ledger_heads', 'insert notifications'];
    const cancel = ['find clients', 'find ledger_heads', 'insert ledger'];
    const route = (name: string) => ({ commands: grown[name], waits: waits[name] });
    expect({
      register: route('POST /auth/register'),
      subscribe: route('POST /subscriptions'),
      subscribeWithKey: route('POST /subscriptions (key)'),
      replay: route('POST /subscriptions (replay)'),
      refused: route('POST /subscriptions (refused)'),
      cancel: route('DELETE /subscriptions/{id}'),
      cancelWithKey: route('DELETE /subscriptions/{id} (key)'),
      cancelAgain: route('DELETE /subscriptions/{id} (again)'),
    }).toEqual({
      // A client created under a fresh id has no ledger to read.
      register: { commands: ['insert clients'], waits: 1 },
      subscribe: { commands: [...subscribe, ...afterEntry], waits: 3 },
      subscribeWithKey: {
        commands: ['insert idempotency_keys', ...subscribe, ...afterEntry],
        waits: 4,
      },
      // The key's record, then the entry holding its transaction id and its subscription.
      replay: {
        commands: [
          'insert idempotency_keys',
          'find idempotency_keys',
          'find ledger',
          'find ledger',
        ],
        waits: 4,
      },
      refused: { commands: [...subscribe, 'update ledger_heads'], waits: 3 },
      cancel: { commands: [...cancel, ...afterEntry], waits: 3 },
      cancelWithKey: { commands: ['insert idempotency_keys', ...cancel, ...afterEntry], waits: 4 },
      // Not held on the hint: a refusal appends nothing to prove the hint current, so the
      // position after it is probed; the subscription's entries say why (already cancelled).
      // The transaction id is new (no key), so no entry can hold it: not looked for (ADR 0721).
      cancelAgain: {
        commands: ['find clients', 'find ledger_heads', 'find ledger', 'find ledger'],
        waits: 3,
      },
    });

    // The other requests whose reads go out together (ADR 0715, second part). Each session's
    // first request reads its liveness (`revoked_families`, then cached: ADR 0220).
    expect({
      refresh: route('POST /auth/refresh'),
      updateProfile: route('PATCH /me'),
      clientTransactions: route('GET /admin/clients/{id}/transactions'),
    }).toEqual({
      // The token, then its family's liveness with its client, then the token is spent (the
      // unique insert that decides a rotation) and only then its successor issued.
      refresh: {
        commands: [
          'find refresh_tokens',
          'find revoked_families',
          'find clients',
          'insert refresh_token_uses',
          'insert refresh_tokens',
        ],
        waits: 4,
      },
      // The client with its ledger head, the probe of the next position, then the edit.
      updateProfile: {
        commands: [
          'find revoked_families',
          'find clients',
          'find ledger_heads',
          'find ledger',
          'update clients',
        ],
        waits: 4,
      },
      // Does the client exist (not its balance), with the page: one wait.
      clientTransactions: { commands: ['find clients', 'find ledger'], waits: 1 },
    });

    // Listing 100 clients reads the page and then the balances in a batch, not one per client.
    expect(grown['GET /admin/clients']!.length).toBeLessThanOrEqual(5);

    // GET /me with ~700 entries: every read is by `_id` (the client, the ledger head, the probe
    // of the next position), none a sort over the client's history (ADR 0707).
    const token = (await login('cliente.costos@example.com')).accessToken as string;
    const me = await api.call('GET', '/me', { token });
    expect(me.status).toBe(200);
    // By equality: FerretDB v1 pushes `_id: value` down to its backend, never `_id: {$in}`.
    const filters = me.finds.map(({ filter }) => filter);
    expect(filters.map((filter) => Object.keys(filter))).toEqual(filters.map(() => ['_id']));
    expect(filters.map((filter) => typeof filter._id)).toEqual(filters.map(() => 'string'));
    expect(me.finds.map(({ collection }) => collection).sort()).toEqual(
      ['clients', 'ledger', 'ledger_heads'].sort(),
    );

    // A subscription there reads by `_id` only as well: the client, the fund and the ledger
    // head, never a sort of the client's ~700 entries (ADR 0720); FerretDB v1 scans for one.
    const subscribed = await api.call('POST', '/subscriptions', { token, body: { fundId: '2' } });
    expect(subscribed.status).toBe(201);
    // The session's liveness (the middleware's, cached 2 s: ADR 0220) may or may not be read.
    const moneyFinds = subscribed.finds.filter(
      ({ collection }) => collection !== 'revoked_families',
    );
    const moneyFilters = moneyFinds.map(({ filter }) => filter);
    expect(moneyFilters.map((filter) => Object.keys(filter))).toEqual(
      moneyFilters.map(() => ['_id']),
    );
    expect(moneyFinds.map(({ collection }) => collection).sort()).toEqual(
      ['clients', 'funds', 'ledger_heads'].sort(),
    );

    // Its active subscriptions (the one just opened): the holdings of the ledger head, read as
    // GET /me reads it (the head, the probe of the next position), by `_id` alone; nothing of
    // its ~700 entries is sorted or searched (ADR 0722).
    const active = await api.call('GET', '/subscriptions?status=active', { token });
    expect(active.status).toBe(200);
    const activeItems = active.body.items as { id: string }[];
    expect(activeItems.map(({ id }) => id)).toEqual([subscribed.body.subscription.id]);
    const activeFinds = active.finds.filter(({ collection }) => collection !== 'revoked_families');
    expect(activeFinds.map(({ filter }) => Object.keys(filter))).toEqual([['_id'], ['_id']]);
    expect(activeFinds.map(({ collection }) => collection)).toEqual(['ledger_heads', 'ledger']);
  }, 360_000);
});
