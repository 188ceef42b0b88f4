/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import {
  ApplicationError,
  OutcomeUnknown,
  type BusinessErrorCode,
  type Deadline,
  type SubscribeToFundInput,
} from '@btg-funds/application';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp } from './support/test-app.js';

const never = () => new Promise<never>(() => undefined);
const OUTCOME_UNKNOWN_DETAIL =
  'La operación puede haberse aplicado; consulte su historial o reintente con la misma Idempotency-Key.';

describe('honest answers when a money request runs out of time (ADR 0206)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers 504 OUTCOME_UNKNOWN, not "try again", once a money use case was running', async () => {
    // Long enough for registering the caller on a loaded machine; the money calls never answer.
    const { api } = await createTestApp({
      config: { requestTimeoutMs: 1_500 },
      useCases: { subscribeToFund: { execute: never }, cancelSubscription: { execute: never } },
    });
    const { token } = await api.newClient();
    for (const res of [
      await api.send('POST', '/subscriptions', { body: { fundId: '1' }, token }),
      await api.send('DELETE', '/subscriptions/sub-1', { token }),
    ]) {
      expect(res.status).toBe(504);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.body).toMatchObject({
        status: 504,
        code: 'OUTCOME_UNKNOWN',
        detail: OUTCOME_UNKNOWN_DETAIL,
      });
    }
  });

  it('keeps 503 REQUEST_TIMEOUT where nothing can have been written', async () => {
    const { api } = await createTestApp({
      config: { requestTimeoutMs: 150 },
      useCases: { listFunds: { execute: never } },
    });
    const res = await api.send('GET', '/funds');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('REQUEST_TIMEOUT');
  });

  it('gives the use case a deadline at half the request timeout, to stop ledger attempts', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let received: Deadline | undefined;
    const { api } = await createTestApp({
      config: { requestTimeoutMs: 8_000 },
      useCases: {
        subscribeToFund: {
          execute: (input: SubscribeToFundInput) => {
            received = input.deadline;
            return Promise.reject(new ApplicationError('FUND_NOT_FOUND', 'no existe'));
          },
        },
      },
    });
    const { token } = await api.newClient();
    expect(
      (await api.send('POST', '/subscriptions', { body: { fundId: '9' }, token })).status,
    ).toBe(404);
    expect(received?.remainingMs()).toBe(4_000);
    vi.setSystemTime(Date.now() + 4_000);
    expect(received?.remainingMs()).toBe(0);
  });

  it("gives a login's and a registration's hash until the answer is due (ADR 0703)", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const received: (Deadline | undefined)[] = [];
    const refuse = (code: BusinessErrorCode) => (input: { deadline?: Deadline | undefined }) => {
      received.push(input.deadline);
      return Promise.reject(new ApplicationError(code, 'no'));
    };
    const { api } = await createTestApp({
      config: { requestTimeoutMs: 8_000 },
      useCases: {
        login: { execute: refuse('INVALID_CREDENTIALS') },
        registerClient: { execute: refuse('EMAIL_TAKEN') },
      },
    });
    const login = { email: 'ana@example.com', password: 'una clave segura' };
    expect((await api.send('POST', '/auth/login', { body: login })).status).toBe(401);
    const registration = { ...login, fullName: 'Ana', notificationPreference: 'email' };
    expect((await api.send('POST', '/auth/register', { body: registration })).status).toBe(409);
    expect(received.map((deadline) => deadline?.remainingMs())).toEqual([8_000, 8_000]);
    vi.setSystemTime(Date.now() + 8_000);
    expect(received.map((deadline) => deadline?.remainingMs())).toEqual([0, 0]);
  });

  it('maps OutcomeUnknown from a use case to the same 504 problem', async () => {
    const { api } = await createTestApp({
      useCases: {
        subscribeToFund: { execute: () => Promise.reject(new OutcomeUnknown()) },
      },
    });
    const { token } = await api.newClient();
    const res = await api.send('POST', '/subscriptions', { body: { fundId: '1' }, token });
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'OUTCOME_UNKNOWN', detail: OUTCOME_UNKNOWN_DETAIL });
  });

  it('answers 429 with Retry-After when the client has too many operations pending', async () => {
    const pending = new ApplicationError('TOO_MANY_PENDING_OPERATIONS', 'Demasiadas en curso.');
    const { api } = await createTestApp({
      useCases: { subscribeToFund: { execute: () => Promise.reject(pending) } },
    });
    const { token } = await api.newClient();
    const res = await api.send('POST', '/subscriptions', { body: { fundId: '1' }, token });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.code).toBe('TOO_MANY_PENDING_OPERATIONS');
  });

  it('documents 504 OUTCOME_UNKNOWN on POST and DELETE /subscriptions in the OpenAPI', async () => {
    const { api } = await createTestApp();
    const doc = (await api.send('GET', '/openapi.json')).body;
    for (const operation of [
      doc.paths['/api/v1/subscriptions'].post,
      doc.paths['/api/v1/subscriptions/{id}'].delete,
    ]) {
      expect(operation.responses['504'].description).toContain('OUTCOME_UNKNOWN');
      expect(operation.responses['503']).toBeDefined();
      expect(operation.responses['429']).toBeDefined();
    }
  });
});
