import type { Account, AccountChange, AccountDecision, Refusal } from '@btg-funds/domain';
import { concurrentModification, storageTooSlow } from '../application-errors.js';
import { isBusinessError } from '../errors.js';
import {
  LedgerConflict,
  LedgerSequenceGap,
  type Ledger,
  type LedgerRecord,
  type NotificationIntent,
} from '../ports/index.js';
import { accountOf } from './account-of.js';
import { hasPassed, NO_DEADLINE, type Deadline } from './deadline.js';
import { OutcomeUnknown } from './outcome-unknown.js';
import { backoffDelay, sleep, type RetryPolicy } from './retry-policy.js';

export interface LedgerOperation {
  readonly clientId: string;
  readonly transactionId: string;
  /**
   * Whether an entry may already hold `transactionId`: an Idempotency-Key's attempt resumed
   * after one that may have written it (ADR 0003). False when the id was drawn for this request:
   * then no entry but one this run appends can hold it, so a refusal is answered without looking
   * for it (ADR 0721). Unset counts as resumed.
   */
  readonly resumed?: boolean | undefined;
  /** Applies the rules to the current account; every expected refusal is in the decision. */
  decide(account: Account): AccountDecision;
  /** The notification to record with a completed change (the outbox). */
  notification(change: AccountChange): NotificationIntent | null;
  /** No append starts once it has passed (the caller is about to answer). */
  readonly deadline?: Deadline | undefined;
  /**
   * The account's latest entry as a hint (`Ledger.latestHint`), already read by the caller with
   * its other inputs (one storage wait instead of two in a row): the first attempt decides on it
   * instead of reading again. It may be behind the ledger: an append decided on it then loses
   * its race and the retry reads afresh; before a refusal decided on it is answered, the
   * position after it is probed, and if taken the operation decides again on the latest entry
   * (ADR 0720).
   */
  readonly latest?: LedgerRecord | null | undefined;
  /**
   * A second look at a refusal, with data only a refusal needs (read only then): e.g. whether a
   * subscription not held was cancelled or never existed. Decides on the same account.
   */
  reconsider?(account: Account, refusal: Refusal): Promise<AccountDecision>;
}

/** A decision that writes an entry: money moved, or a failed attempt recorded. */
export type RecordedDecision = Exclude<AccountDecision, { readonly kind: 'refused' }>;

export type LedgerOperationResult =
  | {
      readonly kind: 'applied';
      readonly decision: RecordedDecision;
      readonly record: LedgerRecord;
    }
  | { readonly kind: 'already-applied'; readonly record: LedgerRecord }
  /** Refused with nothing to record (already subscribed, not held…): nothing was written. */
  | { readonly kind: 'refused'; readonly refusal: Refusal };

/**
 * Optimistic concurrency without transactions (ADR 0002): read the latest entry, decide, and
 * append entry seq + 1. The store's unique (clientId, seq) lets exactly one competitor win; a
 * loser re-reads and decides again on the new state, so no rule is ever checked on stale data.
 */
export async function runLedgerOperation(
  ledger: Ledger,
  policy: RetryPolicy,
  operation: LedgerOperation,
): Promise<LedgerOperationResult> {
  const attempts = { sent: 0 };
  try {
    return await attemptUntilApplied(ledger, policy, operation, attempts);
  } catch (error) {
    // Once an append was sent, a failure of the store may hide a written entry: only a business
    // answer (decided on data read after every append we sent lost) is still certain, and so is
    // a gap the ledger refused (it wrote nothing; every earlier append lost its race).
    if (
      attempts.sent > 0 &&
      !isBusinessError(error) &&
      !(error instanceof OutcomeUnknown) &&
      !(error instanceof LedgerSequenceGap)
    ) {
      throw new OutcomeUnknown({ cause: error });
    }
    throw error;
  }
}

async function attemptUntilApplied(
  ledger: Ledger,
  policy: RetryPolicy,
  operation: LedgerOperation,
  attempts: { sent: number },
): Promise<LedgerOperationResult> {
  const deadline = operation.deadline ?? NO_DEADLINE;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt += 1) {
    if (hasPassed(deadline)) throw deadlineMissed(attempts.sent);
    const hinted = attempt === 1 && operation.latest !== undefined;
    let account = accountOf(
      operation.clientId,
      hinted ? operation.latest! : await ledger.latest(operation.clientId),
    );
    let decision = operation.decide(account);
    if (
      decision.kind === 'refused' &&
      hinted &&
      (await ledger.hasPosition(operation.clientId, account.seq + 1))
    ) {
      // Nothing will be appended to prove the hint current, and it is not: refuse only what the
      // ledger's latest entry refuses (a cancellation made elsewhere may have freed the fund).
      account = accountOf(operation.clientId, await ledger.latest(operation.clientId));
      decision = operation.decide(account);
    }
    if (decision.kind === 'refused' && operation.reconsider !== undefined) {
      decision = await operation.reconsider(account, decision.refusal);
    }
    if (decision.kind === 'refused') {
      // A resumed attempt sees the state its own committed transaction produced, and the rules
      // refuse to repeat it (already subscribed, already cancelled): answer with that entry. A
      // new id's only possible entry is this run's own append, and each one that lost a race was
      // looked for below, so there is nothing to find.
      if (operation.resumed !== false) {
        const existing = await ledger.findByTransactionId(
          operation.clientId,
          operation.transactionId,
        );
        if (existing !== null) return { kind: 'already-applied', record: existing };
      }
      return { kind: 'refused', refusal: decision.refusal };
    }
    const record: LedgerRecord = {
      ...decision.change.entry,
      notification: decision.kind === 'completed' ? operation.notification(decision.change) : null,
    };
    // The last check before money may move: past it, the caller is answering without us.
    if (hasPassed(deadline)) throw deadlineMissed(attempts.sent);
    attempts.sent += 1;
    try {
      await ledger.append(record);
      return { kind: 'applied', decision, record };
    } catch (error) {
      // A gap is our bug and wrote nothing; anything else but a lost race leaves the entry
      // unknown: written, or not.
      if (error instanceof LedgerSequenceGap) throw error;
      if (!(error instanceof LedgerConflict)) throw new OutcomeUnknown({ cause: error });
    }
    // The conflict may be our own transaction, written by an attempt that died after the
    // append (resumed Idempotency-Key): then the operation is done, not to be redone.
    const existing = await ledger.findByTransactionId(operation.clientId, operation.transactionId);
    if (existing !== null) return { kind: 'already-applied', record: existing };
    await sleep(backoffDelay(policy, attempt));
  }
  throw concurrentModification();
}

/**
 * The deadline passed before an append could start, so this request wrote nothing: every append
 * it sent lost its race (a hot account: the clean 409 of ADR 0002), or none was sent because the
 * store was too slow to read (an outage: 503).
 */
function deadlineMissed(appendsSent: number): Error {
  return appendsSent > 0 ? concurrentModification() : storageTooSlow();
}
