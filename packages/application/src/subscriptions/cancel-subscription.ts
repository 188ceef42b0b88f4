import { clientNotFound } from '../application-errors.js';
import {
  DEFAULT_NOTIFICATION_POLICY,
  notificationIntent,
  type NotificationPolicy,
} from '../notifications/notification-policy.js';
import type { Outbox } from '../notifications/outbox.js';
import type { ClientRepository, Clock, Ledger } from '../ports/index.js';
import type { Deadline } from '../shared/deadline.js';
import type { Idempotent, IdempotencyGuard } from '../shared/idempotency-guard.js';
import { runLedgerOperation } from '../shared/ledger-operation.js';
import type { RetryPolicy } from '../shared/retry-policy.js';
import { operationResultCodec, type OperationResult } from './operation-result.js';
import { answerOf } from './result-from-record.js';

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
  readonly onConflict?: () => void;
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
      operationResultCodec,
      ({ transactionId }) => this.cancel(input, transactionId),
    );
  }

  private async cancel(
    input: CancelSubscriptionInput,
    transactionId: string,
  ): Promise<OperationResult> {
    const { clients, ledger, clock } = this.deps;
    // The subscription's own entries, read with the client (in parallel, before any ledger
    // position is read): with them the account decides a refusal once — cancelled before (409)
    // or never this client's (404) — instead of a second look after it refused.
    const [found, history] = await Promise.all([
      clients.findById(input.clientId),
      ledger.findBySubscriptionId(input.clientId, input.subscriptionId),
    ]);
    if (found === null) throw clientNotFound();
    const { client } = found;
    const intent = notificationIntent(
      client,
      client.notificationPreference,
      this.deps.notificationPolicy ?? DEFAULT_NOTIFICATION_POLICY,
    );
    const at = clock.now();
    const outcome = await runLedgerOperation(
      ledger,
      this.deps.retry,
      {
        clientId: client.id,
        transactionId,
        deadline: input.deadline,
        decide: (account) =>
          account.cancel({ subscriptionId: input.subscriptionId, transactionId, at, history }),
        notification: () => intent,
      },
      this.deps.onConflict,
    );
    return answerOf(outcome, this.deps);
  }
}
