import { Account, type Client, type ClientSnapshot, type Money } from '@btg-funds/domain';
import type { Ledger } from '../ports/index.js';

/** A client as shown to them (and to admins): never the password hash. */
export interface ClientProfile extends Omit<ClientSnapshot, 'passwordHash'> {
  readonly balance: Money;
}

export async function profileOf(ledger: Ledger, client: Client): Promise<ClientProfile> {
  const account = Account.fromLatestEntry(client.id, await ledger.latest(client.id));
  const { passwordHash: _hidden, ...profile } = client.toSnapshot();
  return { ...profile, balance: account.balance };
}
