import type { NotificationIntent } from '@btg-funds/application';
import type { TransactionStatus, TransactionType } from '@btg-funds/domain';

/** What repeats from one entry of a client to the next, kept once (see `RowTraitsKept`). */
export interface RowTraits {
  readonly type: TransactionType;
  readonly status: TransactionStatus;
  readonly notification: NotificationIntent | null;
}

/**
 * Type, status and notification intent, one object per distinct combination: a client's entries
 * repeat the same few, so each row holds a reference instead of three fields and an intent. The
 * intent comes back as the Mongo adapter gives it: `withheld` only when it is set.
 */
export class RowTraitsKept {
  private readonly known = new Map<string, RowTraits>();

  of(
    type: TransactionType,
    status: TransactionStatus,
    intent: NotificationIntent | null,
  ): RowTraits {
    const withheld = intent?.withheld ?? null;
    const key =
      intent === null
        ? `${type}|${status}`
        : `${type}|${status}|${intent.channel}|${withheld ?? ''}|${intent.destination}`;
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const notification: NotificationIntent | null =
      intent === null
        ? null
        : Object.freeze(
            withheld === null
              ? { channel: intent.channel, destination: intent.destination }
              : { channel: intent.channel, destination: intent.destination, withheld },
          );
    const made = Object.freeze({ type, status, notification });
    this.known.set(key, made);
    return made;
  }
}
