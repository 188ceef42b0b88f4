import type { NotificationIntent } from '@btg-funds/application';
import type { RejectionReason, TransactionStatus, TransactionType } from '@btg-funds/domain';
import { put } from './map-put.js';

/** What repeats from one entry of a client to the next, kept once (see `RowTraitsKept`). */
export interface RowTraits {
  readonly type: TransactionType;
  readonly status: TransactionStatus;
  readonly reason: RejectionReason | null;
  readonly notification: NotificationIntent | null;
}

/**
 * One (type, status, reason)'s traits: without an intent, and by channel → withheld reason →
 * destination.
 */
class TraitsOfReason {
  withoutIntent: RowTraits | null = null;
  readonly withIntent = new Map<string, Map<string, Map<string, RowTraits>>>();

  constructor(readonly reason: RejectionReason | null) {}
}

/**
 * Type, status, rejection reason and notification intent, one object per distinct combination: a
 * client's entries repeat the same few (a reason's message names only the fund), so each row holds
 * a reference instead of four fields and an intent. The intent comes back as the Mongo adapter
 * gives it: `withheld` only when it is set.
 */
export class RowTraitsKept {
  /**
   * Keyed by the parts themselves, one level each, rather than by one key string joined per
   * entry: the parts are strings the caller already holds (literals, the client's destination),
   * whose hashes V8 keeps, while a joined key is a new string to build and hash on every append.
   */
  private readonly known = new Map<TransactionType, Map<TransactionStatus, ByReason>>();

  of(
    type: TransactionType,
    status: TransactionStatus,
    rejection: RejectionReason | null,
    intent: NotificationIntent | null,
  ): RowTraits {
    const byStatus =
      this.known.get(type) ?? put(this.known, type, new Map<TransactionStatus, ByReason>());
    const byReason = byStatus.get(status) ?? put(byStatus, status, new ByReason());
    const traits = byReason.of(rejection);
    const reason = traits.reason;
    if (intent === null) {
      return (traits.withoutIntent ??= Object.freeze({ type, status, reason, notification: null }));
    }
    const withheld = intent.withheld ?? null;
    const byWithheld =
      traits.withIntent.get(intent.channel) ??
      put(traits.withIntent, intent.channel, new Map<string, Map<string, RowTraits>>());
    const byDestination =
      byWithheld.get(withheld ?? '') ??
      put(byWithheld, withheld ?? '', new Map<string, RowTraits>());
    const known = byDestination.get(intent.destination);
    if (known !== undefined) return known;
    // The intent comes back as the Mongo adapter gives it: `withheld` only when it is set.
    const notification: NotificationIntent = Object.freeze(
      withheld === null
        ? { channel: intent.channel, destination: intent.destination }
        : { channel: intent.channel, destination: intent.destination, withheld },
    );
    return put(
      byDestination,
      intent.destination,
      Object.freeze({ type, status, reason, notification }),
    );
  }
}

/** A (type, status)'s traits by rejection reason: none, or by code → message. */
class ByReason {
  private none: TraitsOfReason | null = null;
  private readonly byCode = new Map<string, Map<string, TraitsOfReason>>();

  of(reason: RejectionReason | null): TraitsOfReason {
    if (reason === null) return (this.none ??= new TraitsOfReason(null));
    const byMessage =
      this.byCode.get(reason.code) ??
      put(this.byCode, reason.code, new Map<string, TraitsOfReason>());
    return (
      byMessage.get(reason.message) ??
      put(
        byMessage,
        reason.message,
        new TraitsOfReason(Object.freeze({ code: reason.code, message: reason.message })),
      )
    );
  }
}
