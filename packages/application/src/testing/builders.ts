import {
  Account,
  Client,
  Fund,
  Money,
  type FundCategory,
  type NotificationChannel,
} from '@btg-funds/domain';
import { SEEDED_FUNDS } from '../funds/seeded-funds.js';
import type { AuthRecord, ClientRecord, LedgerRecord, NotificationRecord } from '../ports/index.js';
import { OPENING_BALANCE } from '../shared/account-of.js';

let counter = 0;
/** Unique-enough ids for contract tests that share one database. */
export const uniqueId = (prefix = 'id'): string =>
  `${prefix}-${Date.now().toString(36)}-${(counter += 1).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * A client whose e-mail and phone are verified (as most clients who move money are); pass
 * `verified: false` for one who has proved nothing yet.
 */
export function aClient(
  overrides: Partial<Parameters<typeof Client.create>[0]> & { verified?: boolean } = {},
): Client {
  const { verified = true, ...fields } = overrides;
  const id = fields.id ?? uniqueId('client');
  const client = Client.create({
    id,
    email: `${id}@example.com`,
    fullName: 'Ana María Pérez',
    phone: '+573001234567',
    notificationPreference: 'email',
    createdAt: new Date('2026-01-15T15:00:00.000Z'),
    ...fields,
  });
  if (!verified) return client;
  const proved = client.withVerified('email', client.email);
  return proved.phone === null ? proved : proved.withVerified('sms', proved.phone);
}

/** `client` as a repository stores it: with an auth record (a `client` role by default). */
export function registered(client: Client, auth: Partial<AuthRecord> = {}): ClientRecord {
  return { client, auth: { role: 'client', passwordHash: 'hash', ...auth } };
}

export function aFund(
  overrides: {
    id?: string;
    name?: string;
    minimum?: string;
    category?: FundCategory;
    active?: boolean;
  } = {},
): Fund {
  return Fund.create({
    id: overrides.id ?? uniqueId('fund'),
    name: overrides.name ?? 'FONDO_PRUEBA',
    minimumAmount: Money.parse(overrides.minimum ?? '50000'),
    category: overrides.category ?? 'FIC',
    ...(overrides.active !== undefined && { active: overrides.active }),
  });
}

export const seededFund = (id: string): Fund => {
  const fund = SEEDED_FUNDS.find((f) => f.id === id);
  if (fund === undefined) throw new Error(`no seeded fund ${id}`);
  return fund;
};

/**
 * The ledger records a client accumulates when it subscribes to `fundIds` in order, each for the
 * fund's minimum (seq 1, 2, …; one beyond the balance is a failed entry), with a notification
 * intent on each.
 */
export function subscriptionRecords(
  clientId: string,
  fundIds: readonly string[],
  start = new Date('2026-01-15T15:00:00.000Z'),
  channel: NotificationChannel = 'email',
): LedgerRecord[] {
  let account = Account.open(clientId, { openingBalance: OPENING_BALANCE });
  return fundIds.map((fundId, index) => {
    const decision = account.subscribe({
      fund: seededFund(fundId),
      transactionId: uniqueId('tx'),
      subscriptionId: uniqueId('sub'),
      at: new Date(start.getTime() + index * 1000),
    });
    // A failed attempt (a fund beyond the balance) is an entry too; a refusal writes none.
    if (decision.kind === 'refused') throw new Error(`refused: ${decision.refusal.code}`);
    account = decision.change.account;
    const notification = { channel, destination: `${clientId}@example.com` };
    return { ...decision.change.entry, notification };
  });
}

export function aNotification(overrides: Partial<NotificationRecord> = {}): NotificationRecord {
  const at = overrides.createdAt ?? new Date('2026-01-15T15:00:00.000Z');
  return {
    id: uniqueId('ntf'),
    clientId: uniqueId('client'),
    transactionId: uniqueId('tx'),
    transactionType: 'subscription',
    fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
    amount: Money.parse('75000'),
    occurredAt: at,
    channel: 'email',
    destination: 'ana@example.com',
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
