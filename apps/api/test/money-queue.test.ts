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
  // Appends wait until the burst's refusals are back (or 2 s passed): on a loaded machine the
  // first operation could otherwise finish before the last request arrives, and free a place.
  let opened: Promise<void> = Promise.resolve();
  storage.ledger.append = async (record: LedgerRecord) => {
    counted.appends += 1;
    await opened;
    return append(record);
  };
  await api.signUp(`hot-${Math.random().toString(36).slice(2)}@example.com`);
  const burst = (refusalsToWaitFor = 0) => {
    let open = () => undefined as void;
    opened = new Promise<void>((resolve) => (open = resolve));
    const timer = setTimeout(open, 2_000);
    let refusals = 0;
    if (refusalsToWaitFor === 0) open();
    return Promise.all(
      fundIds.map(async (fundId) => {
        const res = await api.call('POST', '/subscriptions', { fundId });
        if (res.status === 429 && (refusals += 1) === refusalsToWaitFor) open();
        return res;
      }),
    ).finally(() => clearTimeout(timer));
  };
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
    const responses = await burst(25);
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
