import { normalizeEmail } from './email-address.js';
import { DomainError } from './errors.js';

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const ROLES = ['client', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ClientSnapshot {
  readonly id: string;
  readonly email: string;
  readonly fullName: string;
  readonly phone: string | null;
  readonly notificationPreference: NotificationChannel;
  readonly role: Role;
  /** Opaque to the domain: produced and checked by a PasswordHasher. */
  readonly passwordHash: string;
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

/** A person who holds an account; the money side lives in the Account (ledger). */
export class Client {
  private constructor(private readonly state: ClientSnapshot) {}

  static create(input: {
    id: string;
    email: string;
    fullName: string;
    phone?: string | null | undefined;
    notificationPreference: NotificationChannel;
    role?: Role | undefined;
    passwordHash: string;
    createdAt: Date;
  }): Client {
    const phone = normalizePhone(input.phone ?? null);
    return new Client({
      id: input.id,
      email: normalizeEmail(input.email),
      fullName: normalizeFullName(input.fullName),
      phone,
      notificationPreference: checkPreference(input.notificationPreference, phone),
      role: input.role ?? 'client',
      passwordHash: input.passwordHash,
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
  get role(): Role {
    return this.state.role;
  }
  get phone(): string | null {
    return this.state.phone;
  }
  get passwordHash(): string {
    return this.state.passwordHash;
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
    if (this.state.phone === null) throw phoneRequired();
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
    throw new DomainError(
      'INVALID_PHONE',
      'El teléfono debe estar en formato internacional E.164, por ejemplo +573001234567.',
    );
  }
  return compact;
}

function normalizeFullName(fullName: string): string {
  const trimmed = fullName.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 1 || trimmed.length > 120 || CONTROL_CHARS.test(trimmed)) {
    throw new DomainError('INVALID_FULL_NAME', 'El nombre debe tener entre 1 y 120 caracteres.');
  }
  return trimmed;
}

function checkPreference(
  preference: NotificationChannel,
  phone: string | null,
): NotificationChannel {
  if (preference === 'sms' && phone === null) throw phoneRequired();
  return preference;
}

function phoneRequired(): DomainError {
  return new DomainError(
    'PHONE_REQUIRED_FOR_SMS',
    'Para recibir notificaciones por SMS debe registrar un número de teléfono.',
  );
}
