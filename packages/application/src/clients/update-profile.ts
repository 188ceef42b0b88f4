import type { NotificationChannel } from '@btg-funds/domain';
import { clientNotFound } from '../application-errors.js';
import { NotFound, type ClientRepository, type Ledger } from '../ports/index.js';
import { latestEntryOf } from '../shared/latest-entry-of.js';
import { profileFrom, type ClientProfile } from './client-profile.js';

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
    // The balance shown is read with the client (both keyed by the id alone) instead of after
    // the edit, which never touches money: the head read shares the client read's storage wait
    // (ADR 0715). Either way it is the balance at some moment of the request.
    const [record, latest] = await Promise.all([
      this.clients.findById(input.clientId),
      latestEntryOf(this.ledger, input.clientId),
    ]);
    if (record === null) throw clientNotFound();
    const updated = record.client.updateProfile({
      ...(input.fullName !== undefined && { fullName: input.fullName }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.notificationPreference !== undefined && {
        notificationPreference: input.notificationPreference,
      }),
    });
    try {
      await this.clients.update(updated);
    } catch (error) {
      // Removed between the read and the write.
      if (error instanceof NotFound) throw clientNotFound();
      throw error;
    }
    return profileFrom({ ...record, client: updated }, latest);
  }
}
