/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   Bodies are untyped JSON on purpose: the assertions check their shape. */
import type { LedgerRecord } from '@btg-funds/application';
import { Fund, Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '../src/tokens.js';
import { inProcessApi } from './support/in-process-api.js';

/**
 * The composed process with 30 funds of COP 10.000 and every ledger append counted: the issue
 * measured 30 parallel subscriptions of one client costing hundreds of attempts (ADR 0002).
 */
async function hotAccount(env: Record<string, string>) {
  const api = await inProcessApi(env);
  const storage = resolve(api.container, TOKENS.Storage);
  const fundIds = Array.from({ length: 30 }, (_, i) => `q${i + 1}`);
  for (const id of fundIds) {
    await storage.funds.add(
      Fund.create({
        id,
        name: `FONDO_${id}`,
        minimumAmount: Money.parse('10000'),
        category: 'FIC',
      }),
    );
  }
  const counted = { appends: 0 };
  const append = storage.ledger.append.bind(storage.ledger);
  storage.ledger.append = (record: LedgerRecord) => {
    counted.appends += 1;
    return append(record);
  };
  await api.signUp(`hot-${Math.random().toString(36).slice(2)}@example.com`);
  const burst = () =>
    Promise.all(fundIds.map((fundId) => api.call('POST', '/subscriptions', { fundId })));
  return { api, counted, burst };
}

describe("one client's money operations, queued per process", () => {
  it('30 parallel subscriptions of one client cost 30 appends, not hundreds of attempts', async () => {
    const { api, counted, burst } = await hotAccount({
      RATE_LIMITS: 'on',
      RATE_LIMIT_MONEY_PER_CLIENT: '0',
      RATE_LIMIT_AUTH_PER_IP: '0',
      MONEY_MAX_PENDING_PER_CLIENT: '30',
    });
    const responses = await burst();
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 30 }, () => 201));
    expect(counted.appends).toBe(30);
    expect((await api.call('GET', '/me')).body.balance).toBe('200000.00');
  });

  it('refuses what is beyond the per-client cap at once: 429 with Retry-After, nothing written', async () => {
    const { api, counted, burst } = await hotAccount({
      RATE_LIMITS: 'on',
      RATE_LIMIT_MONEY_PER_CLIENT: '0',
      RATE_LIMIT_AUTH_PER_IP: '0',
      MONEY_MAX_PENDING_PER_CLIENT: '5',
    });
    const responses = await burst();
    const refused = responses.filter((r) => r.status === 429);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(5);
    expect(refused).toHaveLength(25);
    for (const res of refused) {
      expect(res.body.code).toBe('TOO_MANY_PENDING_OPERATIONS');
      expect(res.headers.get('retry-after')).toBe('1');
    }
    expect(counted.appends).toBe(5);
    expect((await api.call('GET', '/transactions')).body.items).toHaveLength(5);
  });
});
