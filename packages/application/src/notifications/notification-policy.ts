import type { Client, NotificationChannel } from '@btg-funds/domain';
import type { NotificationIntent } from '../ports/index.js';

/** Where notifications may go (ADR 0405). */
export interface NotificationPolicy {
  /** E.164 country calling codes an SMS may go to, without the "+": ["57"]. */
  readonly smsCountryCodes: readonly string[];
  /** Messages (notifications and codes) to one destination per UTC day; 0 = no cap. */
  readonly perDestinationPerDay: number;
}

export const DEFAULT_NOTIFICATION_POLICY: NotificationPolicy = {
  smsCountryCodes: ['57'],
  perDestinationPerDay: 20,
};

/**
 * True when an SMS may go to `phone` (E.164). Country calling codes are prefix-free, so the
 * prefix alone decides.
 */
export function smsAllowedTo(phone: string, policy: NotificationPolicy): boolean {
  return policy.smsCountryCodes.some((code) => phone.startsWith(`+${code}`));
}

/**
 * The notification of an operation, decided when it happens: on the requested channel when its
 * destination is verified (and, for SMS, in an allowed country); else by e-mail when the address
 * is verified; else recorded as not sent, with the reason. Nothing is ever sent to a destination
 * the client has not proved theirs. `requested` must have a destination (SMS needs a phone).
 */
export function notificationIntent(
  client: Client,
  requested: NotificationChannel,
  policy: NotificationPolicy,
): NotificationIntent {
  const destination = client.destinationFor(requested);
  const countryAllowed = requested === 'email' || smsAllowedTo(destination, policy);
  if (client.isVerified(requested) && countryAllowed) {
    // Written without `withheld`: an intent to send looks as it always did (ledger, outbox).
    return { channel: requested, destination };
  }
  if (requested === 'sms' && client.isVerified('email')) {
    return { channel: 'email', destination: client.destinationFor('email') };
  }
  const withheld = countryAllowed ? 'DESTINATION_NOT_VERIFIED' : 'SMS_COUNTRY_NOT_ALLOWED';
  return { channel: requested, destination, withheld };
}
