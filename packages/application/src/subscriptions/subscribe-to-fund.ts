import type { Money, NotificationChannel } from '@btg-funds/domain';
import { clientNotFound, fundNotFound } from '../application-errors.js';
import {
  DEFAULT_NOTIFICATION_POLICY,
  notificationIntent,
  type NotificationPolicy,
} from '../notifications/notification-policy.js';
import type { Outbox } from '../notifications/outbox.js';
import type {
  ClientRepository,
  Clock,
  FundRepository,
  IdGenerator,
  Ledger,
} from '../ports/index.js';
import type { Deadline } from '../shared/deadline.js';
import type { AttemptContext, Idempotent, IdempotencyGuard } from '../shared/idempotency-guard.js';
import { runLedgerOperation } from '../shared/ledger-operation.js';
import type { RetryPolicy } from '../shared/retry-policy.js';
import type { OperationResult } from './operation-result.js';
import { answerFromLedger, answerOf } from './result-from-record.js';

export interface SubscribeToFundInput {
  readonly clientId: string;
  readonly fundId: string;
  /** Defaults to the fund's minimum. */
  readonly amount?: Money | undefined;
  /** Overrides the profile's notification preference for this operation only. */
  readonly notify?: NotificationChannel | undefined;
  readonly idempotencyKey?: string | undefined;
  /** No ledger attempt starts after it (the caller's answer deadline). */
  readonly deadline?: Deadline | undefined;
}

export interface SubscribeToFundDeps {
  readonly clients: ClientRepository;
  readonly funds: FundRepository;
  readonly ledger: Ledger;
  readonly outbox: Outbox;
  readonly idempotency: IdempotencyGuard;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly retry: RetryPolicy;
  /** Where notifications may go; default: verified destinations, SMS to +57 (ADR 0405). */
  readonly notificationPolicy?: NotificationPolicy | undefined;
}

/** Apertura: subscribes the client to a fund, debiting the amount from the balance. */
export class SubscribeToFund {
  constructor(private readonly deps: SubscribeToFundDeps) {}

  execute(input: SubscribeToFundInput): Promise<Idempotent<OperationResult>> {
    const fingerprint = JSON.stringify([
      'subscribe',
      input.fundId,
      input.amount?.toDecimalString() ?? null,
      input.notify ?? null,
    ]);
    return this.deps.idempotency.run(
      { clientId: input.clientId, key: input.idempotencyKey, fingerprint },
      (attempt) => this.subscribe(input, attempt),
      (transactionId, orphaned) =>
        answerFromLedger(input.clientId, transactionId, orphaned, this.deps),
    );
  }

  private async subscribe(
    input: SubscribeToFundInput,
    { transactionId, resumed }: AttemptContext,
  ): Promise<OperationResult> {
    const { clients, funds, ledger, clock, ids } = this.deps;
    // Every input keyed by what the request carries, read at once (one storage wait): the
    // client, the fund and the account's latest entry as a hint (the ledger head), which the
    // first attempt decides on: its append conflicts if the hint was behind (ADR 0720).
    const [found, fund, latest] = await Promise.all([
      clients.findById(input.clientId),
      funds.findById(input.fundId),
      ledger.latestHint(input.clientId),
    ]);
    if (found === null) throw clientNotFound();
    if (fund === null) throw fundNotFound(input.fundId);
    const { client } = found;
    const intent = notificationIntent(
      client,
      input.notify ?? client.notificationPreference,
      this.deps.notificationPolicy ?? DEFAULT_NOTIFICATION_POLICY,
    );
    const subscriptionId = ids.next();
    const at = clock.now();
    const outcome = await runLedgerOperation(ledger, this.deps.retry, {
      clientId: client.id,
      transactionId,
      resumed,
      deadline: input.deadline,
      latest,
      decide: (account) =>
        account.subscribe({ fund, amount: input.amount, transactionId, subscriptionId, at }),
      notification: () => intent,
    });
    return answerOf(outcome, this.deps);
  }
}
