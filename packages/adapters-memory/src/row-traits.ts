import type { NotificationIntent } from '@btg-funds/application';
import type { TransactionStatus, TransactionType } from '@btg-funds/domain';

/** What repeats from one entry of a client to the next, kept once (see `RowTraitsKept`). */
export interface RowTraits {
  readonly type: TransactionType;
  readonly status: TransactionStatus;
  readonly notification: NotificationIntent | null;
}

/** One (type, status)'s traits: without an intent, and by channel → withheld reason → destination. */
class TraitsOfStatus {
  withoutIntent: RowTraits | null = null;
  readonly withIntent = new Map<string, Map<string, Map<string, RowTraits>>>();
}

/**
 * Type, status and notification intent, one object per distinct combination: a client's entries
 * repeat the same few, so each row holds a reference instead of three fields and an intent. The
 * intent comes back as the Mongo adapter gives it: `withheld` only when it is set.
 */
export class RowTraitsKept {
  /**
   * Keyed by the parts themselves, one level each, rather than by one key string joined per
   * entry: the parts are strings the caller already holds (literals, the client's destination),
   * whose hashes V8 keeps, while a joined key is a new string to build and hash on every append.
   */
  private readonly known = new Map<TransactionType, Map<TransactionStatus, TraitsOfStatus>>();

  of(
    type: TransactionType,
    status: TransactionStatus,
    intent: NotificationIntent | null,
  ): RowTraits {
    const byStatus =
      this.known.get(type) ?? put(this.known, type, new Map<TransactionStatus, TraitsOfStatus>());
    const traits = byStatus.get(status) ?? put(byStatus, status, new TraitsOfStatus());
    if (intent === null) {
      return (traits.withoutIntent ??= Object.freeze({ type, status, notification: null }));
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
    return put(byDestination, intent.destination, Object.freeze({ type, status, notification }));
  }
}

function put<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.set(key, value);
  return value;
}
