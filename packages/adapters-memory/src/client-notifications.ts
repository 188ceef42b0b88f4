import type { NotificationRecord } from '@btg-funds/application';

/**
 * One client's notification records held in full, oldest first by (createdAt, id) — the reverse
 * of the order `GET /notifications` lists them in — so the listing is the end of the list and what
 * it no longer shows is the start.
 */
export class ClientNotifications {
  private readonly records: NotificationRecord[] = [];

  add(record: NotificationRecord): void {
    // Records arrive nearly in createdAt order: the insertion point is at or near the end.
    let at = this.records.length;
    while (at > 0 && oldestFirst(this.records[at - 1]!, record) > 0) at -= 1;
    this.records.splice(at, 0, record);
  }

  /** Puts `record` where `current` (the version it replaces) was. */
  replace(current: NotificationRecord, record: NotificationRecord): void {
    const at = this.records.lastIndexOf(current);
    if (at === -1) return;
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
    for (let i = this.records.length - 1; i >= 0 && found.length < limit; i -= 1) {
      if (this.records[i]!.clientId === clientId) found.push(this.records[i]!);
    }
    return found;
  }

  /**
   * Removes every finished (not pending) record that at least `keep` newer records hide from the
   * listing — those before the last `keep` — and hands each to `forget`. Only pending records stay
   * there, so this looks at those and at the few records that just left the listing.
   */
  removeHidden(keep: number, forget: (record: NotificationRecord) => void): void {
    const hidden = this.records.length - keep;
    let kept = 0;
    for (let i = 0; i < hidden; i += 1) {
      const record = this.records[i]!;
      if (record.status === 'pending') this.records[kept++] = record;
      else forget(record);
    }
    if (kept < hidden) this.records.splice(kept, hidden - kept);
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const oldestFirst = (a: NotificationRecord, b: NotificationRecord): number =>
  a.createdAt.getTime() - b.createdAt.getTime() || compare(a.id, b.id);
