import { BootstrapAdmin } from '../auth/bootstrap-admin.js';
import { LiveSessions } from '../auth/live-sessions.js';
import { Login } from '../auth/login.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { Logout } from '../auth/logout.js';
import { RefreshSession } from '../auth/refresh-session.js';
import { RegisterClient } from '../auth/register-client.js';
import { DEFAULT_SESSION_CONFIG } from '../auth/session-tokens.js';
import { GetProfile } from '../clients/get-profile.js';
import { ListClients } from '../clients/list-clients.js';
import { UpdateProfile } from '../clients/update-profile.js';
import { CreateFund } from '../funds/create-fund.js';
import { GetFund } from '../funds/get-fund.js';
import { ListFunds } from '../funds/list-funds.js';
import { SeedFunds } from '../funds/seed-funds.js';
import { UpdateFund } from '../funds/update-fund.js';
import { GetTransaction } from '../history/get-transaction.js';
import { ListClientTransactions } from '../history/list-client-transactions.js';
import { ListTransactions } from '../history/list-transactions.js';
import { DestinationCap } from '../notifications/destination-cap.js';
import {
  DEFAULT_DELIVERY_POLICY,
  DispatchNotifications,
} from '../notifications/dispatch-notifications.js';
import { ListNotifications } from '../notifications/list-notifications.js';
import { DEFAULT_NOTIFICATION_POLICY } from '../notifications/notification-policy.js';
import { Outbox } from '../notifications/outbox.js';
import { RecoverOutbox } from '../notifications/recover-outbox.js';
import { ClientOperationQueue } from '../shared/client-operation-queue.js';
import { IdempotencyGuard } from '../shared/idempotency-guard.js';
import { DEFAULT_RETRY_POLICY } from '../shared/retry-policy.js';
import { CancelSubscription } from '../subscriptions/cancel-subscription.js';
import { GetSubscription } from '../subscriptions/get-subscription.js';
import { ListSubscriptions } from '../subscriptions/list-subscriptions.js';
import { QueuedPerClient } from '../subscriptions/queued-per-client.js';
import { SubscribeToFund } from '../subscriptions/subscribe-to-fund.js';
import { ConfirmVerificationCode } from '../verification/confirm-verification-code.js';
import { RequestVerificationCode } from '../verification/request-verification-code.js';
import type { UseCaseOptions } from './use-case-options.js';
import type { UseCasePorts } from './use-case-ports.js';

/**
 * The one composition of the application (ADR 0009): every use case, built from the ports once,
 * the same way for the process and for every test. A new use case is its own file plus one line
 * here. Whatever observes the use cases (metrics, traces, conflict counts) wraps the ports given
 * or the use cases returned, from the outside.
 */
export function createUseCases(ports: UseCasePorts, options: UseCaseOptions = {}) {
  const { clients, funds, ledger, refreshTokens, notifications, rateLimits } = ports;
  const { clock, ids, hasher, issuer, secrets, breached } = ports;
  const hooks = options.hooks ?? {};
  const notificationPolicy = options.notificationPolicy ?? DEFAULT_NOTIFICATION_POLICY;
  const session = {
    issuer,
    secrets,
    refreshTokens,
    clock,
    config: options.session ?? DEFAULT_SESSION_CONFIG,
  };
  const liveSessions = new LiveSessions({ refreshTokens, clock, options: options.liveSessions });
  const throttle =
    options.loginThrottle === undefined
      ? undefined
      : new LoginThrottle(rateLimits, clock, options.loginThrottle);
  const outbox = new Outbox(
    notifications,
    () => ids.next(),
    hooks.notificationQueued,
    hooks.outboxFailed,
  );
  const money = {
    clients,
    ledger,
    outbox,
    idempotency: new IdempotencyGuard(
      ports.idempotency,
      clock,
      ids,
      options.idempotency,
      hooks.idempotencyFailed,
    ),
    clock,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    notificationPolicy,
  };
  // One line per client for subscriptions and cancellations alike (ADR 0002).
  const queue = new ClientOperationQueue(options.maxPendingPerClient ?? 0);
  const verification = {
    clients,
    challenges: ports.verifications,
    rateLimits,
    hasher,
    clock,
    notificationPolicy,
  };
  const registerClient = new RegisterClient({ clients, hasher, ids, clock, breached });
  const listTransactions = new ListTransactions(ledger);
  return {
    registerClient,
    login: new Login({ ...session, clients, hasher, ids, throttle }),
    refreshSession: new RefreshSession({ ...session, clients, sessions: liveSessions }),
    logout: new Logout({ refreshTokens, secrets, clock, sessions: liveSessions }),
    getProfile: new GetProfile(clients, ledger),
    updateProfile: new UpdateProfile(clients, ledger),
    listClients: new ListClients(clients, ledger),
    listFunds: new ListFunds(funds),
    getFund: new GetFund(funds),
    createFund: new CreateFund(funds),
    updateFund: new UpdateFund(funds),
    seedFunds: new SeedFunds(funds),
    subscribeToFund: new QueuedPerClient(new SubscribeToFund({ ...money, funds, ids }), queue),
    cancelSubscription: new QueuedPerClient(new CancelSubscription(money), queue),
    listSubscriptions: new ListSubscriptions(ledger),
    getSubscription: new GetSubscription(ledger),
    listTransactions,
    listClientTransactions: new ListClientTransactions(clients, listTransactions),
    getTransaction: new GetTransaction(ledger),
    listNotifications: new ListNotifications(notifications),
    requestVerificationCode: new RequestVerificationCode({
      ...verification,
      codes: ports.codes,
      ids,
      senders: ports.senders,
    }),
    confirmVerificationCode: new ConfirmVerificationCode({ ...verification, ledger }),
    bootstrapAdmin: new BootstrapAdmin(clients, registerClient),
    recoverOutbox: new RecoverOutbox({ ledger, store: notifications, ids, clock }),
    dispatchNotifications: new DispatchNotifications({
      store: notifications,
      senders: ports.senders,
      clock,
      policy: options.delivery ?? DEFAULT_DELIVERY_POLICY,
      // Codes and notifications share one count per destination and day (ADR 0405).
      cap: new DestinationCap(rateLimits, notificationPolicy.perDestinationPerDay),
      ...(options.random !== undefined && { random: options.random }),
      ...(hooks.deliveryResult !== undefined && { onResult: hooks.deliveryResult }),
    }),
    /** Is a session revoked? (not a use case: the HTTP adapter asks it on sensitive routes). */
    liveSessions,
  };
}

export type UseCases = ReturnType<typeof createUseCases>;
