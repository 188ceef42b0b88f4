import type { Client, NotificationChannel } from '@btg-funds/domain';

export interface ClientRepository {
  /** Throws ApplicationError EMAIL_TAKEN when the (normalized) email exists. */
  add(client: Client): Promise<void>;
  /**
   * Replaces the client's profile fields (name, phone, preference, role, password hash); the
   * email, the id and the verified destinations never change here.
   */
  update(client: Client): Promise<void>;
  /**
   * Records that the client proved `destination` on `channel`, touching nothing else, so a
   * concurrent profile update cannot undo it (and it cannot undo the update).
   */
  markVerified(clientId: string, channel: NotificationChannel, destination: string): Promise<void>;
  findById(id: string): Promise<Client | null>;
  findByEmail(email: string): Promise<Client | null>;
  /** Ordered by creation (oldest first), then id; only those after `after` when given. */
  list(page: {
    readonly limit: number;
    readonly after?: { readonly createdAt: Date; readonly id: string } | undefined;
  }): Promise<readonly Client[]>;
}
