import { clientNotFound } from '../application-errors.js';
import {
  DEFAULT_NOTIFICATION_POLICY,
  notificationIntent,
  type NotificationPolicy,
} from '../notifications/notification-policy.js';
import type { Outbox } from '../notifications/outbox.js';
import type { ClientRepository, Clock, Ledger } from '../ports/index.js';
import type { Deadline } from '../shared/deadline.js';
import type { AttemptContext, Idempotent, IdempotencyGuard } from '../shared/idempotency-guard.js';
import { runLedgerOperation } from '../shared/ledger-operation.js';
import type { RetryPolicy } from '../shared/retry-policy.js';
import type { OperationResult } from './operation-result.js';
import { answerFromLedger, answerOf } from './result-from-record.js';

export interface CancelSubscriptionInput {
  readonly clientId: string;
  readonly subscriptionId: string;
  readonly idempotencyKey?: string | undefined;
  /** No ledger attempt starts after it (the caller's answer deadline). */
  readonly deadline?: Deadline | undefined;
}

export interface CancelSubscriptionDeps {
  readonly clients: ClientRepository;
  readonly ledger: Ledger;
  readonly outbox: Outbox;
  readonly idempotency: IdempotencyGuard;
  readonly clock: Clock;
  readonly retry: RetryPolicy;
  /** Where notifications may go; default: verified destinations, SMS to +57 (ADR 0405). */
  readonly notificationPolicy?: NotificationPolicy | undefined;
}

/** Cancelación: closes an active subscription and refunds its amount, exactly once. */
export class CancelSubscription {
  constructor(private readonly deps: CancelSubscriptionDeps) {}

  execute(input: CancelSubscriptionInput): Promise<Idempotent<OperationResult>> {
    return this.deps.idempotency.run(
      {
        clientId: input.clientId,
        key: input.idempotencyKey,
        fingerprint: JSON.stringify(['cancel', input.subscriptionId]),
      },
      (attempt) => this.cancel(input, attempt),
      (transactionId, orphaned) =>
        answerFromLedger(input.clientId, transactionId, orphaned, this.deps),
    );
  }

  private async cancel(
    input: CancelSubscriptionInput,
    { transactionId, resumed }: AttemptContext,
  ): Promise<OperationResult> {
    const { clients, ledger, clock } = this.deps;
    // The client and the account's latest entry as a hint (ADR 0720), read at once (one storage
    // wait). The latest entry's holdings carry everything a cancellation needs; the
    // subscription's own entries are read only to explain a refusal (cancelled before: 409,
    // never this client's: 404).
    const [found, latest] = await Promise.all([
      clients.findById(input.clientId),
      ledger.latestHint(input.clientId),
    ]);
    if (found === null) throw clientNotFound();
    const { client } = found;
    const intent = notificationIntent(
      client,
      client.notificationPreference,
      this.deps.notificationPolicy ?? DEFAULT_NOTIFICATION_POLICY,
    );
    const at = clock.now();
    const { subscriptionId } = input;
    const outcome = await runLedgerOperation(ledger, this.deps.retry, {
      clientId: client.id,
      transactionId,
      resumed,
      deadline: input.deadline,
      latest,
      decide: (account) => account.cancel({ subscriptionId, transactionId, at, history: [] }),
      // Not held at this position: its entries up to the position say whether it was opened
      // (then it was cancelled since: 409) or never existed there (404). Read after the
      // position (entries are never removed), so nothing up to it is missed.
      reconsider: async (account) => {
        const entries = await ledger.findBySubscriptionId(client.id, subscriptionId);
        const history = entries.filter((entry) => entry.seq <= account.seq);
        return account.cancel({ subscriptionId, transactionId, at, history });
      },
      notification: () => intent,
    });
    return answerOf(outcome, this.deps);
  }
}
