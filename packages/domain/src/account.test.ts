import { describe, expect, it } from 'vitest';
import { Account, type AccountDecision } from './account.js';
import type { SubscribeCommand } from './account-commands.js';
import { DomainError } from './errors.js';
import type { LedgerEntry } from './ledger-entry.js';
import { Money } from './money.js';
import { OPENING, OPENING_BALANCE, testFund as fund } from './testing/funds.js';

const at = new Date('2026-01-15T15:00:00.000Z');
let n = 0;
const subscribe = (account: Account, overrides: Partial<SubscribeCommand> & { fundId: string }) =>
  account.subscribe({
    fund: fund(overrides.fundId),
    transactionId: `tx-${(n += 1)}`,
    subscriptionId: `sub-${n}`,
    at,
    ...overrides,
  });
const open = (clientId = 'c-1') => Account.open(clientId, OPENING);

/** The change of a completed or rejected decision (fails the test on a refusal). */
function changeOf(decision: AccountDecision) {
  if (decision.kind === 'refused') throw new Error(`refused: ${decision.refusal.code}`);
  return decision.change;
}
/** The account after a completed decision. */
const after = (decision: AccountDecision) => changeOf(decision).account;

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
  it('starts with the opening balance, nothing invested, at seq 0', () => {
    const account = open();
    expect(OPENING_BALANCE.toDecimalString()).toBe('500000.00');
    expect(account.balance.toDecimalString()).toBe('500000.00');
    expect(account.openingBalance.equals(OPENING_BALANCE)).toBe(true);
    expect(account.invested.isZero()).toBe(true);
    expect(account.holdings).toEqual([]);
    expect(account.seq).toBe(0);
  });

  it('takes the opening balance as data and records it on every entry', () => {
    const account = Account.open('c-9', { openingBalance: Money.parse('1200000.50') });
    const decision = subscribe(account, { fundId: '4', amount: Money.parse('1000000') });
    expect(decision.kind).toBe('completed');
    const { entry } = changeOf(decision);
    expect(entry.openingBalance.toDecimalString()).toBe('1200000.50');
    expect(entry.transaction.balanceAfter.toDecimalString()).toBe('200000.50');
    expect(Account.fromLatestEntry(entry).openingBalance.toDecimalString()).toBe('1200000.50');
  });

  it('refuses a negative opening balance', () => {
    expect(codeOf(() => Account.open('c-1', { openingBalance: Money.parse('-1') }))).toBe(
      'LEDGER_INVARIANT_BROKEN',
    );
  });
});

describe('Account.subscribe', () => {
  it('defaults the amount to the fund minimum and debits it', () => {
    const decision = subscribe(open(), { fundId: '1' });
    expect(decision.kind).toBe('completed');
    const change = changeOf(decision);
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
    expect(decision.kind === 'completed' && decision.subscription).toMatchObject({
      fundId: '1',
      status: 'active',
      cancelledAt: null,
    });
    expect(change.entry.seq).toBe(1);
    expect(change.entry.holdings.map((h) => h.fundId)).toEqual(['1']);
  });

  it('accepts an amount above the minimum', () => {
    const account = after(subscribe(open(), { fundId: '3', amount: Money.parse('120000.50') }));
    expect(account.balance.toDecimalString()).toBe('379999.50');
    expect(account.invested.toDecimalString()).toBe('120000.50');
  });

  it('records an amount below the minimum as a failed entry that moves no money', () => {
    const decision = subscribe(open(), { fundId: '1', amount: Money.parse('74999.99') });
    expect(decision.kind).toBe('rejected');
    if (decision.kind !== 'rejected') return;
    expect(decision.refusal.code).toBe('AMOUNT_BELOW_MINIMUM');
    expect(decision.refusal.details).toEqual({
      fundId: '1',
      fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
      requiredAmount: '75000.00',
      requestedAmount: '74999.99',
    });
    const change = decision.change;
    expect(change.transaction.status).toBe('failed');
    expect(change.transaction.reason).toEqual({
      code: 'AMOUNT_BELOW_MINIMUM',
      message: 'El monto mínimo para vincularse al fondo FPV_BTG_PACTUAL_RECAUDADORA es $ 75.000.',
    });
    expect(change.transaction.subscriptionId).toBeNull();
    expect(change.account.balance.equals(OPENING_BALANCE)).toBe(true);
    expect(change.account.holdings).toEqual([]);
    expect(change.entry.seq).toBe(1);
  });

  it('records a subscription to an inactive fund as FUND_INACTIVE', () => {
    const closed = fund('3').update({ active: false });
    const decision = open().subscribe({
      fund: closed,
      transactionId: 't',
      subscriptionId: 's',
      at,
    });
    expect(decision.kind).toBe('rejected');
    if (decision.kind !== 'rejected') return;
    expect(decision.refusal.code).toBe('FUND_INACTIVE');
    expect(decision.refusal.details).toEqual({ fundId: '3', fundName: 'DEUDAPRIVADA' });
    expect(decision.change.transaction.reason?.code).toBe('FUND_INACTIVE');
    expect(decision.change.transaction.reason?.message).toBe(
      'El fondo DEUDAPRIVADA no está disponible para nuevas vinculaciones.',
    );
    expect(decision.change.account.balance.equals(OPENING_BALANCE)).toBe(true);
  });

  it('records insufficient balance with the exact message of the statement, and its facts', () => {
    let account = after(subscribe(open(), { fundId: '2', amount: Money.parse('300000') }));
    const decision = subscribe(account, { fundId: '4' });
    expect(decision.kind).toBe('rejected');
    if (decision.kind !== 'rejected') return;
    expect(decision.refusal.code).toBe('INSUFFICIENT_BALANCE');
    expect(decision.refusal.message).toBe(
      'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
    );
    expect(decision.refusal.details).toEqual({
      fundId: '4',
      fundName: 'FDO-ACCIONES',
      requiredAmount: '250000.00',
      availableBalance: '200000.00',
    });
    const change = decision.change;
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
    const decision = subscribe(open(), { fundId: '4', amount: Money.parse('500000') });
    expect(decision.kind).toBe('completed');
    expect(after(decision).balance.isZero()).toBe(true);
    const next = subscribe(after(decision), { fundId: '3' });
    expect(next.kind === 'rejected' && next.refusal.code).toBe('INSUFFICIENT_BALANCE');
  });

  it('refuses a second active subscription to one fund with ALREADY_SUBSCRIBED, recording nothing', () => {
    const first = subscribe(open(), { fundId: '1' });
    const decision = subscribe(after(first), { fundId: '1' });
    expect(decision).toMatchObject({ kind: 'refused', refusal: { code: 'ALREADY_SUBSCRIBED' } });
    expect(decision.kind === 'refused' && decision.refusal.details).toEqual({
      fundId: '1',
      fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
      subscriptionId: first.kind === 'completed' ? first.subscription.id : '?',
    });
    expect('change' in decision).toBe(false);
  });

  it('refuses a zero or negative amount with INVALID_AMOUNT, recording nothing', () => {
    const account = open();
    for (const amount of [Money.zero(), Money.parse('-1')]) {
      const decision = subscribe(account, { fundId: '1', amount });
      expect(decision).toMatchObject({ kind: 'refused', refusal: { code: 'INVALID_AMOUNT' } });
    }
  });

  it('never throws for an expected refusal and never changes the account it was called on', () => {
    const account = open();
    expect(() => subscribe(account, { fundId: '1', amount: Money.zero() })).not.toThrow();
    subscribe(account, { fundId: '1' });
    expect(account.balance.equals(OPENING_BALANCE)).toBe(true);
    expect(account.seq).toBe(0);
  });
});

describe('Account.cancel', () => {
  const subscribed = (fundId: string, amount?: string) => {
    const decision = subscribe(open(), {
      fundId,
      ...(amount !== undefined && { amount: Money.parse(amount) }),
    });
    if (decision.kind !== 'completed') throw new Error('not subscribed');
    return decision;
  };

  it('refunds the subscribed amount and closes the subscription', () => {
    const opened = subscribed('5', '150000');
    const cancelAt = new Date('2026-01-16T10:00:00.000Z');
    const decision = opened.change.account.cancel({
      subscriptionId: opened.subscription.id,
      transactionId: 'tx-cancel',
      at: cancelAt,
      history: [opened.change.entry],
    });
    expect(decision.kind).toBe('completed');
    const change = changeOf(decision);
    expect(change.account.balance.equals(OPENING_BALANCE)).toBe(true);
    expect(change.account.holdings).toEqual([]);
    expect(change.transaction).toMatchObject({
      type: 'cancellation',
      status: 'completed',
      fundId: '5',
      createdAt: cancelAt,
    });
    expect(change.transaction.amount.toDecimalString()).toBe('150000.00');
    expect(decision.kind === 'completed' && decision.subscription).toMatchObject({
      status: 'cancelled',
      cancelledAt: cancelAt,
    });
    expect(change.entry.seq).toBe(2);
  });

  it('refuses an unknown subscription with SUBSCRIPTION_NOT_FOUND, recording nothing', () => {
    const opened = subscribed('1');
    const decision = opened.change.account.cancel({
      subscriptionId: 'nope',
      transactionId: 't',
      at,
      history: [],
    });
    expect(decision).toMatchObject({
      kind: 'refused',
      refusal: {
        code: 'SUBSCRIPTION_NOT_FOUND',
        message: 'La suscripción no existe.',
        details: { subscriptionId: 'nope' },
      },
    });
  });

  it('refuses a cancelled subscription with ALREADY_CANCELLED, decided from its history', () => {
    const opened = subscribed('1');
    const cancelled = opened.change.account.cancel({
      subscriptionId: opened.subscription.id,
      transactionId: 't',
      at,
      history: [opened.change.entry],
    });
    const history = [opened.change.entry, changeOf(cancelled).entry];
    const again = after(cancelled).cancel({
      subscriptionId: opened.subscription.id,
      transactionId: 't2',
      at,
      history,
    });
    expect(again).toMatchObject({
      kind: 'refused',
      refusal: {
        code: 'ALREADY_CANCELLED',
        message: 'La suscripción ya fue cancelada.',
        details: {
          subscriptionId: opened.subscription.id,
          fundId: '1',
          fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
        },
      },
    });
  });

  it("treats another client's subscription as not found, whatever history it is given", () => {
    const theirs = subscribed('1');
    const decision = open('c-2').cancel({
      subscriptionId: theirs.subscription.id,
      transactionId: 't',
      at,
      history: [theirs.change.entry],
    });
    expect(decision.kind === 'refused' && decision.refusal.code).toBe('SUBSCRIPTION_NOT_FOUND');
  });

  it('allows subscribing to the fund again after cancelling', () => {
    const opened = subscribed('1');
    const account = after(
      opened.change.account.cancel({
        subscriptionId: opened.subscription.id,
        transactionId: 't',
        at,
        history: [],
      }),
    );
    expect(subscribe(account, { fundId: '1' }).kind).toBe('completed');
  });
});

describe('ledger positions', () => {
  it('every change, completed or failed, is the next seq', () => {
    let account = open();
    const seqs: number[] = [];
    for (const [fundId, amount] of [
      ['1', undefined],
      ['2', '1'],
      ['4', undefined],
      ['3', undefined],
    ] as const) {
      const change = changeOf(
        subscribe(account, { fundId, amount: amount && Money.parse(amount) }),
      );
      seqs.push(change.entry.seq);
      expect(change.account.seq).toBe(change.entry.seq);
      account = change.account;
    }
    const holding = account.holdings[0]!;
    const cancel = account.cancel({
      subscriptionId: holding.subscriptionId,
      transactionId: 't',
      at,
      history: [],
    });
    seqs.push(changeOf(cancel).entry.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });

  it('rebuilds from the latest entry alone', () => {
    const first = subscribe(open(), { fundId: '1' });
    const second = subscribe(after(first), { fundId: '3' });
    const rebuilt = Account.fromLatestEntry(changeOf(second).entry);
    expect(rebuilt.clientId).toBe('c-1');
    expect(rebuilt.seq).toBe(2);
    expect(rebuilt.balance.toDecimalString()).toBe('375000.00');
    expect(rebuilt.holdings.map((h) => h.fundId).sort()).toEqual(['1', '3']);
  });
});

describe('checks on every entry the domain loads', () => {
  const { entry } = changeOf(subscribe(open(), { fundId: '1' }));
  const opened = changeOf(subscribe(open(), { fundId: '1' }));
  const cancellation = changeOf(
    opened.account.cancel({
      subscriptionId: opened.entry.transaction.subscriptionId!,
      transactionId: 't-c',
      at,
      history: [],
    }),
  ).entry;
  const failed = changeOf(subscribe(open(), { fundId: '1', amount: Money.parse('1') })).entry;

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
    [
      'another opening balance than its money adds up to',
      { ...entry, openingBalance: Money.parse('600000') },
    ],
    [
      'a subscription whose holding has another amount',
      {
        ...entry,
        transaction: { ...entry.transaction, amount: Money.parse('80000') },
      },
    ],
    [
      'a cancellation that still holds what it closed',
      {
        ...cancellation,
        holdings: opened.entry.holdings,
        transaction: {
          ...cancellation.transaction,
          balanceAfter: opened.entry.transaction.balanceAfter,
        },
      },
    ],
    [
      'a failed attempt without its reason',
      { ...failed, transaction: { ...failed.transaction, reason: null } },
    ],
    [
      'a fund held twice',
      {
        ...entry,
        holdings: [
          ...entry.holdings,
          { ...entry.holdings[0]!, subscriptionId: 'other', amount: Money.zero() },
        ],
      },
    ],
    ['a position that is not one', { ...entry, seq: 0 }],
  ] satisfies [string, LedgerEntry][])(
    'rejects %s with LEDGER_INVARIANT_BROKEN',
    (_, corrupted) => {
      expect(codeOf(() => Account.fromLatestEntry(corrupted))).toBe('LEDGER_INVARIANT_BROKEN');
    },
  );

  it('accepts the entries the rules produce', () => {
    for (const good of [entry, cancellation, failed]) {
      expect(Account.fromLatestEntry(good).seq).toBe(good.seq);
    }
  });
});
