import { isDomainError } from '@btg-funds/domain';
import { ApplicationError } from '../errors.js';
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
import { resultFromRecord } from './result-from-record.js';

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
    const client = await clients.findById(input.clientId);
    if (client === null) throw new ApplicationError('CLIENT_NOT_FOUND', 'El cliente no existe.');
    const intent = notificationIntent(
      client,
      client.notificationPreference,
      this.deps.notificationPolicy ?? DEFAULT_NOTIFICATION_POLICY,
    );
    const at = clock.now();
    try {
      const outcome = await runLedgerOperation(
        ledger,
        this.deps.retry,
        {
          clientId: client.id,
          transactionId,
          deadline: input.deadline,
          decide: (account) =>
            account.cancel({ subscriptionId: input.subscriptionId, transactionId, at }),
          notification: () => intent,
        },
        this.deps.onConflict,
      );
      // Resumed too: the interrupted attempt may have stopped before recording its delivery.
      await this.deps.outbox.enqueue(outcome.record);
      if (outcome.kind === 'already-applied') return await resultFromRecord(ledger, outcome.record);
      return {
        subscription: outcome.change.subscription!,
        transaction: outcome.change.transaction,
        balance: outcome.change.account.balance,
      };
    } catch (error) {
      if (isDomainError(error) && error.code === 'SUBSCRIPTION_NOT_FOUND') {
        throw await this.explainMissing(input);
      }
      throw error;
    }
  }

  /** Not active: either it was cancelled before (409) or it is not this client's (404). */
  private async explainMissing(input: CancelSubscriptionInput): Promise<ApplicationError> {
    const history = await this.deps.ledger.findBySubscriptionId(
      input.clientId,
      input.subscriptionId,
    );
    if (history.some((r) => r.transaction.type === 'cancellation')) {
      return new ApplicationError('ALREADY_CANCELLED', 'La suscripción ya fue cancelada.', {
        subscriptionId: input.subscriptionId,
      });
    }
    return new ApplicationError('SUBSCRIPTION_NOT_FOUND', 'La suscripción no existe.', {
      subscriptionId: input.subscriptionId,
    });
  }
}
