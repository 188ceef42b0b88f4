import type { ClientSnapshot, Money } from '@btg-funds/domain';
import type { ClientRecord, Ledger, LedgerRecord, Role } from '../ports/index.js';
import { accountOf } from '../shared/account-of.js';
import { latestEntryOf } from '../shared/latest-entry-of.js';

/** A client as shown to them (and to admins): never the password hash. */
export interface ClientProfile extends Omit<ClientSnapshot, 'verifiedEmail' | 'verifiedPhone'> {
  readonly role: Role;
  readonly balance: Money;
  /** The current address was proved with a code (ADR 0405). */
  readonly emailVerified: boolean;
  /** The current phone was proved with a code; false without a phone. */
  readonly phoneVerified: boolean;
}

export async function profileOf(ledger: Ledger, record: ClientRecord): Promise<ClientProfile> {
  return profileFrom(record, await latestEntryOf(ledger, record.client.id));
}

/** The profile given the client's latest ledger entry (read in a batch for listings). */
export function profileFrom(
  { client, auth }: ClientRecord,
  latest: LedgerRecord | null,
): ClientProfile {
  // Field by field: an object rest (`{ verifiedEmail, ...profile }`) is a slow runtime copy in
  // V8, ~5 % of a GET /me's CPU in its profile (docs/performance.md, issue 16 table).
  const snapshot = client.toSnapshot();
  return {
    id: snapshot.id,
    email: snapshot.email,
    fullName: snapshot.fullName,
    phone: snapshot.phone,
    notificationPreference: snapshot.notificationPreference,
    createdAt: snapshot.createdAt,
    role: auth.role,
    balance: accountOf(client.id, latest).balance,
    emailVerified: client.isVerified('email'),
    phoneVerified: client.isVerified('sms'),
  };
}
