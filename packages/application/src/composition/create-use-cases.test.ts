import { describe, expect, it } from 'vitest';
import * as application from '../index.js';
import { testPorts } from '../testing/index.js';
import { QueuedPerClient } from '../subscriptions/queued-per-client.js';
import { createUseCases } from './create-use-cases.js';

/**
 * Every class the package exports with an `execute` method: its use cases (the queue and its
 * wrapper are the plumbing of two of them, not use cases).
 */
const useCaseClasses = Object.entries(application).filter(
  ([, value]) =>
    typeof value === 'function' &&
    typeof (value.prototype as { execute?: unknown } | undefined)?.execute === 'function' &&
    value !== QueuedPerClient &&
    value !== application.ClientOperationQueue,
) as [string, new (...args: never[]) => unknown][];

describe('createUseCases, the one composition of the application', () => {
  it('builds every use case the package exports, each exactly once', () => {
    const built = Object.values(createUseCases(testPorts())).map((value) =>
      value instanceof QueuedPerClient ? (value.useCase as unknown) : value,
    );
    expect(useCaseClasses.length).toBeGreaterThanOrEqual(22);
    for (const [name, useCase] of useCaseClasses) {
      const instances = built.filter((value) => value instanceof useCase);
      expect(instances, name).toHaveLength(1);
    }
  });

  it('puts both money use cases in one per-client queue, as every process runs them', () => {
    const { subscribeToFund, cancelSubscription } = createUseCases(testPorts());
    expect(subscribeToFund).toBeInstanceOf(QueuedPerClient);
    expect(subscribeToFund.useCase).toBeInstanceOf(application.SubscribeToFund);
    expect(cancelSubscription).toBeInstanceOf(QueuedPerClient);
    expect(cancelSubscription.useCase).toBeInstanceOf(application.CancelSubscription);
  });
});
