import { DomainErrors } from '@btg-funds/domain';
import { ApplicationError } from '../errors.js';
import type { Outbox } from '../notifications/outbox.js';
import type { Ledger, LedgerRecord } from '../ports/index.js';
import type { LedgerOperationResult } from '../shared/ledger-operation.js';
import type { OperationResult } from './operation-result.js';
import { subscriptionsFromHistory } from './subscription-view.js';

/**
 * The answer of a subscription or cancellation once its ledger operation ran: the result, or the
 * refusal thrown (after its failed entry, if any, is durable).
 */
export async function answerOf(
  outcome: LedgerOperationResult,
  deps: { readonly ledger: Ledger; readonly outbox: Outbox },
): Promise<OperationResult> {
  if (outcome.kind === 'refused') throw outcome.refusal;
  // Resumed too: the interrupted attempt may have stopped before recording its delivery.
  await deps.outbox.enqueue(outcome.record);
  if (outcome.kind === 'already-applied') return resultFromRecord(deps.ledger, outcome.record);
  const { decision } = outcome;
  // Recorded as a failed attempt that moved no money; the caller hears why.
  if (decision.kind === 'rejected') throw decision.refusal;
  return {
    subscription: decision.subscription,
    transaction: decision.change.transaction,
    balance: decision.change.account.balance,
  };
}

/**
 * The answer of the operation holding `transactionId` if the ledger has it (an Idempotency-Key
 * retry, ADR 0715), else null. When the attempt that wrote the entry may have died (`orphaned`),
 * its delivery record is ensured too; a live one writes it itself (and recovery backs both).
 */
export async function answerFromLedger(
  clientId: string,
  transactionId: string,
  orphaned: boolean,
  deps: { readonly ledger: Ledger; readonly outbox: Outbox },
): Promise<OperationResult | null> {
  const record = await deps.ledger.findByTransactionId(clientId, transactionId);
  if (record === null) return null;
  if (orphaned) return answerOf({ kind: 'already-applied', record }, deps);
  return resultFromRecord(deps.ledger, record);
}

/**
 * Rebuilds the answer of an operation that an earlier, interrupted attempt already wrote to the
 * ledger (resumed Idempotency-Key), so the client gets the answer instead of a second debit.
 */
export async function resultFromRecord(
  ledger: Ledger,
  record: LedgerRecord,
): Promise<OperationResult> {
  const tx = record.transaction;
  if (tx.status === 'failed' && tx.reason !== null) {
    throw new ApplicationError(tx.reason.code, tx.reason.message);
  }
  const history =
    tx.subscriptionId === null
      ? []
      : await ledger.findBySubscriptionId(record.clientId, tx.subscriptionId);
  const [subscription] = subscriptionsFromHistory(
    record.clientId,
    history.filter((entry) => entry.seq <= record.seq),
  );
  if (subscription === undefined) {
    throw DomainErrors.ledgerInvariantBroken({ clientId: record.clientId, seq: record.seq });
  }
  return { subscription, transaction: tx, balance: tx.balanceAfter };
}
