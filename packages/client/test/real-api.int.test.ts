import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  createBtgClient,
  memoryTokenStore,
  newIdempotencyKey,
  unwrap,
  type SessionEnd,
} from '../src/index.js';
import { startRealApi, type RealApi } from './support/real-api.js';

const PASSWORD = 'una-clave-muy-segura';
let counter = 0;

describe('the client against the real API process', () => {
  let server: RealApi;
  let refreshCalls = 0;
  // The real fetch, counting what reaches /auth/refresh.
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/api/v1/auth/refresh')) refreshCalls += 1;
    return globalThis.fetch(input, init);
  };
  const newClient = () => {
    const store = memoryTokenStore();
    return { store, btg: createBtgClient({ baseUrl: server.url, fetch, tokenStore: store }) };
  };
  const signUp = async (btg: ReturnType<typeof newClient>['btg']) => {
    counter += 1;
    const email = `cliente${counter}.${Date.now()}@example.com`;
    await btg.api.POST('/api/v1/auth/register', {
      body: { email, password: PASSWORD, fullName: 'Juana Pérez', notificationPreference: 'email' },
    });
    await btg.login({ email, password: PASSWORD });
    return email;
  };

  beforeAll(async () => {
    server = await startRealApi({ RATE_LIMITS: 'off' });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('plays the BTG story: subscribe with a key, replay, refusal, cancel, history', async () => {
    const { btg } = newClient();
    await signUp(btg);
    expect((await unwrap(btg.api.GET('/api/v1/me'))).balance).toBe('500000.00');

    const key = newIdempotencyKey();
    const first = await btg.subscribe({ fundId: '1' }, { idempotencyKey: key });
    expect(first).toMatchObject({ replayed: false, result: { balance: '425000.00' } });
    const again = await btg.subscribe({ fundId: '1' }, { idempotencyKey: key });
    expect(again.replayed).toBe(true);
    expect(again.result).toEqual(first.result);
    for (const fundId of ['2', '3', '5']) await btg.subscribe({ fundId });

    const refused = await btg.subscribe({ fundId: '4' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      status: 422,
      code: 'INSUFFICIENT_BALANCE',
      detail: 'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
    });

    const cancelled = await btg.cancel(first.result.subscription.id);
    expect(cancelled.result.subscription.status).toBe('cancelled');
    expect(cancelled.result.balance).toBe('225000.00');

    const history = await unwrap(btg.api.GET('/api/v1/transactions', { params: { query: {} } }));
    expect(history.items.map((t) => [t.type, t.status, t.fundName])).toEqual([
      ['cancellation', 'completed', 'FPV_BTG_PACTUAL_RECAUDADORA'],
      ['subscription', 'failed', 'FDO-ACCIONES'],
      ['subscription', 'completed', 'FPV_BTG_PACTUAL_DINAMICA'],
      ['subscription', 'completed', 'DEUDAPRIVADA'],
      ['subscription', 'completed', 'FPV_BTG_PACTUAL_ECOPETROL'],
      ['subscription', 'completed', 'FPV_BTG_PACTUAL_RECAUDADORA'],
    ]);
    expect(history.items[1]!.reason?.message).toBe(
      'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
    );
  });

  it('rotates the refresh token once for parallel 401s and replays every request', async () => {
    const { btg, store } = newClient();
    await signUp(btg);
    const before = store.get()!;
    // An access token the server refuses, as after expiry; the refresh token is still good.
    store.set({ accessToken: 'vencido.token.de-acceso', refreshToken: before.refreshToken });
    refreshCalls = 0;

    const answers = await Promise.all([
      unwrap(btg.api.GET('/api/v1/me')),
      unwrap(btg.api.GET('/api/v1/subscriptions')),
      unwrap(btg.api.GET('/api/v1/notifications')),
      btg.subscribe({ fundId: '3' }),
    ]);

    // The server revokes a session on refresh-token reuse: a second refresh would have failed.
    expect(refreshCalls).toBe(1);
    // The four are replayed at once, so the profile may be read before or after the debit.
    expect(['500000.00', '450000.00']).toContain(answers[0].balance);
    expect(answers[3].result.balance).toBe('450000.00');
    expect((await unwrap(btg.api.GET('/api/v1/me'))).balance).toBe('450000.00');
    const after = store.get()!;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe('vencido.token.de-acceso');
  });

  it('signs out with the reason when the server sees a rotated refresh token reused', async () => {
    const { btg, store } = newClient();
    await signUp(btg);
    const stolen = store.get()!.refreshToken;
    const ended: SessionEnd[] = [];
    btg.onSessionEnded((end) => ended.push(end));
    // Someone else rotates the stolen token first; the client's own refresh is then a reuse.
    const thief = createBtgClient({ baseUrl: server.url, fetch });
    await thief.api.POST('/api/v1/auth/refresh', { body: { refreshToken: stolen } });
    store.set({ accessToken: 'vencido.token.de-acceso', refreshToken: stolen });

    const failure = await btg.api.GET('/api/v1/me').catch((e: unknown) => e);

    expect(failure).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({
      reason: 'refresh-rejected',
      error: { status: 401, code: 'INVALID_REFRESH_TOKEN' },
    });
    expect(store.get()).toBeNull();
  });
});
