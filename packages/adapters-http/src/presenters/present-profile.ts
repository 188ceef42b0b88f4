import type { ClientProfile } from '@btg-funds/application';
import { isoTimestamp } from './iso-timestamp.js';

/** The wire form of a profile: money as a decimal string, ISO timestamps, never the hash. */
export function presentProfile(profile: ClientProfile) {
  return {
    id: profile.id,
    email: profile.email,
    fullName: profile.fullName,
    phone: profile.phone,
    notificationPreference: profile.notificationPreference,
    role: profile.role,
    balance: profile.balance.toDecimalString(),
    currency: 'COP' as const,
    createdAt: isoTimestamp(profile.createdAt),
    emailVerified: profile.emailVerified,
    phoneVerified: profile.phoneVerified,
  };
}
