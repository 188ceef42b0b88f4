import type { IdGenerator, Ledger, NotificationStore } from '../ports/index.js';
import { pendingNotification } from './outbox.js';

/**
 * Re-creates delivery records for committed operations whose fast-path enqueue was lost (the
 * process died between the ledger append and the outbox write). Idempotent: `ensure`
 * de-duplicates by transaction id. Run at start-up and periodically.
 */
export class RecoverOutbox {
  constructor(
    private readonly deps: {
      readonly ledger: Ledger;
      readonly store: NotificationStore;
      readonly ids: IdGenerator;
    },
  ) {}

  /** Returns how many records were missing and have been created. */
  async execute(input: { since: Date; limit: number }): Promise<number> {
    const records = await this.deps.ledger.withNotificationsSince(input.since, input.limit);
    let created = 0;
    for (const record of records) {
      const pending = pendingNotification(record, this.deps.ids.next());
      if (pending !== null && (await this.deps.store.ensure(pending))) created += 1;
    }
    return created;
  }
}
