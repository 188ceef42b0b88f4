import type { Client, NotificationChannel } from '@btg-funds/domain';
import * as ApplicationErrors from '../application-errors.js';
import { DestinationCap, dayOf } from '../notifications/destination-cap.js';
import { maskDestination } from '../notifications/mask-destination.js';
import {
  DEFAULT_NOTIFICATION_POLICY,
  smsAllowedTo,
  type NotificationPolicy,
} from '../notifications/notification-policy.js';
import {
  NotificationDeliveryError,
  type ClientRepository,
  type Clock,
  type IdGenerator,
  type NotificationSender,
  type OneTimeCodes,
  type PasswordHasher,
  type RateLimitStore,
  type VerificationChallengeStore,
} from '../ports/index.js';
import { composeVerificationMessage } from './verification-message.js';
import { DEFAULT_VERIFICATION_POLICY, type VerificationPolicy } from './verification-policy.js';

export interface CodeSent {
  readonly channel: NotificationChannel;
  /** Masked, as GET /notifications shows it. */
  readonly destination: string;
  readonly expiresAt: Date;
  /** No new code for this destination before then. */
  readonly resendAfter: Date;
}

export interface VerificationDeps {
  readonly clients: ClientRepository;
  readonly challenges: VerificationChallengeStore;
  readonly rateLimits: RateLimitStore;
  /** Codes are stored as hashes only (bcrypt, like passwords). */
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly policy?: VerificationPolicy | undefined;
  readonly notificationPolicy?: NotificationPolicy | undefined;
}

/**
 * POST /me/verification/{channel}: sends a one-time code to the client's current e-mail or phone
 * through the ordinary senders (the console log in development, SMTP or Twilio in production).
 * Resends are throttled, codes per day and messages per destination per day are capped, and
 * SMS go only to allowed countries (ADR 0405). The code is never returned.
 */
export class RequestVerificationCode {
  constructor(
    private readonly deps: VerificationDeps & {
      readonly codes: OneTimeCodes;
      readonly ids: IdGenerator;
      readonly senders: Readonly<Record<NotificationChannel, NotificationSender>>;
    },
  ) {}

  async execute(input: { clientId: string; channel: NotificationChannel }): Promise<CodeSent> {
    const { clients, challenges, clock } = this.deps;
    const policy = this.deps.policy ?? DEFAULT_VERIFICATION_POLICY;
    const found = await clients.findById(input.clientId);
    if (found === null) throw ApplicationErrors.clientNotFound();
    const { client } = found;
    const destination = this.destinationToProve(client, input.channel);
    const now = clock.now();
    const latest = await challenges.latest(client.id, input.channel);
    if (latest !== null && latest.destination === destination) {
      const waitMs = latest.createdAt.getTime() + policy.resendAfterMs - now.getTime();
      if (waitMs > 0) throw ApplicationErrors.verificationResendTooSoon(Math.ceil(waitMs / 1000));
    }
    await this.countAgainstLimits(client, input.channel, destination, now);
    const code = this.deps.codes.generate();
    const challenge = {
      id: this.deps.ids.next(),
      clientId: client.id,
      channel: input.channel,
      destination,
      codeHash: await this.deps.hasher.hash(code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + policy.codeTtlMs),
    };
    await challenges.save(challenge);
    await this.send(input.channel, composeVerificationMessage(challenge, code));
    return {
      channel: input.channel,
      destination: maskDestination(destination),
      expiresAt: challenge.expiresAt,
      resendAfter: new Date(now.getTime() + policy.resendAfterMs),
    };
  }

  private destinationToProve(client: Client, channel: NotificationChannel): string {
    const destination = client.destinationFor(channel);
    if (client.isVerified(channel)) throw ApplicationErrors.alreadyVerified(channel);
    const allowed = this.deps.notificationPolicy ?? DEFAULT_NOTIFICATION_POLICY;
    if (channel === 'sms' && !smsAllowedTo(destination, allowed)) {
      throw ApplicationErrors.smsCountryNotAllowed(allowed.smsCountryCodes);
    }
    return destination;
  }

  /** Counted before sending, so failing sends still use up the allowance (no free retries). */
  private async countAgainstLimits(
    client: Client,
    channel: NotificationChannel,
    destination: string,
    now: Date,
  ): Promise<void> {
    const policy = this.deps.policy ?? DEFAULT_VERIFICATION_POLICY;
    const perDay = (this.deps.notificationPolicy ?? DEFAULT_NOTIFICATION_POLICY)
      .perDestinationPerDay;
    const key = `verification-codes:${client.id}:${channel}`;
    const sent = await this.deps.rateLimits.increment(key, dayOf(now), policy.maxCodesPerDay);
    const capped = new DestinationCap(this.deps.rateLimits, perDay);
    if (sent > policy.maxCodesPerDay || !(await capped.allow(destination, now))) {
      throw ApplicationErrors.dailyLimitReached(DestinationCap.secondsLeftInDay(now));
    }
  }

  private async send(
    channel: NotificationChannel,
    message: ReturnType<typeof composeVerificationMessage>,
  ): Promise<void> {
    try {
      await this.deps.senders[channel].send(message);
    } catch (error) {
      if (error instanceof NotificationDeliveryError && !error.retryable) {
        throw ApplicationErrors.destinationRejected(channel);
      }
      throw ApplicationErrors.verificationNotSent();
    }
  }
}
