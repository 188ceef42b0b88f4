import type { NotificationRecord } from '@btg-funds/application';
import { aNotification } from '@btg-funds/application/testing';
import { describe, expect, it } from 'vitest';
import { ClientNotifications } from '../src/client-notifications.js';

const CLIENT = 'client-1';
const KEEP = 3;

/** The `n`-th record of the client, `n` seconds after a fixed start (createdAt order = n order). */
const record = (n: number, fields: Partial<NotificationRecord> = {}): NotificationRecord =>
  aNotification({
    id: `ntf-${String(n).padStart(4, '0')}`,
    clientId: CLIENT,
    transactionId: `tx-${n}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    status: 'sent',
    ...fields,
  });

/** Adds each record and prunes as the store does after each delivered one. */
function addAll(list: ClientNotifications, records: readonly NotificationRecord[]): string[] {
  const forgotten: string[] = [];
  for (const r of records) {
    list.add(r);
    list.removeHidden(KEEP, (gone) => forgotten.push(gone.transactionId));
  }
  return forgotten;
}

const ids = (records: readonly NotificationRecord[]) => records.map((r) => r.transactionId);

describe('ClientNotifications (one client, pruned beyond the listing)', () => {
  it('keeps the newest `keep` finished records and forgets the others oldest first', () => {
    const list = new ClientNotifications();
    const forgotten = addAll(
      list,
      Array.from({ length: 10 }, (_, i) => record(i)),
    );
    expect(forgotten).toEqual(['tx-0', 'tx-1', 'tx-2', 'tx-3', 'tx-4', 'tx-5', 'tx-6']);
    expect(ids(list.newest(CLIENT, 10))).toEqual(['tx-9', 'tx-8', 'tx-7']);
  });

  it('keeps pending records however old, in order, and forgets the finished ones around them', () => {
    const list = new ClientNotifications();
    const forgotten = addAll(list, [
      record(0),
      record(1, { status: 'pending' }),
      record(2),
      record(3, { status: 'pending' }),
      ...Array.from({ length: 6 }, (_, i) => record(4 + i)),
    ]);
    expect(forgotten).toEqual(['tx-0', 'tx-2', 'tx-4', 'tx-5', 'tx-6']);
    expect(ids(list.newest(CLIENT, 10))).toEqual(['tx-9', 'tx-8', 'tx-7', 'tx-3', 'tx-1']);
  });

  it('lists the same after many more records than its compaction threshold', () => {
    const list = new ClientNotifications();
    const forgotten = addAll(
      list,
      Array.from({ length: 500 }, (_, i) => record(i, i === 495 ? { status: 'pending' } : {})),
    );
    expect(forgotten).toHaveLength(500 - KEEP - 1);
    expect(new Set(forgotten).size).toBe(forgotten.length);
    expect(ids(list.newest(CLIENT, 10))).toEqual(['tx-499', 'tx-498', 'tx-497', 'tx-495']);
  });

  it('puts an out-of-order record in createdAt order', () => {
    const list = new ClientNotifications();
    addAll(list, [record(0), record(1), record(2), record(3), record(5)]);
    list.add(record(4));
    expect(ids(list.newest(CLIENT, 3))).toEqual(['tx-5', 'tx-4', 'tx-3']);
  });

  it('replaces a record still held, and ignores one already forgotten', () => {
    const list = new ClientNotifications();
    const records = Array.from({ length: 6 }, (_, i) => record(i, { status: 'pending' }));
    addAll(list, records);
    const sentLater = { ...records[4]!, status: 'sent' as const, attempts: 1 };
    list.replace(records[4]!, sentLater);
    expect(list.newest(CLIENT, 10)[1]).toBe(sentLater);

    // Finished and hidden: forgotten, so replacing it again changes nothing.
    const pruned = new ClientNotifications();
    const old = record(0);
    addAll(pruned, [old, record(1), record(2), record(3)]);
    pruned.replace(old, { ...old, attempts: 2 });
    expect(ids(pruned.newest(CLIENT, 10))).toEqual(['tx-3', 'tx-2', 'tx-1']);
  });
});
