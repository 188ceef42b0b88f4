import type { Ledger, LedgerRecord } from '../ports/index.js';

/**
 * The client's latest entry, for showing a balance or the active subscriptions: read by the
 * bounded batch read (on Mongo: the ledger head, checked against the next position; ADR 0305,
 * 0707) rather than `latest()`, whose sort over the client's history grows with it on FerretDB.
 * Exact all the same: a stale head is detected and read the slow way. Money operations decide on
 * `latestHint()` and, after a lost race, `latest()` (ADR 0720).
 */
export async function latestEntryOf(
  ledger: Ledger,
  clientId: string,
): Promise<LedgerRecord | null> {
  return (await ledger.latestOf([clientId])).get(clientId) ?? null;
}
