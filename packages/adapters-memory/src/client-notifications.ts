import type { NotificationRecord } from '@btg-funds/application';

/**
 * One client's notification records held in full, oldest first by (createdAt, id) — the reverse
 * of the order `GET /notifications` lists them in — so the listing is the end of the list and what
 * it no longer shows is the start.
 *
 * The list is `records[first..]`: a record leaving the start is cleared and `first` moves on,
 * rather than the array shifting down. The array lives long (old space) and the records it points
 * to are new, so moving its ~100 slots meant a write barrier each — about a microsecond per money
 * operation. The cleared prefix is dropped once it outgrows the live part.
 */
export class ClientNotifications {
  private records: (NotificationRecord | undefined)[] = [];
  private first = 0;

  add(record: NotificationRecord): void {
    // Records arrive nearly in createdAt order: the insertion point is at or near the end.
    let at = this.records.length;
    while (at > this.first && oldestFirst(this.at(at - 1), record) > 0) at -= 1;
    if (at === this.records.length) this.records.push(record);
    else this.records.splice(at, 0, record);
  }

  /** Puts `record` where `current` (the version it replaces) was. */
  replace(current: NotificationRecord, record: NotificationRecord): void {
    const at = this.records.lastIndexOf(current);
    if (at < this.first) return;
    if (oldestFirst(current, record) === 0) {
      this.records[at] = record;
    } else {
      this.records.splice(at, 1);
      this.add(record);
    }
  }

  /** The newest `limit` records of `clientId`, newest first. */
  newest(clientId: string, limit: number): NotificationRecord[] {
    const found: NotificationRecord[] = [];
    for (let i = this.records.length - 1; i >= this.first && found.length < limit; i -= 1) {
      const record = this.at(i);
      if (record.clientId === clientId) found.push(record);
    }
    return found;
  }

  /**
   * Removes every finished (not pending) record that at least `keep` newer records hide from the
   * listing — those before the last `keep` — and hands each to `forget`. Only pending records stay
   * there, so this looks at those and at the few records that just left the listing.
   */
  removeHidden(keep: number, forget: (record: NotificationRecord) => void): void {
    const end = this.records.length - keep;
    // Pending records stay where they are, at the start; finished ones after them are cleared.
    let kept = this.first;
    for (let i = this.first; i < end; i += 1) {
      const record = this.at(i);
      if (record.status === 'pending') {
        this.records[kept++] = record;
        continue;
      }
      forget(record);
      this.records[i] = undefined;
    }
    if (kept === this.first) {
      // No pending record among them: the usual case, and nothing moves.
      if (end > this.first) this.first = end;
    } else if (kept < end) {
      this.records.splice(kept, end - kept);
    }
    if (this.first > COMPACT_AFTER && this.first * 2 > this.records.length) {
      this.records = this.records.slice(this.first);
      this.first = 0;
    }
  }

  private at(index: number): NotificationRecord {
    return this.records[index]!;
  }
}

/** The cleared prefix is dropped past this length (and once it is half the array). */
const COMPACT_AFTER = 64;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const oldestFirst = (a: NotificationRecord, b: NotificationRecord): number =>
  a.createdAt.getTime() - b.createdAt.getTime() || compare(a.id, b.id);
