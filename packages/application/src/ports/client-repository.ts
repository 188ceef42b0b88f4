import type { Client } from '@btg-funds/domain';

export interface ClientRepository {
  /** Throws ApplicationError EMAIL_TAKEN when the (normalized) email exists. */
  add(client: Client): Promise<void>;
  /** Replaces the client's profile fields; the email and id never change. */
  update(client: Client): Promise<void>;
  findById(id: string): Promise<Client | null>;
  findByEmail(email: string): Promise<Client | null>;
  /** Ordered by creation (oldest first), then id; only those after `after` when given. */
  list(page: {
    readonly limit: number;
    readonly after?: { readonly createdAt: Date; readonly id: string } | undefined;
  }): Promise<readonly Client[]>;
}
