import type { NotificationChannel } from '@btg-funds/domain';
import { profileOf, type ClientProfile } from '../clients/client-profile.js';
import { ApplicationError } from '../errors.js';
import type { Ledger, VerificationChallenge } from '../ports/index.js';
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
    const client = await clients.findById(input.clientId);
    if (client === null) throw new ApplicationError('CLIENT_NOT_FOUND', 'El cliente no existe.');
    if (client.isVerified(input.channel)) return profileOf(this.deps.ledger, client);
    const destination = client.destinationFor(input.channel);
    const now = clock.now();
    const challenge = await challenges.latest(client.id, input.channel);
    if (challenge === null || challenge.expiresAt <= now || challenge.destination !== destination) {
      throw expired();
    }
    await this.checkCode(challenge, input.code);
    if (!(await challenges.consume(challenge.id, now))) throw expired();
    await clients.markVerified(client.id, input.channel, destination);
    return profileOf(this.deps.ledger, client.withVerified(input.channel, destination));
  }

  private async checkCode(challenge: VerificationChallenge, code: string): Promise<void> {
    const { maxAttempts } = this.deps.policy ?? DEFAULT_VERIFICATION_POLICY;
    const window = { start: challenge.createdAt, end: challenge.expiresAt };
    const key = `verification-tries:${challenge.id}`;
    const tries = await this.deps.rateLimits.increment(key, window, maxAttempts);
    if (tries > maxAttempts) {
      throw new ApplicationError(
        'VERIFICATION_CODE_LOCKED',
        'Se agotaron los intentos para este código. Pida un código nuevo.',
      );
    }
    if (!(await this.deps.hasher.verify(code, challenge.codeHash))) {
      const attemptsLeft = maxAttempts - tries;
      throw new ApplicationError(
        'VERIFICATION_CODE_INVALID',
        attemptsLeft > 0
          ? `El código no es correcto. Le quedan ${attemptsLeft} intentos.`
          : 'El código no es correcto. Se agotaron los intentos: pida un código nuevo.',
        { attemptsLeft, path: 'code' },
      );
    }
  }
}

function expired(): ApplicationError {
  return new ApplicationError(
    'VERIFICATION_CODE_EXPIRED',
    'El código venció o ya no es válido. Pida un código nuevo.',
  );
}
