import * as DomainErrors from './domain-errors.js';
import { normalizeEmail } from './email-address.js';

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface ClientSnapshot {
  readonly id: string;
  readonly email: string;
  readonly fullName: string;
  readonly phone: string | null;
  readonly notificationPreference: NotificationChannel;
  readonly createdAt: Date;
  /**
   * The address and the phone the client proved theirs with a one-time code (null: none yet).
   * A destination counts as verified only while it is still the current one, so changing the
   * phone un-verifies it without any other write (ADR 0405).
   */
  readonly verifiedEmail: string | null;
  readonly verifiedPhone: string | null;
}

const E164 = /^\+[1-9]\d{7,14}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * A person who holds an account: who they are and how to reach them. The money side lives in the
 * Account (ledger); how they sign in and what they may do (password hash, role) belong to the
 * application's auth side, not to the domain.
 */
export class Client {
  private constructor(private readonly state: ClientSnapshot) {}

  static create(input: {
    id: string;
    email: string;
    fullName: string;
    phone?: string | null | undefined;
    notificationPreference: NotificationChannel;
    createdAt: Date;
  }): Client {
    const phone = normalizePhone(input.phone ?? null);
    return new Client({
      id: input.id,
      email: normalizeEmail(input.email),
      fullName: normalizeFullName(input.fullName),
      phone,
      notificationPreference: checkPreference(input.notificationPreference, phone),
      createdAt: input.createdAt,
      verifiedEmail: null,
      verifiedPhone: null,
    });
  }

  static restore(snapshot: ClientSnapshot): Client {
    return new Client({ ...snapshot });
  }

  get id(): string {
    return this.state.id;
  }
  get email(): string {
    return this.state.email;
  }
  get phone(): string | null {
    return this.state.phone;
  }
  get notificationPreference(): NotificationChannel {
    return this.state.notificationPreference;
  }

  /** Profile changes; `phone: null` removes the phone (not allowed while SMS is preferred). */
  updateProfile(changes: {
    fullName?: string;
    phone?: string | null | undefined;
    notificationPreference?: NotificationChannel;
  }): Client {
    const phone = changes.phone === undefined ? this.state.phone : normalizePhone(changes.phone);
    const preference = changes.notificationPreference ?? this.state.notificationPreference;
    return new Client({
      ...this.state,
      fullName:
        changes.fullName === undefined ? this.state.fullName : normalizeFullName(changes.fullName),
      phone,
      notificationPreference: checkPreference(preference, phone),
    });
  }

  /** True when the current destination of `channel` is the one the client proved theirs. */
  isVerified(channel: NotificationChannel): boolean {
    const { email, phone, verifiedEmail, verifiedPhone } = this.state;
    return channel === 'email'
      ? verifiedEmail === email
      : phone !== null && verifiedPhone === phone;
  }

  /**
   * The client after proving `destination` on `channel`; nothing changes when it is no longer the
   * current destination (the phone changed while the code travelled).
   */
  withVerified(channel: NotificationChannel, destination: string): Client {
    const current = channel === 'email' ? this.state.email : this.state.phone;
    if (current !== destination) return this;
    return new Client({
      ...this.state,
      ...(channel === 'email' ? { verifiedEmail: destination } : { verifiedPhone: destination }),
    });
  }

  /** Where a notification on `channel` goes; SMS needs a phone. */
  destinationFor(channel: NotificationChannel): string {
    if (channel === 'email') return this.state.email;
    if (this.state.phone === null) throw DomainErrors.phoneRequiredForSms();
    return this.state.phone;
  }

  toSnapshot(): ClientSnapshot {
    return { ...this.state };
  }
}

function normalizePhone(phone: string | null): string | null {
  if (phone === null) return null;
  const compact = phone.replace(/[\s()-]/g, '');
  if (!E164.test(compact)) {
    throw DomainErrors.invalidPhone();
  }
  return compact;
}

function normalizeFullName(fullName: string): string {
  const trimmed = fullName.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 1 || trimmed.length > 120 || CONTROL_CHARS.test(trimmed)) {
    throw DomainErrors.invalidFullName();
  }
  return trimmed;
}

function checkPreference(
  preference: NotificationChannel,
  phone: string | null,
): NotificationChannel {
  if (preference === 'sms' && phone === null) throw DomainErrors.phoneRequiredForSms();
  return preference;
}
