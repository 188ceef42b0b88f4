import { clientNotFound } from '../application-errors.js';
import type { ClientRepository, Ledger } from '../ports/index.js';
import { profileOf, type ClientProfile } from './client-profile.js';

/** GET /me and GET /admin/clients/{id}. */
export class GetProfile {
  constructor(
    private readonly clients: ClientRepository,
    private readonly ledger: Ledger,
  ) {}

  async execute(input: { clientId: string }): Promise<ClientProfile> {
    const record = await this.clients.findById(input.clientId);
    if (record === null) throw clientNotFound();
    return profileOf(this.ledger, record);
  }
}
