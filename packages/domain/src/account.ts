import { DomainError } from './errors.js';
import type { Fund } from './fund.js';
import type { LedgerEntry } from './ledger-entry.js';
import { Money } from './money.js';
import {
  activeSubscription,
  cancelledSubscription,
  type Holding,
  type SubscriptionSnapshot,
} from './subscription.js';
import type { RejectionReason, TransactionSnapshot } from './transaction.js';

/** Every new client starts with COP 500.000 (SPEC §1). */
export const INITIAL_BALANCE: Money = Money.parse('500000');

export interface SubscribeCommand {
  readonly fund: Fund;
  /** Defaults to the fund's minimum. */
  readonly amount?: Money | undefined;
  readonly transactionId: string;
  readonly subscriptionId: string;
  readonly at: Date;
}

export interface CancelCommand {
  readonly subscriptionId: string;
  readonly transactionId: string;
  readonly at: Date;
}

/** The result of a command: the next ledger entry and what it means for the caller. */
export interface AccountChange {
  readonly entry: LedgerEntry;
  readonly account: Account;
  readonly transaction: TransactionSnapshot;
  /** The subscription created or cancelled; null when the attempt was rejected. */
  readonly subscription: SubscriptionSnapshot | null;
  /** Set when the attempt was rejected for a business reason and recorded as failed. */
  readonly rejection: DomainError | null;
}

/**
 * A client's money: balance plus active holdings, at ledger position `seq`.
 * Invariant (checked on every construction): balance ≥ 0 and balance + Σ holdings = 500.000.
 */
export class Account {
  private constructor(
    readonly clientId: string,
    readonly seq: number,
    readonly balance: Money,
    private readonly holdingsByFund: ReadonlyMap<string, Holding>,
  ) {
    assertConservation(this);
  }

  /** A new account: nothing written yet (seq 0), initial balance. */
  static open(clientId: string): Account {
    return new Account(clientId, 0, INITIAL_BALANCE, new Map());
  }

  /** Rebuilds the account from its latest ledger entry (or opens it when there is none). */
  static fromLatestEntry(clientId: string, entry: LedgerEntry | null): Account {
    if (entry === null) return Account.open(clientId);
    return new Account(
      clientId,
      entry.seq,
      entry.transaction.balanceAfter,
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
    return this.holdings.find((h) => h.subscriptionId === subscriptionId);
  }

  /**
   * Subscribes to a fund. A rejection for a business reason (inactive fund, amount below the
   * minimum, insufficient balance) is not thrown: it becomes a failed transaction that moves no
   * money. Holding the fund already is a conflict and is thrown.
   */
  subscribe(command: SubscribeCommand): AccountChange {
    const { fund } = command;
    const amount = command.amount ?? fund.minimumAmount;
    if (!amount.isPositive()) {
      throw new DomainError('INVALID_AMOUNT', 'El monto debe ser mayor que cero.');
    }
    if (!fund.active) {
      return this.reject(command, amount, rejection('FUND_INACTIVE', fundInactive(fund.name)));
    }
    if (this.holdingsByFund.has(fund.id)) {
      throw new DomainError(
        'ALREADY_SUBSCRIBED',
        `Ya tiene una suscripción activa al fondo ${fund.name}.`,
        { fundId: fund.id },
      );
    }
    if (amount.lessThan(fund.minimumAmount)) {
      return this.reject(
        command,
        amount,
        rejection(
          'AMOUNT_BELOW_MINIMUM',
          `El monto mínimo para vincularse al fondo ${fund.name} es ${fund.minimumAmount.format()}.`,
        ),
      );
    }
    if (this.balance.lessThan(amount)) {
      return this.reject(
        command,
        amount,
        rejection(
          'INSUFFICIENT_BALANCE',
          `No tiene saldo disponible para vincularse al fondo ${fund.name}`,
        ),
      );
    }
    const holding: Holding = {
      subscriptionId: command.subscriptionId,
      fundId: fund.id,
      fundName: fund.name,
      amount,
      subscribedAt: command.at,
    };
    const next = new Account(
      this.clientId,
      this.seq + 1,
      this.balance.subtract(amount),
      new Map([...this.holdingsByFund, [fund.id, holding]]),
    );
    return next.changeFrom({
      type: 'subscription',
      transactionId: command.transactionId,
      holding,
      at: command.at,
      subscription: activeSubscription(this.clientId, holding),
    });
  }

  /** Cancels an active subscription and refunds its amount. */
  cancel(command: CancelCommand): AccountChange {
    const holding = this.findHolding(command.subscriptionId);
    if (holding === undefined) {
      throw new DomainError(
        'SUBSCRIPTION_NOT_FOUND',
        'La suscripción no existe o no está activa.',
        {
          subscriptionId: command.subscriptionId,
        },
      );
    }
    const remaining = new Map(this.holdingsByFund);
    remaining.delete(holding.fundId);
    const next = new Account(
      this.clientId,
      this.seq + 1,
      this.balance.add(holding.amount),
      remaining,
    );
    return next.changeFrom({
      type: 'cancellation',
      transactionId: command.transactionId,
      holding,
      at: command.at,
      subscription: cancelledSubscription(this.clientId, holding, command.at),
    });
  }

  private changeFrom(input: {
    type: 'subscription' | 'cancellation';
    transactionId: string;
    holding: Holding;
    at: Date;
    subscription: SubscriptionSnapshot;
  }): AccountChange {
    const transaction: TransactionSnapshot = {
      id: input.transactionId,
      clientId: this.clientId,
      type: input.type,
      status: 'completed',
      fundId: input.holding.fundId,
      fundName: input.holding.fundName,
      subscriptionId: input.holding.subscriptionId,
      amount: input.holding.amount,
      balanceAfter: this.balance,
      reason: null,
      createdAt: input.at,
    };
    return {
      entry: { clientId: this.clientId, seq: this.seq, transaction, holdings: this.holdings },
      account: this,
      transaction,
      subscription: input.subscription,
      rejection: null,
    };
  }

  private reject(command: SubscribeCommand, amount: Money, error: DomainError): AccountChange {
    const next = new Account(this.clientId, this.seq + 1, this.balance, this.holdingsByFund);
    const reason: RejectionReason = { code: error.code, message: error.message };
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
      reason,
      createdAt: command.at,
    };
    return {
      entry: { clientId: this.clientId, seq: next.seq, transaction, holdings: next.holdings },
      account: next,
      transaction,
      subscription: null,
      rejection: error,
    };
  }
}

function rejection(
  code: 'FUND_INACTIVE' | 'AMOUNT_BELOW_MINIMUM' | 'INSUFFICIENT_BALANCE',
  message: string,
): DomainError {
  return new DomainError(code, message);
}

function fundInactive(name: string): string {
  return `El fondo ${name} no está disponible para nuevas vinculaciones.`;
}

function assertConservation(account: Account): void {
  if (
    account.balance.isNegative() ||
    !account.balance.add(account.invested).equals(INITIAL_BALANCE)
  ) {
    throw new DomainError(
      'LEDGER_INVARIANT_BROKEN',
      'El estado de la cuenta no cumple la conservación del dinero.',
      { clientId: account.clientId, seq: account.seq, balance: account.balance.toDecimalString() },
    );
  }
}
