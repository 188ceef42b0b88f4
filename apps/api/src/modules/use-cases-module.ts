import {
  createUseCases,
  DEFAULT_DELIVERY_POLICY,
  DEFAULT_IDEMPOTENCY_CONFIG,
  DEFAULT_LIVE_SESSIONS_OPTIONS,
  DEFAULT_RETRY_POLICY,
  type UseCases,
} from '@btg-funds/application';
import { ContainerModule } from 'inversify';
import { countingConflicts } from '../runtime/counted-conflicts.js';
import { meteredMoney } from '../runtime/metered-money.js';
import { useCaseHooks } from '../runtime/use-case-hooks.js';
import { resolve, TOKENS } from '../tokens.js';

/**
 * The use cases: the application's one composition (createUseCases, ADR 0009) over the ports this
 * container bound. Metrics wrap it from the outside: the ledger counts lost races, the money use
 * cases count their outcomes.
 */
export const useCasesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.LiveSessionsOptions).toConstantValue(DEFAULT_LIVE_SESSIONS_OPTIONS);
  bind(TOKENS.UseCases).toDynamicValue((ctx): UseCases => {
    const config = resolve(ctx, TOKENS.Config);
    const metrics = resolve(ctx, TOKENS.Metrics);
    const storage = resolve(ctx, TOKENS.Storage);
    const hooks = useCaseHooks(
      resolve(ctx, TOKENS.Logger),
      metrics,
      resolve(ctx, TOKENS.WakeSignal).wake,
    );
    const useCases = createUseCases(
      {
        ...storage,
        ledger: countingConflicts(storage.ledger, metrics),
        clock: resolve(ctx, TOKENS.Clock),
        ids: resolve(ctx, TOKENS.Ids),
        hasher: resolve(ctx, TOKENS.PasswordHasher),
        issuer: resolve(ctx, TOKENS.TokenIssuer),
        secrets: resolve(ctx, TOKENS.SecretTokens),
        codes: resolve(ctx, TOKENS.OneTimeCodes),
        senders: resolve(ctx, TOKENS.Senders),
        breached: resolve(ctx, TOKENS.BreachedPasswords),
      },
      {
        session: {
          refreshTtlSeconds: config.refreshTtlSeconds,
          sessionTtlSeconds: config.sessionTtlSeconds,
        },
        loginThrottle: config.loginThrottle ?? undefined,
        liveSessions: resolve(ctx, TOKENS.LiveSessionsOptions),
        notificationPolicy: config.notificationPolicy,
        retry: DEFAULT_RETRY_POLICY,
        idempotency: DEFAULT_IDEMPOTENCY_CONFIG,
        maxPendingPerClient: config.money.maxPendingPerClient,
        delivery: DEFAULT_DELIVERY_POLICY,
        hooks,
      },
    );
    return {
      ...useCases,
      subscribeToFund: meteredMoney(useCases.subscribeToFund, 'subscribe', metrics),
      cancelSubscription: meteredMoney(useCases.cancelSubscription, 'cancel', metrics),
    };
  });
  // The process's own jobs, named for start.ts and the loops: the same objects as above.
  bind(TOKENS.SeedFunds).toResolvedValue((u: UseCases) => u.seedFunds, [TOKENS.UseCases]);
  bind(TOKENS.BootstrapAdmin).toResolvedValue((u: UseCases) => u.bootstrapAdmin, [TOKENS.UseCases]);
  bind(TOKENS.RecoverOutbox).toResolvedValue((u: UseCases) => u.recoverOutbox, [TOKENS.UseCases]);
  bind(TOKENS.DispatchNotifications).toResolvedValue(
    (u: UseCases) => u.dispatchNotifications,
    [TOKENS.UseCases],
  );
});
