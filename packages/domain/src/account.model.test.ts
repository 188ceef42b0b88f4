import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Account, type AccountChange, type AccountDecision } from './account.js';
import type { Fund } from './fund.js';
import { Money } from './money.js';
import { OPENING, TEST_FUNDS } from './testing/funds.js';

/** The trivial model: a balance in centavos, what is held per fund, which funds are open. */
interface Model {
  balance: bigint;
  held: Map<string, { subscriptionId: string; amount: bigint }>;
  seq: number;
  closed: Set<string>;
}
interface Real {
  account: Account;
  funds: Map<string, Fund>;
}
type Outcome = string; // 'completed' | a rejection code recorded as failed | 'refused:' + code

const at = new Date('2026-01-15T15:00:00.000Z');
let ids = 0;
const minimum = (fundId: string) =>
  TEST_FUNDS.find((f) => f.id === fundId)!.minimumAmount.toMinorUnits();

/** Every expected outcome comes back in the decision; a throw here fails the run. */
function run(fn: () => AccountDecision): { change: AccountChange | null; outcome: Outcome } {
  const decision = fn();
  if (decision.kind === 'refused') {
    return { change: null, outcome: `refused:${decision.refusal.code}` };
  }
  const outcome = decision.kind === 'rejected' ? decision.refusal.code : 'completed';
  return { change: decision.change, outcome };
}

function assertAgree(m: Model, r: Real): void {
  expect(r.account.balance.toMinorUnits()).toBe(m.balance);
  expect(r.account.seq).toBe(m.seq);
  const real = r.account.holdings.map((h) => [h.fundId, h.subscriptionId, h.amount.toMinorUnits()]);
  const model = [...m.held].map(([fundId, h]) => [fundId, h.subscriptionId, h.amount]);
  expect(real.sort()).toEqual(model.sort());
}

class Subscribe implements fc.Command<Model, Real> {
  constructor(
    readonly fundId: string,
    readonly amount: bigint | null,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const amount = this.amount ?? minimum(this.fundId);
    const expected = m.closed.has(this.fundId)
      ? 'FUND_INACTIVE'
      : m.held.has(this.fundId)
        ? 'refused:ALREADY_SUBSCRIBED'
        : amount < minimum(this.fundId)
          ? 'AMOUNT_BELOW_MINIMUM'
          : m.balance < amount
            ? 'INSUFFICIENT_BALANCE'
            : 'completed';
    const subscriptionId = `sub-${(ids += 1)}`;
    const { change, outcome } = run(() =>
      r.account.subscribe({
        fund: r.funds.get(this.fundId)!,
        amount: this.amount === null ? undefined : Money.fromMinorUnits(this.amount),
        transactionId: `tx-${ids}`,
        subscriptionId,
        at,
      }),
    );
    expect(outcome).toBe(expected);
    if (change !== null) {
      r.account = change.account;
      m.seq += 1;
    }
    if (outcome === 'completed') {
      m.balance -= amount;
      m.held.set(this.fundId, { subscriptionId, amount });
    }
    assertAgree(m, r);
  }
  toString = () => `subscribe(${this.fundId}, ${this.amount ?? 'default'})`;
}

class Cancel implements fc.Command<Model, Real> {
  constructor(readonly pick: number | null) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const held = [...m.held];
    const target = this.pick === null || held.length === 0 ? null : held[this.pick % held.length]!;
    const subscriptionId = target?.[1].subscriptionId ?? 'sub-unknown';
    const { change, outcome } = run(() =>
      r.account.cancel({ subscriptionId, transactionId: `tx-${(ids += 1)}`, at, history: [] }),
    );
    expect(outcome).toBe(target === null ? 'refused:SUBSCRIPTION_NOT_FOUND' : 'completed');
    if (change !== null && target !== null) {
      r.account = change.account;
      m.seq += 1;
      m.balance += target[1].amount;
      m.held.delete(target[0]);
    }
    assertAgree(m, r);
  }
  toString = () => `cancel(${this.pick ?? 'unknown'})`;
}

class SetFundActive implements fc.Command<Model, Real> {
  constructor(
    readonly fundId: string,
    readonly active: boolean,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    r.funds.set(this.fundId, r.funds.get(this.fundId)!.update({ active: this.active }));
    if (this.active) m.closed.delete(this.fundId);
    else m.closed.add(this.fundId);
    assertAgree(m, r);
  }
  toString = () => `setActive(${this.fundId}, ${this.active})`;
}

const fundId = fc.constantFrom(...TEST_FUNDS.map((f) => f.id));
const amount = fc.option(
  fc.oneof(
    fc.bigInt({ min: 1n, max: 30_000_000n }),
    fc.bigInt({ min: 5_000_000n, max: 55_000_000n }),
    fc.constantFrom(7_500_000n, 12_500_000n, 5_000_000n, 25_000_000n, 10_000_000n, 50_000_000n),
    fc.bigInt({ min: 50_000_001n, max: 10n ** 17n }),
  ),
  { nil: null },
);
const commands = fc.commands(
  [
    fc.tuple(fundId, amount).map(([f, a]) => new Subscribe(f, a)),
    fc.tuple(fundId, amount).map(([f, a]) => new Subscribe(f, a)),
    fc.option(fc.nat(9), { nil: null, freq: 6 }).map((p) => new Cancel(p)),
    fc.tuple(fundId, fc.boolean()).map(([f, a]) => new SetFundActive(f, a)),
  ],
  { maxCommands: 60, size: 'medium' },
);

describe('Account against a trivial model', () => {
  it('agrees on every outcome (success or which rejection) and on the resulting state', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const setup = () => ({
          model: { balance: 50_000_000n, held: new Map(), seq: 0, closed: new Set<string>() },
          real: {
            account: Account.open('c-1', OPENING),
            funds: new Map(TEST_FUNDS.map((f) => [f.id, f])),
          },
        });
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 100 },
    );
  });
});
