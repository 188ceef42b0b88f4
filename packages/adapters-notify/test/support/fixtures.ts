import type { NotificationRecord, OutgoingNotification } from '@btg-funds/application';
import { composeNotification } from '@btg-funds/application';
import { Money } from '@btg-funds/domain';

export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const AUTH_TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
export const API_KEY_SID = `SK${'b2'.repeat(16)}`;
export const MESSAGING_SERVICE_SID = `MG${'c3'.repeat(16)}`;
export const TX = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** A pending record for a 75.000 COP subscription to fund 1 (docs/product/rules.md, "Funds"). */
export function notificationRecord(
  overrides: Partial<NotificationRecord> = {},
): NotificationRecord {
  const at = new Date('2026-01-15T15:00:00.000Z');
  return {
    id: 'notification-1',
    clientId: 'client-1',
    transactionId: TX,
    transactionType: 'subscription',
    fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
    amount: Money.parse('75000'),
    occurredAt: at,
    channel: 'email',
    destination: 'juan.perez@example.com',
    status: 'pending',
    attempts: 0,
    createdAt: at,
    sentAt: null,
    nextAttemptAt: at,
    lastError: null,
    reason: null,
    ...overrides,
  };
}

export function outgoing(overrides: Partial<NotificationRecord> = {}): OutgoingNotification {
  return composeNotification(notificationRecord(overrides));
}

export const SMS = { channel: 'sms', destination: '+573001234567' } as const;
