import { describe, expect, it } from 'vitest';
import { createAppClient } from '../src/api/create-app-client.js';

/** sessionStorage's shape, in memory. */
function fakeStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/** An API that accepts only the current access token and rotates refresh tokens. */
function fakeApi() {
  let access = 'a1';
  let refresh = 'r1';
  const calls = { refresh: 0, money: [] as (string | null)[] };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' },
    });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    await new Promise((resolve) => setTimeout(resolve, 5)); // answers overlap, as on a network
    if (path === '/api/v1/auth/refresh') {
      calls.refresh += 1;
      const body = (await request.json()) as { refreshToken: string };
      if (body.refreshToken !== refresh)
        return json(401, {
          code: 'INVALID_REFRESH_TOKEN',
          detail: 'La sesión no es válida o expiró.',
        });
      access = `a${calls.refresh + 1}`;
      refresh = `r${calls.refresh + 1}`;
      return json(200, {
        accessToken: access,
        refreshToken: refresh,
        tokenType: 'Bearer',
        expiresIn: 900,
      });
    }
    if (request.headers.get('authorization') !== `Bearer ${access}`) {
      return json(401, { code: 'UNAUTHORIZED', detail: 'Sesión vencida.' });
    }
    if (path === '/api/v1/subscriptions') calls.money.push(request.headers.get('idempotency-key'));
    return json(200, { items: [], nextCursor: null });
  };
  return { fetch, calls };
}

// The app's client wiring (sessionStorage store + single-flight refresh), with no browser.
describe('the app client: one refresh however many requests fail together', () => {
  it('refreshes once for parallel 401s, replays each request, keeps the rotated pair in storage', async () => {
    const storage = fakeStorage();
    storage.setItem(
      'btg-funds.session',
      JSON.stringify({ accessToken: 'vencido', refreshToken: 'r1' }),
    );
    const api = fakeApi();
    const btg = createAppClient(storage, { baseUrl: 'http://app.test', fetch: api.fetch });
    const answers = await Promise.all([
      btg.api.GET('/api/v1/me'),
      btg.api.GET('/api/v1/transactions'),
      btg.api.GET('/api/v1/subscriptions'),
      btg.api.GET('/api/v1/notifications'),
    ]);
    expect(answers.every((answer) => answer.response.status === 200)).toBe(true);
    expect(api.calls.refresh).toBe(1);
    expect(JSON.parse(storage.getItem('btg-funds.session')!)).toEqual({
      accessToken: 'a2',
      refreshToken: 'r2',
    });
  });

  it('replays a money call after the refresh with the same Idempotency-Key', async () => {
    const storage = fakeStorage();
    storage.setItem(
      'btg-funds.session',
      JSON.stringify({ accessToken: 'vencido', refreshToken: 'r1' }),
    );
    const api = fakeApi();
    const btg = createAppClient(storage, { baseUrl: 'http://app.test', fetch: api.fetch });
    await btg
      .subscribe({ fundId: '1' }, { idempotencyKey: 'una-intencion' })
      .catch(() => undefined);
    expect(api.calls.refresh).toBe(1);
    expect(api.calls.money).toEqual(['una-intencion']);
  });

  it('a refused refresh ends the session and empties the storage', async () => {
    const storage = fakeStorage();
    storage.setItem(
      'btg-funds.session',
      JSON.stringify({ accessToken: 'vencido', refreshToken: 'reusado' }),
    );
    const btg = createAppClient(storage, { baseUrl: 'http://app.test', fetch: fakeApi().fetch });
    const ended: string[] = [];
    btg.onSessionEnded((end) => ended.push(end.reason));
    await Promise.allSettled([btg.api.GET('/api/v1/me'), btg.api.GET('/api/v1/funds')]);
    expect(ended).toEqual(['refresh-rejected']);
    expect(storage.items.size).toBe(0);
  });
});
