import { Account, type Client, type ClientSnapshot, type Money } from '@btg-funds/domain';
import type { Ledger, LedgerRecord } from '../ports/index.js';

/** A client as shown to them (and to admins): never the password hash. */
export interface ClientProfile extends Omit<
  ClientSnapshot,
  'passwordHash' | 'verifiedEmail' | 'verifiedPhone'
> {
  readonly balance: Money;
  /** The current address was proved with a code (ADR 0405). */
  readonly emailVerified: boolean;
  /** The current phone was proved with a code; false without a phone. */
  readonly phoneVerified: boolean;
}

export async function profileOf(ledger: Ledger, client: Client): Promise<ClientProfile> {
  return profileFrom(client, await ledger.latest(client.id));
}

/** The profile given the client's latest ledger entry (read in a batch for listings). */
export function profileFrom(client: Client, latest: LedgerRecord | null): ClientProfile {
  const account = Account.fromLatestEntry(client.id, latest);
  const {
    passwordHash: _hidden,
    verifiedEmail: _e,
    verifiedPhone: _p,
    ...profile
  } = client.toSnapshot();
  return {
    ...profile,
    balance: account.balance,
    emailVerified: client.isVerified('email'),
    phoneVerified: client.isVerified('sms'),
  };
}
