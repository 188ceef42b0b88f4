import { describe, expect, it } from 'vitest';
import {
  ApiError,
  createBtgClient,
  memoryTokenStore,
  unwrap,
  type SessionEnd,
  type Tokens,
} from '../src/index.js';
import { deferred, fakeApi, json, pair, problem } from './support/fake-api.js';

const ME = { id: 'c1', balance: '500000.00' };
const expired = () => memoryTokenStore({ accessToken: 'access-1', refreshToken: 'refresh-1' });
const bearer = (request: Request) => request.headers.get('authorization');

describe('the session: one refresh, whatever fails together', () => {
  it('answers several parallel 401s with exactly one refresh, then replays each request', async () => {
    const parallel = 5;
    const allFailed = deferred();
    let failed = 0;
    const server = fakeApi(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/refresh') {
        await allFailed.promise; // answer only once every request has met its 401
        return json(200, pair(2));
      }
      if (bearer(request) === 'Bearer access-2') return json(200, ME);
      failed += 1;
      if (failed === parallel) allFailed.resolve();
      return problem(401, 'UNAUTHORIZED', 'Se requiere un token de acceso válido.');
    });
    const btg = createBtgClient({
      baseUrl: 'http://api',
      fetch: server.fetch,
      tokenStore: expired(),
    });

    const answers = await Promise.all(
      Array.from({ length: parallel }, () => unwrap(btg.api.GET('/api/v1/me'))),
    );

    expect(answers).toEqual(Array.from({ length: parallel }, () => ME));
    expect(server.count('POST', '/api/v1/auth/refresh')).toBe(1);
    expect(server.count('GET', '/api/v1/me')).toBe(2 * parallel);
  });

  it('replays with the new token, without refreshing again, a 401 that comes back late', async () => {
    const late = deferred<Response>();
    const server = fakeApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/refresh') return json(200, pair(2));
      if (bearer(request) === 'Bearer access-2') return json(200, ME);
      if (path === '/api/v1/notifications') return late.promise; // still out during the refresh
      return problem(401, 'UNAUTHORIZED', 'Se requiere un token de acceso válido.');
    });
    const btg = createBtgClient({
      baseUrl: 'http://api',
      fetch: server.fetch,
      tokenStore: expired(),
    });

    const slow = unwrap(btg.api.GET('/api/v1/notifications'));
    await unwrap(btg.api.GET('/api/v1/me')); // 401, refresh, replay
    late.resolve(problem(401, 'UNAUTHORIZED', 'Se requiere un token de acceso válido.'));

    expect(await slow).toEqual(ME);
    expect(server.count('POST', '/api/v1/auth/refresh')).toBe(1);
  });

  it('replays a money call with the same method, body and Idempotency-Key', async () => {
    const server = fakeApi((request) => {
      if (new URL(request.url).pathname === '/api/v1/auth/refresh') return json(200, pair(2));
      if (bearer(request) !== 'Bearer access-2') {
        return problem(401, 'UNAUTHORIZED', 'Se requiere un token de acceso válido.');
      }
      return json(201, { subscription: {}, transaction: {}, balance: '425000.00' });
    });
    const btg = createBtgClient({
      baseUrl: 'http://api',
      fetch: server.fetch,
      tokenStore: expired(),
    });

    const outcome = await btg.subscribe({ fundId: '1' }, { idempotencyKey: 'dialog-42' });

    expect(outcome).toMatchObject({ idempotencyKey: 'dialog-42', replayed: false });
    const [first, replay] = server.received.filter((r) => r.path === '/api/v1/subscriptions');
    expect(first!.headers.get('authorization')).toBe('Bearer access-1');
    expect(replay!.headers.get('authorization')).toBe('Bearer access-2');
    for (const sent of [first!, replay!]) {
      expect(sent.method).toBe('POST');
      expect(sent.headers.get('idempotency-key')).toBe('dialog-42');
      expect(JSON.parse(sent.body)).toEqual({ fundId: '1' });
    }
  });

  it('signs out with the reason when the refresh token is refused (e.g. reused)', async () => {
    const server = fakeApi((request) =>
      new URL(request.url).pathname === '/api/v1/auth/refresh'
        ? problem(401, 'INVALID_REFRESH_TOKEN', 'La sesión no es válida o expiró.')
        : problem(401, 'UNAUTHORIZED', 'Se requiere un token de acceso válido.'),
    );
    const store = expired();
    const btg = createBtgClient({ baseUrl: 'http://api', fetch: server.fetch, tokenStore: store });
    const ended: SessionEnd[] = [];
    const changes: (Tokens | null)[] = [];
    btg.onSessionEnded((end) => ended.push(end));
    btg.onTokensChanged((tokens) => changes.push(tokens));

    const failures = await Promise.allSettled([
      btg.api.GET('/api/v1/me'),
      btg.api.GET('/api/v1/subscriptions'),
      btg.subscribe({ fundId: '1' }),
    ]);

    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      const error = (failure as PromiseRejectedResult).reason as unknown;
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    }
    expect(server.count('POST', '/api/v1/auth/refresh')).toBe(1);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({
      reason: 'refresh-rejected',
      error: {
        status: 401,
        code: 'INVALID_REFRESH_TOKEN',
        detail: 'La sesión no es válida o expiró.',
      },
    });
    expect(changes).toEqual([null]);
    expect(store.get()).toBeNull();
    expect(btg.signedIn).toBe(false);
  });

  it('keeps the session when the refresh meets an outage, and says when to come back', async () => {
    const server = fakeApi((request) =>
      new URL(request.url).pathname === '/api/v1/auth/refresh'
        ? problem(503, 'SERVICE_UNAVAILABLE', 'El servicio no está disponible.', {
            'Retry-After': '5',
          })
        : problem(401, 'UNAUTHORIZED', 'Se requiere un token de acceso válido.'),
    );
    const store = expired();
    const btg = createBtgClient({ baseUrl: 'http://api', fetch: server.fetch, tokenStore: store });
    const ended: SessionEnd[] = [];
    btg.onSessionEnded((end) => ended.push(end));

    await expect(btg.api.GET('/api/v1/me')).rejects.toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      retryAfter: 5,
    });
    expect(ended).toEqual([]);
    expect(store.get()).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('sends no bearer token to register, login and refresh, ours elsewhere unless given one', async () => {
    const server = fakeApi((request) =>
      new URL(request.url).pathname === '/api/v1/auth/login' ? json(200, pair(1)) : json(200, {}),
    );
    const btg = createBtgClient({ baseUrl: 'http://api', fetch: server.fetch });
    await btg.login({ email: 'a@example.com', password: 'una-clave-muy-segura' });
    await btg.api.POST('/api/v1/auth/register', {
      body: {
        email: 'b@example.com',
        password: 'x',
        fullName: 'B',
        notificationPreference: 'email',
      },
    });
    await btg.api.GET('/api/v1/funds');
    await btg.api.GET('/api/v1/me', { headers: { Authorization: 'Bearer own' } });
    const auth = server.received.map((r) => [r.path, r.headers.get('authorization')]);
    expect(auth).toEqual([
      ['/api/v1/auth/login', null],
      ['/api/v1/auth/register', null],
      ['/api/v1/funds', 'Bearer access-1'],
      ['/api/v1/me', 'Bearer own'],
    ]);
  });

  it('logs out: revokes the refresh token, forgets the session, says why', async () => {
    const server = fakeApi((request) =>
      new URL(request.url).pathname === '/api/v1/auth/logout'
        ? new Response(null, { status: 204 })
        : json(200, pair(1)),
    );
    const btg = createBtgClient({ baseUrl: 'http://api', fetch: server.fetch });
    const ended: SessionEnd[] = [];
    btg.onSessionEnded((end) => ended.push(end));
    await btg.login({ email: 'a@example.com', password: 'una-clave-muy-segura' });

    expect(await btg.logout()).toBe(true);

    const logout = server.received.find((r) => r.path === '/api/v1/auth/logout')!;
    expect(JSON.parse(logout.body)).toEqual({ refreshToken: 'refresh-1' });
    expect(logout.headers.get('authorization')).toBe('Bearer access-1');
    expect(ended).toEqual([{ reason: 'logout' }]);
    expect(btg.signedIn).toBe(false);
  });
});
