import type { CancelCommand, OpenAccountOptions, SubscribeCommand } from './account-commands.js';
import * as DomainErrors from './domain-errors.js';
import type { LedgerEntry } from './ledger-entry.js';
import { assertConservation, assertEntryConsistent } from './ledger-checks.js';
import { Money } from './money.js';
import type { Refusal, Rejection } from './refusal.js';
import {
  activeSubscription,
  cancelledSubscription,
  type Holding,
  type SubscriptionSnapshot,
} from './subscription.js';
import type { TransactionSnapshot } from './transaction.js';

/** The next ledger entry and the account after it. */
export interface AccountChange {
  readonly entry: LedgerEntry;
  readonly account: Account;
  /** `entry.transaction`: the history line the change writes. */
  readonly transaction: TransactionSnapshot;
}

/**
 * What `subscribe` or `cancel` decided — the one channel for every expected outcome (ADR 0006):
 * - `completed`: money moved; record `change.entry`.
 * - `rejected`: refused for a business reason that is recorded as a failed attempt moving no
 *   money (inactive fund, amount below the minimum, insufficient balance); record `change.entry`.
 * - `refused`: refused with nothing to record (already subscribed, a non-positive amount, a
 *   subscription not held).
 */
export type AccountDecision =
  | {
      readonly kind: 'completed';
      readonly change: AccountChange;
      /** The subscription opened or cancelled. */
      readonly subscription: SubscriptionSnapshot;
    }
  | { readonly kind: 'rejected'; readonly change: AccountChange; readonly refusal: Rejection }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

/**
 * A client's money: balance plus active holdings, at ledger position `seq`. Invariant, checked on
 * every construction: balance ≥ 0 and balance + Σ holdings = the opening balance.
 */
export class Account {
  private constructor(
    readonly clientId: string,
    readonly seq: number,
    readonly balance: Money,
    /** What the account was opened with; recorded on every entry. */
    readonly openingBalance: Money,
    private readonly holdingsByFund: ReadonlyMap<string, Holding>,
  ) {
    assertConservation(this);
  }

  /** A new account: nothing written yet (seq 0), the whole opening balance available. */
  static open(clientId: string, options: OpenAccountOptions): Account {
    const { openingBalance } = options;
    return new Account(clientId, 0, openingBalance, openingBalance, new Map());
  }

  /**
   * Rebuilds the account from its latest ledger entry, after checking that the entry agrees
   * with its own movement and with the opening balance it records (LEDGER_INVARIANT_BROKEN).
   */
  static fromLatestEntry(entry: LedgerEntry): Account {
    assertEntryConsistent(entry);
    return new Account(
      entry.clientId,
      entry.seq,
      entry.transaction.balanceAfter,
      entry.openingBalance,
      new Map(entry.holdings.map((h) => [h.fundId, h])),
    );
  }

  get holdings(): readonly Holding[] {
    return [...this.holdingsByFund.values()];
  }

  get invested(): Money {
    return this.holdings.reduce((sum, h) => sum.add(h.amount), Money.zero());
  }

  findHolding(subscriptionId: string): Holding | undefined {
    for (const holding of this.holdingsByFund.values()) {
      if (holding.subscriptionId === subscriptionId) return holding;
    }
    return undefined;
  }

  /**
   * Subscribes to a fund (the amount defaults to the fund's minimum). Never throws for an
   * expected refusal: an inactive fund, an amount below the minimum and an insufficient balance
   * are `rejected` (a failed entry to record); holding the fund already and a non-positive amount
   * are `refused` (nothing to record).
   */
  subscribe(command: SubscribeCommand): AccountDecision {
    const { fund } = command;
    const amount = command.amount ?? fund.minimumAmount;
    if (!amount.isPositive()) return refused(DomainErrors.nonPositiveAmount(amount));
    if (!fund.active) return this.reject(command, amount, DomainErrors.fundInactive(fund));
    const held = this.holdingsByFund.get(fund.id);
    if (held !== undefined) {
      return refused(DomainErrors.alreadySubscribed(fund, held.subscriptionId));
    }
    if (amount.lessThan(fund.minimumAmount)) {
      return this.reject(command, amount, DomainErrors.amountBelowMinimum(fund, amount));
    }
    if (this.balance.lessThan(amount)) {
      return this.reject(
        command,
        amount,
        DomainErrors.insufficientBalance(fund, amount, this.balance),
      );
    }
    const holding: Holding = {
      subscriptionId: command.subscriptionId,
      fundId: fund.id,
      fundName: fund.name,
      amount,
      subscribedAt: command.at,
    };
    const next = this.next(
      this.balance.subtract(amount),
      new Map([...this.holdingsByFund, [fund.id, holding]]),
    );
    return {
      kind: 'completed',
      change: next.changeWith(completed('subscription', command, holding, next)),
      subscription: activeSubscription(this.clientId, holding),
    };
  }

  /**
   * Cancels an active subscription and refunds its amount. One the account does not hold is
   * `refused`: ALREADY_CANCELLED when `history` shows the client opened it, else
   * SUBSCRIPTION_NOT_FOUND (someone else's and unknown ids look the same).
   */
  cancel(command: CancelCommand): AccountDecision {
    const holding = this.findHolding(command.subscriptionId);
    if (holding === undefined) return refused(this.whyNotHeld(command));
    const remaining = new Map(this.holdingsByFund);
    remaining.delete(holding.fundId);
    const next = this.next(this.balance.add(holding.amount), remaining);
    return {
      kind: 'completed',
      change: next.changeWith(completed('cancellation', command, holding, next)),
      subscription: cancelledSubscription(this.clientId, holding, command.at),
    };
  }

  private whyNotHeld({ subscriptionId, history }: CancelCommand): Refusal {
    const opened = history.find(
      ({ clientId, transaction: tx }) =>
        clientId === this.clientId &&
        tx.type === 'subscription' &&
        tx.status === 'completed' &&
        tx.subscriptionId === subscriptionId,
    );
    if (opened === undefined) return DomainErrors.subscriptionNotFound(subscriptionId);
    const { fundId, fundName } = opened.transaction;
    return DomainErrors.alreadyCancelled(subscriptionId, { id: fundId, name: fundName });
  }

  private reject(command: SubscribeCommand, amount: Money, refusal: Rejection): AccountDecision {
    const next = this.next(this.balance, this.holdingsByFund);
    const transaction: TransactionSnapshot = {
      id: command.transactionId,
      clientId: this.clientId,
      type: 'subscription',
      status: 'failed',
      fundId: command.fund.id,
      fundName: command.fund.name,
      subscriptionId: null,
      amount,
      balanceAfter: this.balance,
      reason: { code: refusal.code, message: refusal.message },
      createdAt: command.at,
    };
    return { kind: 'rejected', change: next.changeWith(transaction), refusal };
  }

  /** The account one position further on, with the same opening balance. */
  private next(balance: Money, holdings: ReadonlyMap<string, Holding>): Account {
    return new Account(this.clientId, this.seq + 1, balance, this.openingBalance, holdings);
  }

  /** The entry that brings the ledger to this account's state, and this account. */
  private changeWith(transaction: TransactionSnapshot): AccountChange {
    const entry: LedgerEntry = {
      clientId: this.clientId,
      seq: this.seq,
      transaction,
      holdings: this.holdings,
      openingBalance: this.openingBalance,
    };
    return { entry, account: this, transaction };
  }
}

function refused(refusal: Refusal): AccountDecision {
  return { kind: 'refused', refusal };
}

/** The history line of a completed subscription or cancellation, leading to `after`. */
function completed(
  type: 'subscription' | 'cancellation',
  command: { readonly transactionId: string; readonly at: Date },
  holding: Holding,
  after: Account,
): TransactionSnapshot {
  return {
    id: command.transactionId,
    clientId: after.clientId,
    type,
    status: 'completed',
    fundId: holding.fundId,
    fundName: holding.fundName,
    subscriptionId: holding.subscriptionId,
    amount: holding.amount,
    balanceAfter: after.balance,
    reason: null,
    createdAt: command.at,
  };
}
