import type { LiveSessions, LoginThrottle } from '@btg-funds/application';
import {
  CancelSubscription,
  ConfirmVerificationCode,
  CreateFund,
  DEFAULT_RETRY_POLICY,
  DEFAULT_SESSION_CONFIG,
  GetFund,
  GetProfile,
  GetSubscription,
  GetTransaction,
  IdempotencyGuard,
  ListClients,
  ListFunds,
  ListNotifications,
  ListSubscriptions,
  ListTransactions,
  Login,
  Logout,
  Outbox,
  RefreshSession,
  RegisterClient,
  RequestVerificationCode,
  SubscribeToFund,
  UpdateFund,
  UpdateProfile,
  type BreachedPasswords,
  type Clock,
  type IdGenerator,
  type NotificationSender,
  type OneTimeCodes,
  type PasswordHasher,
  type SecretTokens,
  type TokenIssuer,
} from '@btg-funds/application';
import type { InMemoryStorage } from '@btg-funds/adapters-memory';
import type { HttpUseCases } from '../../src/index.js';

/** The composition the real process does with inversify, by hand for tests. */
export function wireUseCases(deps: {
  storage: InMemoryStorage;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  issuer: TokenIssuer;
  secrets: SecretTokens;
  sessions: LiveSessions;
  throttle?: LoginThrottle | undefined;
  breached?: BreachedPasswords | undefined;
  codes: OneTimeCodes;
  senders: Readonly<Record<'email' | 'sms', NotificationSender>>;
}): HttpUseCases {
  const { storage, clock, ids, hasher, issuer, secrets, sessions, throttle, breached } = deps;
  const verification = {
    clients: storage.clients,
    challenges: storage.verifications,
    rateLimits: storage.rateLimits,
    hasher,
    clock,
  };
  const { clients, funds, ledger, refreshTokens, notifications } = storage;
  const session = { issuer, secrets, refreshTokens, clock, config: DEFAULT_SESSION_CONFIG };
  const outbox = new Outbox(notifications, () => ids.next());
  const idempotency = new IdempotencyGuard(storage.idempotency, clock, ids);
  const retry = DEFAULT_RETRY_POLICY;
  return {
    registerClient: new RegisterClient({ clients, ledger, hasher, ids, clock, breached }),
    login: new Login({ ...session, clients, hasher, ids, throttle }),
    refreshSession: new RefreshSession({ ...session, clients, sessions }),
    logout: new Logout({ refreshTokens, secrets, clock, sessions }),
    getProfile: new GetProfile(clients, ledger),
    updateProfile: new UpdateProfile(clients, ledger),
    listClients: new ListClients(clients, ledger),
    listFunds: new ListFunds(funds),
    getFund: new GetFund(funds),
    createFund: new CreateFund(funds),
    updateFund: new UpdateFund(funds),
    subscribeToFund: new SubscribeToFund({
      clients,
      funds,
      ledger,
      outbox,
      idempotency,
      clock,
      ids,
      retry,
    }),
    cancelSubscription: new CancelSubscription({
      clients,
      ledger,
      outbox,
      idempotency,
      clock,
      retry,
    }),
    listSubscriptions: new ListSubscriptions(ledger),
    getSubscription: new GetSubscription(ledger),
    listTransactions: new ListTransactions(ledger),
    getTransaction: new GetTransaction(ledger),
    listNotifications: new ListNotifications(notifications),
    requestVerificationCode: new RequestVerificationCode({
      ...verification,
      codes: deps.codes,
      ids,
      senders: deps.senders,
    }),
    confirmVerificationCode: new ConfirmVerificationCode({
      ...verification,
      ledger: storage.ledger,
    }),
  };
}
