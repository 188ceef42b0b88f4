import { ApplicationError } from '../errors.js';
import type { ClientRepository, Ledger } from '../ports/index.js';
import { profileOf, type ClientProfile } from './client-profile.js';

/** GET /me and GET /admin/clients/{id}. */
export class GetProfile {
  constructor(
    private readonly clients: ClientRepository,
    private readonly ledger: Ledger,
  ) {}

  async execute(input: { clientId: string }): Promise<ClientProfile> {
    const client = await this.clients.findById(input.clientId);
    if (client === null) throw new ApplicationError('CLIENT_NOT_FOUND', 'El cliente no existe.');
    return profileOf(this.ledger, client);
  }
}
