/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import {
  ApplicationError,
  HashingNotStarted,
  StorageUnavailable,
  type BusinessErrorCode,
} from '@btg-funds/application';
import { DomainError, type DomainErrorCode } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../src/index.js';
import { createTestApp } from './support/test-app.js';

const DOMAIN_CODES = new Set<string>([
  'INVALID_AMOUNT',
  'CURRENCY_MISMATCH',
  'AMOUNT_BELOW_MINIMUM',
  'INSUFFICIENT_BALANCE',
  'FUND_INACTIVE',
  'ALREADY_SUBSCRIBED',
  'ALREADY_CANCELLED',
  'SUBSCRIPTION_NOT_FOUND',
  'INVALID_FUND',
  'INVALID_EMAIL',
  'INVALID_PHONE',
  'INVALID_FULL_NAME',
  'PHONE_REQUIRED_FOR_SMS',
  'LEDGER_INVARIANT_BROKEN',
] satisfies DomainErrorCode[]);

describe('the one table from business codes to HTTP statuses', () => {
  it.each(Object.entries(ERROR_STATUS))('%s → %i as problem+json', async (code, status) => {
    const error = DOMAIN_CODES.has(code)
      ? new DomainError(code as DomainErrorCode, `mensaje de ${code}`)
      : new ApplicationError(code as BusinessErrorCode, `mensaje de ${code}`);
    // Every code on one route: more than GET /funds can really answer, so no contract check.
    const { api } = await createTestApp({
      useCases: { listFunds: { execute: () => Promise.reject(error) } },
      contractCheck: false,
    });
    const res = await api.send('GET', '/funds');
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status, code });
    // A bug (500) never leaks its message; everything else, outages included, explains itself.
    expect(res.body.detail).toBe(
      status === 500 ? 'Ocurrió un error inesperado.' : `mensaje de ${code}`,
    );
  });

  it('names the field of a 400 that a domain rule refused', async () => {
    const { api } = await createTestApp({
      useCases: {
        listFunds: {
          execute: () =>
            Promise.reject(new DomainError('INVALID_EMAIL', 'El correo no es válido.')),
        },
      },
      contractCheck: false,
    });
    const res = await api.send('GET', '/funds');
    expect(res.body.errors).toEqual([{ path: 'email', message: 'El correo no es válido.' }]);
  });

  it('answers a login whose hash was skipped at its deadline as the deadline would', async () => {
    const { api } = await createTestApp({
      useCases: { login: { execute: () => Promise.reject(new HashingNotStarted()) } },
    });
    const res = await api.send('POST', '/auth/login', {
      body: { email: 'ana@example.com', password: 'una clave segura' },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body).toMatchObject({ status: 503, code: 'REQUEST_TIMEOUT' });
  });

  it('answers a storage outage with 503 and Retry-After, revealing nothing', async () => {
    const outage = new StorageUnavailable(undefined, {
      cause: new Error('connect ECONNREFUSED 10.0.0.5'),
    });
    const { api } = await createTestApp({
      useCases: { listFunds: { execute: () => Promise.reject(outage) } },
    });
    const res = await api.send('GET', '/funds');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(res.body)).not.toContain('10.0.0.5');
  });
});
