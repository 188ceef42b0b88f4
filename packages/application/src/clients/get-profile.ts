import { clientNotFound } from '../application-errors.js';
import type { ClientRepository, Ledger } from '../ports/index.js';
import { latestEntryOf } from '../shared/latest-entry-of.js';
import { profileFrom, type ClientProfile } from './client-profile.js';

/** GET /me and GET /admin/clients/{id}. */
export class GetProfile {
  constructor(
    private readonly clients: ClientRepository,
    private readonly ledger: Ledger,
  ) {}

  async execute(input: { clientId: string }): Promise<ClientProfile> {
    // Both keyed by the id alone: read together, one storage wait instead of two in a row.
    const [record, latest] = await Promise.all([
      this.clients.findById(input.clientId),
      latestEntryOf(this.ledger, input.clientId),
    ]);
    if (record === null) throw clientNotFound();
    return profileFrom(record, latest);
  }
}
