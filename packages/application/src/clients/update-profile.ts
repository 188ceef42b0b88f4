import type { NotificationChannel } from '@btg-funds/domain';
import { ApplicationError } from '../errors.js';
import type { ClientRepository, Ledger } from '../ports/index.js';
import { profileOf, type ClientProfile } from './client-profile.js';

export interface UpdateProfileInput {
  readonly clientId: string;
  readonly fullName?: string | undefined;
  readonly phone?: string | null | undefined;
  readonly notificationPreference?: NotificationChannel | undefined;
}

/** PATCH /me: only the profile fields; email, role and money are not the client's to edit. */
export class UpdateProfile {
  constructor(
    private readonly clients: ClientRepository,
    private readonly ledger: Ledger,
  ) {}

  async execute(input: UpdateProfileInput): Promise<ClientProfile> {
    const client = await this.clients.findById(input.clientId);
    if (client === null) throw new ApplicationError('CLIENT_NOT_FOUND', 'El cliente no existe.');
    const updated = client.updateProfile({
      ...(input.fullName !== undefined && { fullName: input.fullName }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.notificationPreference !== undefined && {
        notificationPreference: input.notificationPreference,
      }),
    });
    await this.clients.update(updated);
    return profileOf(this.ledger, updated);
  }
}
