import type { NotificationChannel } from '@btg-funds/domain';
import { profileOf, type ClientProfile } from '../clients/client-profile.js';
import * as ApplicationErrors from '../application-errors.js';
import { NotFound, type Ledger, type VerificationChallenge } from '../ports/index.js';
import type { VerificationDeps } from './request-verification-code.js';
import { DEFAULT_VERIFICATION_POLICY } from './verification-policy.js';

/**
 * POST /me/verification/{channel}/confirm: the code typed back proves the destination it was sent
 * to. Only the newest code counts; it works once, until it expires, and only for so many wrong
 * tries (each try is a unique insert in the RateLimitStore, exact on every store; ADR 0405).
 * Confirming an already verified destination answers the profile again (a retry is harmless).
 */
export class ConfirmVerificationCode {
  constructor(private readonly deps: VerificationDeps & { readonly ledger: Ledger }) {}

  async execute(input: {
    clientId: string;
    channel: NotificationChannel;
    code: string;
  }): Promise<ClientProfile> {
    const { clients, challenges, clock } = this.deps;
    const found = await clients.findById(input.clientId);
    if (found === null) throw ApplicationErrors.clientNotFound();
    const { client } = found;
    if (client.isVerified(input.channel)) return profileOf(this.deps.ledger, found);
    const destination = client.destinationFor(input.channel);
    const now = clock.now();
    const challenge = await challenges.latest(client.id, input.channel);
    if (challenge === null || challenge.expiresAt <= now || challenge.destination !== destination) {
      throw ApplicationErrors.verificationCodeExpired();
    }
    await this.checkCode(challenge, input.code);
    if (!(await challenges.consume(challenge.id, now))) {
      throw ApplicationErrors.verificationCodeExpired();
    }
    try {
      await clients.markVerified(client.id, input.channel, destination);
    } catch (error) {
      // Removed between the read and the write.
      if (error instanceof NotFound) throw ApplicationErrors.clientNotFound();
      throw error;
    }
    const verified = client.withVerified(input.channel, destination);
    return profileOf(this.deps.ledger, { ...found, client: verified });
  }

  private async checkCode(challenge: VerificationChallenge, code: string): Promise<void> {
    const { maxAttempts } = this.deps.policy ?? DEFAULT_VERIFICATION_POLICY;
    const window = { start: challenge.createdAt, end: challenge.expiresAt };
    const key = `verification-tries:${challenge.id}`;
    const tries = await this.deps.rateLimits.increment(key, window, maxAttempts);
    if (tries > maxAttempts) throw ApplicationErrors.verificationCodeLocked();
    if (!(await this.deps.hasher.verify(code, challenge.codeHash))) {
      throw ApplicationErrors.verificationCodeInvalid(maxAttempts - tries);
    }
  }
}
