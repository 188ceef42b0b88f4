import { describe, expect, it } from 'vitest';
import { ApiError, createBtgClient, isApiError, newIdempotencyKey } from '../src/index.js';
import { fakeApi, problem } from './support/fake-api.js';

const clientOf = (fetch: typeof globalThis.fetch) =>
  createBtgClient({ baseUrl: 'http://api', fetch });

describe('ApiError: every failure, one shape', () => {
  it('carries the problem’s status, code, Spanish detail, field errors and request id', async () => {
    const body = {
      type: 'urn:btg-funds:problem:validation-error',
      title: 'Solicitud inválida',
      status: 400,
      detail: 'La solicitud no cumple el esquema esperado.',
      code: 'VALIDATION_ERROR',
      errors: [{ path: 'fundId', message: 'Campo obligatorio' }],
    };
    const server = fakeApi(
      () =>
        new Response(JSON.stringify(body), {
          status: 400,
          headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': 'req-1' },
        }),
    );
    const error = await clientOf(server.fetch)
      .api.GET('/api/v1/funds')
      .catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: 'La solicitud no cumple el esquema esperado.',
      message: 'La solicitud no cumple el esquema esperado.',
      errors: [{ path: 'fundId', message: 'Campo obligatorio' }],
      retryAfter: null,
      requestId: 'req-1',
    });
  });

  it('reads Retry-After as seconds on a 429', async () => {
    const server = fakeApi(() =>
      problem(429, 'RATE_LIMITED', 'Demasiadas solicitudes. Intente de nuevo en 7 segundos.', {
        'Retry-After': '7',
      }),
    );
    await expect(clientOf(server.fetch).api.GET('/api/v1/funds')).rejects.toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      retryAfter: 7,
    });
  });

  it('names an answer that is not a problem (a proxy’s HTML page) UNEXPECTED_RESPONSE', async () => {
    const server = fakeApi(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    await expect(clientOf(server.fetch).api.GET('/api/v1/funds')).rejects.toMatchObject({
      status: 502,
      code: 'UNEXPECTED_RESPONSE',
      detail: 'Respuesta inesperada del servidor (502).',
    });
  });

  it('turns a failed connection into status 0 NETWORK_ERROR, and leaves an abort alone', async () => {
    const down = () => Promise.reject(new TypeError('fetch failed'));
    const error = await clientOf(down)
      .api.GET('/api/v1/funds')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });

    const aborted = () => Promise.reject(new DOMException('aborted', 'AbortError'));
    const abort = await clientOf(aborted)
      .api.GET('/api/v1/funds')
      .catch((e: unknown) => e);
    expect(abort).not.toBeInstanceOf(ApiError);
    expect((abort as Error).name).toBe('AbortError');
  });

  it('makes a new Idempotency-Key per intent and sends one on every money call', async () => {
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[\x21-\x7e]{1,255}$/);

    const server = fakeApi(() =>
      problem(404, 'SUBSCRIPTION_NOT_FOUND', 'La suscripción no existe.'),
    );
    const btg = clientOf(server.fetch);
    await btg.cancel('s-1').catch(() => undefined);
    await btg.subscribe({ fundId: '1' }).catch(() => undefined);
    const sent = server.received.map((r) => r.headers.get('idempotency-key'));
    expect(sent.every((key) => key !== null)).toBe(true);
    expect(new Set(sent).size).toBe(2);
  });
});
