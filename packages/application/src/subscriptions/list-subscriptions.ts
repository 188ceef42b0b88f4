import {
  activeSubscription,
  type SubscriptionSnapshot,
  type SubscriptionStatus,
} from '@btg-funds/domain';
import type { Ledger, LedgerListing, LedgerRecord } from '../ports/index.js';
import { latestEntryOf } from '../shared/latest-entry-of.js';
import { checkLimit, decodeCursor, encodeCursor, type Page } from '../shared/page.js';
import { subscriptionsFromHistory } from './subscription-view.js';

export interface ListSubscriptionsInput {
  readonly clientId: string;
  readonly status?: SubscriptionStatus | undefined;
  /** 1–100, default 20, like the history. */
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/**
 * The caller's subscriptions, newest first, keyset-paginated on the ledger position of the entry
 * that opened each one (ADR 0222). A page costs a constant number of reads, however long the
 * history: the openings of the page (or the holdings of the latest entry, which are exactly the
 * active ones), then the entries of those subscriptions in one batch. The active ones, when they
 * fit on the first page (a client holds at most one per fund), are the latest entry's holdings
 * alone: no read of the history at all (ADR 0722).
 */
export class ListSubscriptions {
  constructor(private readonly ledger: Ledger) {}

  async execute(input: ListSubscriptionsInput): Promise<Page<SubscriptionSnapshot>> {
    const limit = checkLimit(input.limit);
    const beforeSeq =
      input.cursor === undefined ? undefined : decodeCursor(input.cursor, parseSeqCursor);
    // The holdings of the latest entry are exactly the active subscriptions.
    const latest =
      input.status === undefined ? null : await latestEntryOf(this.ledger, input.clientId);
    const held = latest?.holdings ?? [];
    if (input.status === 'active' && beforeSeq === undefined && held.length <= limit) {
      // A holding is the subscription as its opening entry made it; holdings keep the order in
      // which they were opened (the account's map by fund appends), so reversed: newest first.
      const items = held.map((h) => activeSubscription(input.clientId, h)).reverse();
      return { items, nextCursor: null };
    }
    const active = new Set(held.map((h) => h.subscriptionId));
    const { clientId } = input;
    if (input.status === 'active') {
      // An active subscription has no other entry than its opening: the page is its own history.
      const openings = await this.activeOpenings(clientId, active, beforeSeq);
      return pageOf(clientId, openings, limit, (page) => page);
    }
    const openings = await this.listedOpenings(input, active, limit, beforeSeq);
    return pageOf(clientId, openings, limit, (page) =>
      this.ledger.findBySubscriptionIds(clientId, page.map(subscriptionIdOf)),
    );
  }

  /** The openings of the active subscriptions before `beforeSeq`, newest first. */
  private async activeOpenings(
    clientId: string,
    active: ReadonlySet<string>,
    beforeSeq: number | undefined,
  ): Promise<readonly LedgerRecord[]> {
    const found = await this.ledger.findBySubscriptionIds(clientId, [...active]);
    return found
      .filter((r) => r.transaction.type === 'subscription' && isBefore(r, beforeSeq))
      .reverse();
  }

  /**
   * Up to `limit + 1` opening entries of the wanted status (every status, or the cancelled ones),
   * newest first, before `beforeSeq`; `active` holds the ids of the active subscriptions (empty
   * when listing every status).
   */
  private async listedOpenings(
    input: ListSubscriptionsInput,
    active: ReadonlySet<string>,
    limit: number,
    beforeSeq: number | undefined,
  ): Promise<readonly LedgerListing[]> {
    const { clientId, status } = input;
    const opened = { type: 'subscription', status: 'completed' } as const;
    if (status === undefined) {
      return this.ledger.list(clientId, opened, { limit: limit + 1, beforeSeq });
    }
    // Skipping the active ones among the openings read: asking for that many more still fills
    // the page whenever enough cancelled ones exist.
    const found = await this.ledger.list(clientId, opened, {
      limit: limit + 1 + active.size,
      beforeSeq,
    });
    return found.filter((r) => !active.has(subscriptionIdOf(r)));
  }
}

/**
 * A page of the subscriptions `openings` opened (up to `limit + 1`, newest first), each built
 * from the entries `historyOf` reads for the page's openings.
 */
async function pageOf<O extends LedgerListing>(
  clientId: string,
  openings: readonly O[],
  limit: number,
  historyOf: (page: readonly O[]) => readonly LedgerRecord[] | Promise<readonly LedgerRecord[]>,
): Promise<Page<SubscriptionSnapshot>> {
  const page = openings.slice(0, limit);
  const ids = page.map(subscriptionIdOf);
  const entries = await historyOf(page);
  const byId = new Map(subscriptionsFromHistory(clientId, entries).map((s) => [s.id, s]));
  const last = page.at(-1);
  return {
    items: ids.flatMap((id) => byId.get(id) ?? []),
    nextCursor:
      openings.length > limit && last !== undefined ? encodeCursor({ s: last.seq }) : null,
  };
}

const isBefore = (entry: LedgerListing, beforeSeq: number | undefined): boolean =>
  beforeSeq === undefined || entry.seq < beforeSeq;

const subscriptionIdOf = (entry: LedgerListing): string => entry.transaction.subscriptionId!;

function parseSeqCursor(value: unknown): number | null {
  const seq = (value as { s?: unknown } | null)?.s;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}
