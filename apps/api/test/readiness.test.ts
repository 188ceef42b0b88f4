/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Bodies are untyped JSON on purpose: the assertions check their shape. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolve, TOKENS } from '../src/tokens.js';
import { inProcessApi } from './support/in-process-api.js';

describe('readiness and liveness of the composed process', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns 503 naming the outbox when a notification sits overdue, and recovers', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const api = await inProcessApi({ OUTBOX_STUCK_AFTER_MS: '1000' });
    const ready = await api.call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ storage: 'ok', outbox: 'ok', dispatcher: 'ok' });

    await api.signUp('cliente.ready@example.com');
    expect((await api.call('POST', '/subscriptions', { fundId: '1' })).status).toBe(201);
    vi.setSystemTime(Date.now() + 5_000); // nobody dispatched for 5 s

    const stuck = await api.app.request('/health/ready');
    expect(stuck.status).toBe(503);
    expect(await stuck.json()).toMatchObject({
      code: 'NOT_READY',
      checks: { storage: 'ok', outbox: 'failed', dispatcher: 'failed' },
    });
    expect((await api.app.request('/health')).status).toBe(200);

    const dispatcher = resolve(api.container, TOKENS.Dispatcher);
    dispatcher.start();
    await dispatcher.stop(); // waits for the first tick, which sends the notification
    expect((await api.app.request('/health/ready')).status).toBe(200);
  });

  it('turns 503 naming storage when it does not answer; liveness stays 200 without I/O', async () => {
    const api = await inProcessApi();
    const storage = resolve(api.container, TOKENS.Storage);
    let pings = 0;
    storage.ping = () => {
      pings += 1;
      return Promise.reject(new Error('no route to host'));
    };
    const live = await api.app.request('/health');
    expect(live.status).toBe(200);
    expect(pings).toBe(0);

    const res = await api.app.request('/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = await res.json();
    expect(body).toMatchObject({ status: 503, checks: { storage: 'failed', outbox: 'ok' } });
    expect(JSON.stringify(body)).not.toContain('no route to host');
  });
});
