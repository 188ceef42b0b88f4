/** What a client may do: every registration is a `client`; admins come from configuration. */
export const ROLES = ['client', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The auth side's record of a client: how they prove who they are and what they may do. Kept
 * out of the domain's Client (the domain has no notion of passwords or roles) but stored with it,
 * so that registering is one unique insert.
 */
export interface AuthRecord {
  readonly role: Role;
  /** Opaque: produced and checked by a PasswordHasher. */
  readonly passwordHash: string;
}
