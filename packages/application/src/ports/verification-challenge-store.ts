import type { NotificationChannel } from '@btg-funds/domain';

/** A one-time code sent to a destination, waiting to be typed back (ADR 0405). */
export interface VerificationChallenge {
  readonly id: string;
  readonly clientId: string;
  readonly channel: NotificationChannel;
  /** Where the code went; the code proves this destination only. */
  readonly destination: string;
  /** PasswordHasher hash of the code: the code itself is never stored. */
  readonly codeHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/**
 * The codes sent for verification. Only the newest challenge of a client and channel counts (a
 * resend replaces the one before). Using one is a unique insert, so a code works once even when
 * two confirmations race, on any store.
 */
export interface VerificationChallengeStore {
  save(challenge: VerificationChallenge): Promise<void>;
  /** The newest challenge of the client on `channel` (by createdAt, then id), or null. */
  latest(clientId: string, channel: NotificationChannel): Promise<VerificationChallenge | null>;
  /** Marks the challenge used; true for exactly one caller. */
  consume(challengeId: string, at: Date): Promise<boolean>;
}
