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
    new Set(entry.holdings.map((h) => h.fundId)).size === entry.holdings.length &&
    new Set(entry.holdings.map((h) => h.subscriptionId)).size === entry.holdings.length &&
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

function broken(state: AccountState, rule: 'conservation' | 'movement') {
  return DomainErrors.ledgerInvariantBroken({
    rule,
    clientId: state.clientId,
    seq: state.seq,
    balance: state.balance.toDecimalString(),
    openingBalance: state.openingBalance.toDecimalString(),
  });
}
