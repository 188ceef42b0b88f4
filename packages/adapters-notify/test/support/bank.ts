import {
  createUseCases,
  OPENING_BALANCE,
  SEEDED_FUNDS,
  type DeliveryPolicy,
  type NotificationSender,
  type NotificationStore,
} from '@btg-funds/application';
import {
  FixedClock,
  SequentialIdGenerator,
  testPorts,
  type MoneyStorage,
} from '@btg-funds/application/testing';
import { Client, type Money, type NotificationChannel } from '@btg-funds/domain';
import { createInMemoryStorage } from '@btg-funds/adapters-memory';

/** Short delays, few attempts: a whole retry history fits in a test, driven by the clock. */
export const TEST_POLICY: DeliveryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  leaseMs: 30_000,
};

/** The ports a bank needs: memory adapters by default, MongoDB ones in the Mongo variant. */
export type BankStorage = MoneyStorage;

/**
 * The real use cases on memory adapters, a fixed clock and deterministic ids: a subscription
 * commits money and records its notification exactly as in production.
 */
export async function openBank(
  options: { outboxStore?: NotificationStore; storage?: BankStorage } = {},
) {
  const storage: BankStorage = options.storage ?? createInMemoryStorage();
  const clock = new FixedClock('2026-01-15T15:00:00.000Z');
  const ids = new SequentialIdGenerator();
  await storage.funds.seed(SEEDED_FUNDS);
  const ports = testPorts({ ...storage, clock, ids });
  // The process that takes the subscription: its outbox writes to `outboxStore` when given.
  const subscribe = createUseCases({
    ...ports,
    notifications: options.outboxStore ?? storage.notifications,
  }).subscribeToFund;

  async function addClient(channel: NotificationChannel): Promise<string> {
    const client = Client.create({
      id: ids.next(),
      email: 'juan.perez@example.com',
      fullName: 'Juan Pérez',
      phone: '+573001234567',
      notificationPreference: channel,
      createdAt: clock.now(),
    })
      // A client who proved both destinations: only those are ever notified (ADR 0405).
      .withVerified('email', 'juan.perez@example.com')
      .withVerified('sms', '+573001234567');
    await storage.clients.add({
      client,
      auth: { role: 'client', passwordHash: 'not-a-real-hash' },
    });
    return client.id;
  }

  async function balance(clientId: string): Promise<Money> {
    return (await storage.ledger.latest(clientId))?.transaction.balanceAfter ?? OPENING_BALANCE;
  }

  async function ledgerSize(clientId: string): Promise<number> {
    return (await storage.ledger.list(clientId, {}, { limit: 100 })).length;
  }

  function dispatcher(
    senders: Partial<Record<NotificationChannel, NotificationSender>>,
    policy: DeliveryPolicy = TEST_POLICY,
  ) {
    const unused: NotificationSender = {
      send: () => Promise.reject(new Error('unexpected channel')),
    };
    const process = createUseCases(
      { ...ports, senders: { email: senders.email ?? unused, sms: senders.sms ?? unused } },
      { delivery: policy, random: () => 0.5 },
    );
    return process.dispatchNotifications;
  }

  /** A fresh process's outbox recovery over the same storage. */
  function recovery() {
    return createUseCases(ports).recoverOutbox;
  }

  return { storage, clock, ids, subscribe, addClient, balance, ledgerSize, dispatcher, recovery };
}

export type Bank = Awaited<ReturnType<typeof openBank>>;
