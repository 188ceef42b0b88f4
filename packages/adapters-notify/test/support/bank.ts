import {
  DEFAULT_RETRY_POLICY,
  DispatchNotifications,
  IdempotencyGuard,
  OPENING_BALANCE,
  Outbox,
  RecoverOutbox,
  SEEDED_FUNDS,
  SubscribeToFund,
  type ClientRepository,
  type DeliveryPolicy,
  type FundRepository,
  type IdempotencyStore,
  type Ledger,
  type NotificationSender,
  type NotificationStore,
} from '@btg-funds/application';
import { Client, type Money, type NotificationChannel } from '@btg-funds/domain';
import {
  createInMemoryStorage,
  FixedClock,
  SequentialIdGenerator,
} from '@btg-funds/adapters-memory';

/** Short delays, few attempts: a whole retry history fits in a test, driven by the clock. */
export const TEST_POLICY: DeliveryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  leaseMs: 30_000,
};

/** The ports a bank needs: memory adapters by default, MongoDB ones in the Mongo variant. */
export interface BankStorage {
  readonly clients: ClientRepository;
  readonly funds: FundRepository;
  readonly ledger: Ledger;
  readonly idempotency: IdempotencyStore;
  readonly notifications: NotificationStore;
}

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
  const outbox = new Outbox(options.outboxStore ?? storage.notifications, () => ids.next());
  const subscribe = new SubscribeToFund({
    clients: storage.clients,
    funds: storage.funds,
    ledger: storage.ledger,
    outbox,
    idempotency: new IdempotencyGuard(storage.idempotency, clock, ids),
    clock,
    ids,
    retry: DEFAULT_RETRY_POLICY,
  });

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
  ): DispatchNotifications {
    const unused: NotificationSender = {
      send: () => Promise.reject(new Error('unexpected channel')),
    };
    return new DispatchNotifications({
      store: storage.notifications,
      senders: { email: senders.email ?? unused, sms: senders.sms ?? unused },
      clock,
      policy,
      random: () => 0.5,
    });
  }

  function recovery(): RecoverOutbox {
    return new RecoverOutbox({ ledger: storage.ledger, store: storage.notifications, ids, clock });
  }

  return { storage, clock, ids, subscribe, addClient, balance, ledgerSize, dispatcher, recovery };
}

export type Bank = Awaited<ReturnType<typeof openBank>>;
