import type { Client, NotificationChannel } from '@btg-funds/domain';
import type { AuthRecord } from './auth-record.js';

/** A client as stored: the domain's Client with the auth side's record of them. */
export interface ClientRecord {
  readonly client: Client;
  readonly auth: AuthRecord;
}

export interface ClientRepository {
  /** Throws DuplicateEmail when the (normalized) email, or the id, is stored already. */
  add(record: ClientRecord): Promise<void>;
  /**
   * Replaces the client's profile fields (name, phone, preference); the email, the id, the
   * verified destinations and the auth record never change here. Throws NotFound.
   */
  update(client: Client): Promise<void>;
  /**
   * Records that the client proved `destination` on `channel`, touching nothing else, so a
   * concurrent profile update cannot undo it (and it cannot undo the update). Throws NotFound.
   */
  markVerified(clientId: string, channel: NotificationChannel, destination: string): Promise<void>;
  findById(id: string): Promise<ClientRecord | null>;
  findByEmail(email: string): Promise<ClientRecord | null>;
  /** Ordered by creation (oldest first), then id; only those after `after` when given. */
  list(page: {
    readonly limit: number;
    readonly after?: { readonly createdAt: Date; readonly id: string } | undefined;
  }): Promise<readonly ClientRecord[]>;
}
