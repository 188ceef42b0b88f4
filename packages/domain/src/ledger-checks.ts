import * as DomainErrors from './domain-errors.js';
import type { LedgerEntry } from './ledger-entry.js';
import type { Money } from './money.js';
import type { Holding } from './subscription.js';

/** The state an Account is built from, as the conservation law reads it. */
interface AccountState {
  readonly clientId: string;
  readonly seq: number;
  readonly balance: Money;
  readonly openingBalance: Money;
  readonly holdings: readonly Holding[];
}

/**
 * Conservation: balance ≥ 0 and balance + Σ holdings = the opening balance the ledger itself
 * records. Checked on every Account the domain builds, so also on every entry it loads.
 */
export function assertConservation(state: AccountState): void {
  const invested = state.holdings.reduce((sum, h) => sum.add(h.amount), state.balance);
  if (state.balance.isNegative() || !invested.equals(state.openingBalance)) {
    throw broken(state, 'conservation');
  }
}

/**
 * An entry must agree with its own movement: a completed subscription holds what it opened, a
 * cancellation no longer holds what it closed, a failed attempt names its reason and opens
 * nothing; each fund and subscription is held at most once; seq is a position (1, 2, …).
 */
export function assertEntryConsistent(entry: LedgerEntry): void {
  const tx = entry.transaction;
  const held = entry.holdings.find((h) => h.subscriptionId === tx.subscriptionId);
  const consistent =
    Number.isSafeInteger(entry.seq) &&
    entry.seq >= 1 &&
    tx.clientId === entry.clientId &&
    eachHeldOnce(entry.holdings) &&
    (tx.status === 'failed'
      ? tx.subscriptionId === null && tx.reason !== null
      : tx.subscriptionId !== null &&
        (tx.type === 'subscription'
          ? held !== undefined && held.fundId === tx.fundId && held.amount.equals(tx.amount)
          : held === undefined));
  if (!consistent) {
    throw broken({ ...entry, balance: tx.balanceAfter, holdings: entry.holdings }, 'movement');
  }
}

/**
 * No two holdings share a fund or a subscription. An account holds at most one subscription per
 * fund, a handful, so every pair is compared rather than two sets built for each entry checked (it
 * runs on every entry loaded and every one decided); past a few dozen, sets keep it linear.
 */
export function eachHeldOnce(holdings: readonly Holding[]): boolean {
  if (holdings.length > PAIRWISE_UP_TO) {
    return (
      new Set(holdings.map((h) => h.fundId)).size === holdings.length &&
      new Set(holdings.map((h) => h.subscriptionId)).size === holdings.length
    );
  }
  for (let i = 0; i < holdings.length; i += 1) {
    for (let j = i + 1; j < holdings.length; j += 1) {
      const a = holdings[i]!;
      const b = holdings[j]!;
      if (a.fundId === b.fundId || a.subscriptionId === b.subscriptionId) return false;
    }
  }
  return true;
}

const PAIRWISE_UP_TO = 32;

function broken(state: AccountState, rule: 'conservation' | 'movement') {
  return DomainErrors.ledgerInvariantBroken({
    rule,
    clientId: state.clientId,
    seq: state.seq,
    balance: state.balance.toDecimalString(),
    openingBalance: state.openingBalance.toDecimalString(),
  });
}
