import type { HttpUseCases } from '@btg-funds/adapters-http';
import { isBusinessError, OutcomeUnknown } from '@btg-funds/application';
import type { AppMetrics, MoneyOperation } from './app-metrics.js';

type MoneyUseCase = HttpUseCases['subscribeToFund'] | HttpUseCases['cancelSubscription'];

/**
 * Counts the outcomes of a money use case from the outside, so the application stays free of
 * any metrics library: completed, replayed (Idempotency-Key), refused with its code, or of
 * unknown outcome (the client was told to check its history: operators must see those). A
 * replayed refusal counts as a replay, not as a second refusal.
 */
export function meteredMoney<T extends MoneyUseCase>(
  useCase: T,
  operation: MoneyOperation,
  metrics: AppMetrics,
): T {
  const completed = operation === 'subscribe' ? metrics.subscriptions : metrics.cancellations;
  const execute = async (input: never) => {
    try {
      const outcome = await useCase.execute(input);
      if (outcome.replayed) metrics.replays.labels(operation).inc();
      else completed.inc();
      return outcome;
    } catch (error) {
      if (isBusinessError(error)) {
        if (error.replayed === true) metrics.replays.labels(operation).inc();
        else metrics.rejections.labels(operation, error.code).inc();
      } else if (error instanceof OutcomeUnknown) {
        metrics.outcomeUnknown.labels(operation).inc();
      }
      throw error;
    }
  };
  return { execute } as T;
}
