/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any --
   The document and the answers are untyped JSON on purpose: the assertions check their shape. */
import { StorageUnavailable } from '@btg-funds/application';
import { describe, expect, it } from 'vitest';
import { PROBLEM_SAMPLES } from '../src/schemas/problem-examples.js';
import { createTestApp, type Api, type Sent } from './support/test-app.js';

const OUTAGE = new StorageUnavailable(undefined, { cause: new Error('down') });

async function examplesOf(api: Api) {
  const doc: any = await (await api.app.request('/api/v1/openapi.json')).json();
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.requestBody?.content['application/json'].example !== undefined)
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        // Path parameters take their documented example, as the docs prefill them.
        path: path
          .replace('/api/v1', '')
          .replace(/\{(\w+)\}/g, (_, name: string) =>
            String(op.parameters.find((p: any) => p.name === name).schema.example),
          ),
        body: op.requestBody.content['application/json'].example as unknown,
      })),
  );
}

describe('examples in the OpenAPI document', () => {
  it('lets the docs register and then log in with the prefilled values', async () => {
    const { api } = await createTestApp();
    const [register, login] = await examplesOf(api);
    expect([register?.path, login?.path]).toEqual(['/auth/register', '/auth/login']);
    const created = await api.send('POST', register!.path, { body: register!.body });
    expect(created.status).toBe(201);
    const session = await api.send('POST', login!.path, { body: login!.body });
    expect(session.status).toBe(200);
    expect(session.body.tokenType).toBe('Bearer');
  });

  it('has every request example accepted by the server, in document order', async () => {
    const { api } = await createTestApp();
    const examples = await examplesOf(api);
    expect(examples.length).toBeGreaterThanOrEqual(6);
    const client = await api.newClient({ phone: '+573001234567' });
    const admin = await api.adminToken();
    for (const { method, path, body } of examples) {
      const token = path.startsWith('/funds') ? admin : client.token;
      const res = await api.send(method, path, { body, token });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    }
  });

  // One real situation per sample: the documented text is the one the server writes.
  const situations: Record<string, (api: Api) => Promise<Sent>> = {
    VALIDATION_ERROR: async (api) =>
      api.send('POST', '/subscriptions', { body: {}, token: (await api.newClient()).token }),
    INVALID_CREDENTIALS: (api) =>
      api.send('POST', '/auth/login', { body: { email: 'nadie@example.com', password: 'x' } }),
    INVALID_REFRESH_TOKEN: (api) =>
      api.send('POST', '/auth/refresh', { body: { refreshToken: 'desconocido' } }),
    UNAUTHORIZED: (api) => api.send('GET', '/me'),
    FORBIDDEN: async (api) => api.send('GET', '/transactions', { token: await api.adminToken() }),
    FUND_NOT_FOUND: (api) => api.send('GET', '/funds/99'),
    SUBSCRIPTION_NOT_FOUND: async (api) =>
      api.send('GET', '/subscriptions/nada', { token: (await api.newClient()).token }),
    TRANSACTION_NOT_FOUND: async (api) =>
      api.send('GET', '/transactions/nada', { token: (await api.newClient()).token }),
    CLIENT_NOT_FOUND: async (api) =>
      api.send('GET', '/admin/clients/nadie', { token: await api.adminToken() }),
    ALREADY_CANCELLED: async (api) => {
      const { token } = await api.newClient();
      const sub = await api.send('POST', '/subscriptions', { body: { fundId: '3' }, token });
      await api.send('DELETE', `/subscriptions/${sub.body.subscription.id}`, { token });
      return api.send('DELETE', `/subscriptions/${sub.body.subscription.id}`, { token });
    },
    INSUFFICIENT_BALANCE: async (api) => {
      const { token } = await api.newClient();
      for (const fundId of ['1', '2', '3', '5']) {
        await api.send('POST', '/subscriptions', { body: { fundId }, token });
      }
      return api.send('POST', '/subscriptions', { body: { fundId: '4' }, token });
    },
    UNSUPPORTED_MEDIA_TYPE: (api) =>
      api.send('POST', '/auth/login', { body: 'x', headers: { 'Content-Type': 'text/plain' } }),
    INTERNAL_ERROR: async () => {
      const failing = { execute: () => Promise.reject(new Error('bug')) };
      const { api } = await createTestApp({ useCases: { listFunds: failing } });
      return api.send('GET', '/funds');
    },
    SERVICE_UNAVAILABLE: async () => {
      const failing = { execute: () => Promise.reject(OUTAGE) };
      const { api } = await createTestApp({ useCases: { listFunds: failing } });
      return api.send('GET', '/funds');
    },
  };

  it('shows problem examples whose texts are the server’s own', async () => {
    expect(Object.keys(situations).sort()).toEqual(Object.keys(PROBLEM_SAMPLES).sort());
    const { api } = await createTestApp();
    for (const [code, situation] of Object.entries(situations)) {
      const res = await situation(api);
      expect(res.body.code, code).toBe(code);
      expect(res.body.detail, code).toBe(
        PROBLEM_SAMPLES[code as keyof typeof PROBLEM_SAMPLES]!.detail,
      );
    }
  });
});
