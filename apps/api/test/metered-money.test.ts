import { ApplicationError, OutcomeUnknown } from '@btg-funds/application';
import { describe, expect, it } from 'vitest';
import { AppMetrics } from '../src/runtime/app-metrics.js';
import { meteredMoney } from '../src/runtime/metered-money.js';

type Subscribe = Parameters<typeof meteredMoney>[0];

/** A money use case that fails with the given error every time. */
const failingWith = (error: Error): Subscribe => ({
  execute: () => Promise.reject(error),
});

async function count(metrics: AppMetrics, series: string): Promise<number> {
  const text = await metrics.registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.split(' ')[1]);
}

describe('meteredMoney counts what operators must see', () => {
  it('counts an unknown outcome by operation and still answers it to the caller', async () => {
    const metrics = new AppMetrics(() => Promise.resolve(0));
    const unknown = new OutcomeUnknown({ cause: new Error('socket timeout') });
    const subscribe = meteredMoney(failingWith(unknown), 'subscribe', metrics);
    await expect(subscribe.execute({} as never)).rejects.toBe(unknown);
    await expect(subscribe.execute({} as never)).rejects.toBe(unknown);
    const cancel = meteredMoney(failingWith(unknown), 'cancel', metrics);
    await expect(cancel.execute({} as never)).rejects.toBe(unknown);

    expect(await count(metrics, 'btg_money_outcome_unknown_total{operation="subscribe"}')).toBe(2);
    expect(await count(metrics, 'btg_money_outcome_unknown_total{operation="cancel"}')).toBe(1);
  });

  it('does not count a refusal or an unexpected error as an unknown outcome', async () => {
    const metrics = new AppMetrics(() => Promise.resolve(0));
    const refused = new ApplicationError('FUND_NOT_FOUND', 'refused');
    for (const error of [refused, new Error('bug')]) {
      await expect(
        meteredMoney(failingWith(error), 'subscribe', metrics).execute({} as never),
      ).rejects.toBe(error);
    }
    expect(await count(metrics, 'btg_money_outcome_unknown_total{operation="subscribe"}')).toBe(0);
    const refusals = 'btg_rejected_operations_total{operation="subscribe",code="FUND_NOT_FOUND"}';
    expect(await count(metrics, refusals)).toBe(1);
  });
});
