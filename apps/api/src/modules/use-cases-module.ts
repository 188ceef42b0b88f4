import type { HttpUseCases } from '@btg-funds/adapters-http';
import {
  BootstrapAdmin,
  CancelSubscription,
  ClientOperationQueue,
  ConfirmVerificationCode,
  CreateFund,
  DEFAULT_IDEMPOTENCY_CONFIG,
  DEFAULT_RETRY_POLICY,
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
  LiveSessions,
  Login,
  LoginThrottle,
  Logout,
  RecoverOutbox,
  RefreshSession,
  RegisterClient,
  RequestVerificationCode,
  SeedFunds,
  SubscribeToFund,
  UpdateFund,
  UpdateProfile,
} from '@btg-funds/application';
import { ContainerModule, type ResolutionContext } from 'inversify';
import type { MoneyOperation } from '../runtime/app-metrics.js';
import { meteredMoney } from '../runtime/metered-money.js';
import { queuedPerClient } from '../runtime/queued-money.js';
import { resolve, TOKENS, type Token } from '../tokens.js';

/** The use cases of the application layer, built from whatever storage module was loaded. */
export const useCasesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.IdempotencyGuard).toDynamicValue((ctx) => {
    const logger = resolve(ctx, TOKENS.Logger);
    return new IdempotencyGuard(
      storage(ctx).idempotency,
      resolve(ctx, TOKENS.Clock),
      resolve(ctx, TOKENS.Ids),
      DEFAULT_IDEMPOTENCY_CONFIG,
      (error) => logger.warn({ err: error }, 'idempotency key kept for resumption'),
    );
  });
  bind(TOKENS.LiveSessions).toDynamicValue(
    (ctx) =>
      new LiveSessions({
        refreshTokens: storage(ctx).refreshTokens,
        clock: resolve(ctx, TOKENS.Clock),
      }),
  );
  bind(TOKENS.UseCases).toDynamicValue((ctx): HttpUseCases => {
    const { clients, funds, ledger, refreshTokens, notifications, rateLimits, verifications } =
      storage(ctx);
    const clock = resolve(ctx, TOKENS.Clock);
    const ids = resolve(ctx, TOKENS.Ids);
    const hasher = resolve(ctx, TOKENS.PasswordHasher);
    const secrets = resolve(ctx, TOKENS.SecretTokens);
    const config = resolve(ctx, TOKENS.Config);
    const outbox = resolve(ctx, TOKENS.Outbox);
    const idempotency = resolve(ctx, TOKENS.IdempotencyGuard);
    const metrics = resolve(ctx, TOKENS.Metrics);
    const conflict = (operation: MoneyOperation) => () =>
      metrics.ledgerConflicts.labels(operation).inc();
    // One line per client for subscriptions and cancellations alike (ADR 0002).
    const queue = new ClientOperationQueue(config.money.maxPendingPerClient);
    const session = {
      issuer: resolve(ctx, TOKENS.TokenIssuer),
      secrets,
      refreshTokens,
      clock,
      config: {
        refreshTtlSeconds: config.refreshTtlSeconds,
        sessionTtlSeconds: config.sessionTtlSeconds,
      },
    };
    const sessions = resolve(ctx, TOKENS.LiveSessions);
    const throttle =
      config.loginThrottle === null
        ? undefined
        : new LoginThrottle(rateLimits, clock, config.loginThrottle);
    const money = {
      clients,
      ledger,
      outbox,
      idempotency,
      clock,
      retry: DEFAULT_RETRY_POLICY,
      notificationPolicy: config.notificationPolicy,
    };
    const verification = {
      clients,
      challenges: verifications,
      rateLimits,
      hasher,
      clock,
      notificationPolicy: config.notificationPolicy,
    };
    return {
      registerClient: resolve(ctx, RegisterClientToken),
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
      subscribeToFund: meteredMoney(
        queuedPerClient(
          new SubscribeToFund({ ...money, funds, ids, onConflict: conflict('subscribe') }),
          queue,
        ),
        'subscribe',
        metrics,
      ),
      cancelSubscription: meteredMoney(
        queuedPerClient(
          new CancelSubscription({ ...money, onConflict: conflict('cancel') }),
          queue,
        ),
        'cancel',
        metrics,
      ),
      listSubscriptions: new ListSubscriptions(ledger),
      getSubscription: new GetSubscription(ledger),
      listTransactions: new ListTransactions(ledger),
      getTransaction: new GetTransaction(ledger),
      listNotifications: new ListNotifications(notifications),
      requestVerificationCode: new RequestVerificationCode({
        ...verification,
        codes: resolve(ctx, TOKENS.OneTimeCodes),
        ids,
        senders: resolve(ctx, TOKENS.Senders),
      }),
      confirmVerificationCode: new ConfirmVerificationCode({ ...verification, ledger }),
    };
  });
  bind(RegisterClientToken).toDynamicValue(
    (ctx) =>
      new RegisterClient({
        clients: storage(ctx).clients,
        ledger: storage(ctx).ledger,
        hasher: resolve(ctx, TOKENS.PasswordHasher),
        ids: resolve(ctx, TOKENS.Ids),
        clock: resolve(ctx, TOKENS.Clock),
        breached: resolve(ctx, TOKENS.BreachedPasswords),
      }),
  );
  bind(TOKENS.SeedFunds).toDynamicValue((ctx) => new SeedFunds(storage(ctx).funds));
  bind(TOKENS.BootstrapAdmin).toDynamicValue(
    (ctx) => new BootstrapAdmin(storage(ctx).clients, resolve(ctx, RegisterClientToken)),
  );
  bind(TOKENS.RecoverOutbox).toDynamicValue(
    (ctx) =>
      new RecoverOutbox({
        ledger: storage(ctx).ledger,
        store: storage(ctx).notifications,
        ids: resolve(ctx, TOKENS.Ids),
        clock: resolve(ctx, TOKENS.Clock),
      }),
  );
});

// Shared by registration and the admin bootstrap; internal to this module.
const RegisterClientToken = Symbol.for('btg-funds:RegisterClient') as Token<RegisterClient>;

const storage = (ctx: ResolutionContext) => resolve(ctx, TOKENS.Storage);
