import type { WriteConcernSettings } from 'mongodb';

/** What the connected server is, as far as durability goes (from `hello`). */
export interface ServerProfile {
  /** A replica set member answered (MongoDB/Atlas replica sets, Amazon DocumentDB). */
  readonly replicaSet: boolean;
}

/**
 * An acknowledged ledger entry must survive the loss of the primary: on a replica set the
 * append waits for a majority of members and the journal (ADR 0304). A standalone server or
 * FerretDB has no majority to wait for; its default acknowledgement is all there is.
 */
export function ledgerWriteConcernFor(profile: ServerProfile): WriteConcernSettings | undefined {
  return profile.replicaSet ? { w: 'majority', j: true } : undefined;
}
