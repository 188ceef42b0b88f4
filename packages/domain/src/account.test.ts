import { describe, expect, it } from 'vitest';
import { Account, INITIAL_BALANCE, type SubscribeCommand } from './account.js';
import { DomainError } from './errors.js';
import type { LedgerEntry } from './ledger-entry.js';
import { Money } from './money.js';
import { SEEDED_FUNDS } from './seeded-funds.js';

const at = new Date('2026-01-15T15:00:00.000Z');
const fund = (id: string) => SEEDED_FUNDS.find((f) => f.id === id)!;
let n = 0;
const subscribe = (account: Account, overrides: Partial<SubscribeCommand> & { fundId: string }) =>
  account.subscribe({
    fund: fund(overrides.fundId),
    transactionId: `tx-${(n += 1)}`,
    subscriptionId: `sub-${n}`,
    at,
    ...overrides,
  });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'none';
}

describe('Account.open', () => {
  it('starts with COP 500.000, nothing invested, at seq 0', () => {
    const account = Account.open('c-1');
    expect(INITIAL_BALANCE.toDecimalString()).toBe('500000.00');
    expect(account.balance.toDecimalString()).toBe('500000.00');
    expect(account.invested.isZero()).toBe(true);
    expect(account.holdings).toEqual([]);
    expect(account.seq).toBe(0);
    expect(Account.fromLatestEntry('c-1', null).balance.equals(INITIAL_BALANCE)).toBe(true);
  });
});

describe('Account.subscribe', () => {
  it('defaults the amount to the fund minimum and debits it', () => {
    const change = subscribe(Account.open('c-1'), { fundId: '1' });
    expect(change.rejection).toBeNull();
    expect(change.account.balance.toDecimalString()).toBe('425000.00');
    expect(change.transaction).toMatchObject({
      type: 'subscription',
      status: 'completed',
      fundId: '1',
      fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
      reason: null,
    });
    expect(change.transaction.amount.toDecimalString()).toBe('75000.00');
    expect(change.transaction.balanceAfter.toDecimalString()).toBe('425000.00');
    expect(change.subscription).toMatchObject({ fundId: '1', status: 'active', cancelledAt: null });
    expect(change.entry.seq).toBe(1);
    expect(change.entry.holdings.map((h) => h.fundId)).toEqual(['1']);
  });

  it('accepts an amount above the minimum', () => {
    const change = subscribe(Account.open('c-1'), {
      fundId: '3',
      amount: Money.parse('120000.50'),
    });
    expect(change.account.balance.toDecimalString()).toBe('379999.50');
    expect(change.account.invested.toDecimalString()).toBe('120000.50');
  });

  it('records an amount below the minimum as a failed entry that moves no money', () => {
    const change = subscribe(Account.open('c-1'), { fundId: '1', amount: Money.parse('74999.99') });
    expect(change.rejection?.code).toBe('AMOUNT_BELOW_MINIMUM');
    expect(change.transaction.status).toBe('failed');
    expect(change.transaction.reason).toEqual({
      code: 'AMOUNT_BELOW_MINIMUM',
      message: 'El monto mínimo para vincularse al fondo FPV_BTG_PACTUAL_RECAUDADORA es $ 75.000.',
    });
    expect(change.transaction.subscriptionId).toBeNull();
    expect(change.subscription).toBeNull();
    expect(change.account.balance.equals(INITIAL_BALANCE)).toBe(true);
    expect(change.account.holdings).toEqual([]);
    expect(change.entry.seq).toBe(1);
  });

  it('records a subscription to an inactive fund as FUND_INACTIVE', () => {
    const closed = fund('3').update({ active: false });
    const change = Account.open('c-1').subscribe({
      fund: closed,
      transactionId: 't',
      subscriptionId: 's',
      at,
    });
    expect(change.rejection?.code).toBe('FUND_INACTIVE');
    expect(change.transaction.reason?.code).toBe('FUND_INACTIVE');
    expect(change.transaction.reason?.message).toBe(
      'El fondo DEUDAPRIVADA no está disponible para nuevas vinculaciones.',
    );
    expect(change.account.balance.equals(INITIAL_BALANCE)).toBe(true);
  });

  it('records insufficient balance with the exact message of SPEC §1', () => {
    let account = subscribe(Account.open('c-1'), {
      fundId: '2',
      amount: Money.parse('300000'),
    }).account;
    const change = subscribe(account, { fundId: '4' });
    expect(change.rejection?.code).toBe('INSUFFICIENT_BALANCE');
    expect(change.rejection?.message).toBe(
      'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
    );
    expect(change.transaction).toMatchObject({
      status: 'failed',
      reason: {
        code: 'INSUFFICIENT_BALANCE',
        message: 'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
      },
    });
    expect(change.transaction.amount.toDecimalString()).toBe('250000.00');
    expect(change.transaction.balanceAfter.toDecimalString()).toBe('200000.00');
    account = change.account;
    expect(account.balance.toDecimalString()).toBe('200000.00');
    expect(account.holdings.map((h) => h.fundId)).toEqual(['2']);
  });

  it('spends the whole balance down to exactly zero', () => {
    const change = subscribe(Account.open('c-1'), { fundId: '4', amount: Money.parse('500000') });
    expect(change.rejection).toBeNull();
    expect(change.account.balance.isZero()).toBe(true);
    const next = subscribe(change.account, { fundId: '3' });
    expect(next.rejection?.code).toBe('INSUFFICIENT_BALANCE');
  });

  it('throws ALREADY_SUBSCRIBED for a second active subscription to one fund', () => {
    const { account } = subscribe(Account.open('c-1'), { fundId: '1' });
    expect(codeOf(() => subscribe(account, { fundId: '1' }))).toBe('ALREADY_SUBSCRIBED');
  });

  it('throws INVALID_AMOUNT for a zero or negative amount', () => {
    const account = Account.open('c-1');
    expect(codeOf(() => subscribe(account, { fundId: '1', amount: Money.zero() }))).toBe(
      'INVALID_AMOUNT',
    );
    expect(codeOf(() => subscribe(account, { fundId: '1', amount: Money.parse('-1') }))).toBe(
      'INVALID_AMOUNT',
    );
  });

  it('never changes the account it was called on', () => {
    const account = Account.open('c-1');
    subscribe(account, { fundId: '1' });
    expect(account.balance.equals(INITIAL_BALANCE)).toBe(true);
    expect(account.seq).toBe(0);
  });
});

describe('Account.cancel', () => {
  it('refunds the subscribed amount and closes the subscription', () => {
    const opened = subscribe(Account.open('c-1'), { fundId: '5', amount: Money.parse('150000') });
    const cancelAt = new Date('2026-01-16T10:00:00.000Z');
    const change = opened.account.cancel({
      subscriptionId: opened.subscription!.id,
      transactionId: 'tx-cancel',
      at: cancelAt,
    });
    expect(change.account.balance.equals(INITIAL_BALANCE)).toBe(true);
    expect(change.account.holdings).toEqual([]);
    expect(change.transaction).toMatchObject({
      type: 'cancellation',
      status: 'completed',
      fundId: '5',
    });
    expect(change.transaction.amount.toDecimalString()).toBe('150000.00');
    expect(change.subscription).toMatchObject({ status: 'cancelled', cancelledAt: cancelAt });
    expect(change.entry.seq).toBe(2);
  });

  it('throws SUBSCRIPTION_NOT_FOUND for an unknown or already cancelled subscription', () => {
    const opened = subscribe(Account.open('c-1'), { fundId: '1' });
    expect(
      codeOf(() => opened.account.cancel({ subscriptionId: 'nope', transactionId: 't', at })),
    ).toBe('SUBSCRIPTION_NOT_FOUND');
    const cancelled = opened.account.cancel({
      subscriptionId: opened.subscription!.id,
      transactionId: 't',
      at,
    });
    expect(
      codeOf(() =>
        cancelled.account.cancel({
          subscriptionId: opened.subscription!.id,
          transactionId: 't2',
          at,
        }),
      ),
    ).toBe('SUBSCRIPTION_NOT_FOUND');
  });

  it('allows subscribing to the fund again after cancelling', () => {
    const opened = subscribe(Account.open('c-1'), { fundId: '1' });
    const { account } = opened.account.cancel({
      subscriptionId: opened.subscription!.id,
      transactionId: 't',
      at,
    });
    expect(subscribe(account, { fundId: '1' }).rejection).toBeNull();
  });
});

describe('ledger positions', () => {
  it('every change, completed or failed, is the next seq', () => {
    let account = Account.open('c-1');
    const seqs: number[] = [];
    for (const [fundId, amount] of [
      ['1', undefined],
      ['2', '1'],
      ['4', undefined],
      ['3', undefined],
    ] as const) {
      const change = subscribe(account, { fundId, amount: amount && Money.parse(amount) });
      seqs.push(change.entry.seq);
      expect(change.account.seq).toBe(change.entry.seq);
      account = change.account;
    }
    const holding = account.holdings[0]!;
    const cancel = account.cancel({
      subscriptionId: holding.subscriptionId,
      transactionId: 't',
      at,
    });
    seqs.push(cancel.entry.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });

  it('rebuilds from the latest entry alone', () => {
    const first = subscribe(Account.open('c-1'), { fundId: '1' });
    const second = subscribe(first.account, { fundId: '3' });
    const rebuilt = Account.fromLatestEntry('c-1', second.entry);
    expect(rebuilt.seq).toBe(2);
    expect(rebuilt.balance.toDecimalString()).toBe('375000.00');
    expect(rebuilt.holdings.map((h) => h.fundId).sort()).toEqual(['1', '3']);
  });
});

describe('conservation check', () => {
  const { entry } = subscribe(Account.open('c-1'), { fundId: '1' });

  it.each([
    [
      'a balance that does not add up',
      { ...entry, transaction: { ...entry.transaction, balanceAfter: Money.parse('500000') } },
    ],
    ['a holding that vanished', { ...entry, holdings: [] }],
    [
      'a negative balance',
      {
        ...entry,
        transaction: { ...entry.transaction, balanceAfter: Money.parse('-100000') },
        holdings: [{ ...entry.holdings[0]!, amount: Money.parse('600000') }],
      },
    ],
  ] satisfies [string, LedgerEntry][])(
    'rejects %s with LEDGER_INVARIANT_BROKEN',
    (_, corrupted) => {
      expect(codeOf(() => Account.fromLatestEntry('c-1', corrupted))).toBe(
        'LEDGER_INVARIANT_BROKEN',
      );
    },
  );
});
