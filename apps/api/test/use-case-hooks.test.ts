import { NotificationDeliveryError } from '@btg-funds/application';
import { aNotification } from '@btg-funds/application/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppMetrics } from '../src/runtime/app-metrics.js';
import { useCaseHooks } from '../src/runtime/use-case-hooks.js';

function hooksWithLines() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const metrics = new AppMetrics(() => Promise.resolve(0));
  const hooks = useCaseHooks(logger, metrics, () => undefined);
  return { lines, deliveryResult: hooks.deliveryResult!, metrics };
}

describe('the delivery log line', () => {
  it('says why a notification was not even tried (the daily cap), not only "Error"', async () => {
    const { lines, deliveryResult, metrics } = hooksWithLines();
    const capped = aNotification({ status: 'failed', attempts: 1, reason: 'DAILY_LIMIT_REACHED' });
    deliveryResult(capped, new Error('DAILY_LIMIT_REACHED'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'notification delivery failed',
      transactionId: capped.transactionId,
      status: 'failed',
      reason: 'DAILY_LIMIT_REACHED',
    });
    // Never the destination: it is personal data.
    expect(JSON.stringify(lines[0])).not.toContain(capped.destination);
    expect(await metrics.registry.getSingleMetricAsString('btg_notifications_total')).toContain(
      'outcome="failed"',
    );
  });

  it('carries no reason for a send that failed and will be retried', () => {
    const { lines, deliveryResult } = hooksWithLines();
    const retried = aNotification({ status: 'pending', attempts: 1 });
    deliveryResult(retried, new NotificationDeliveryError('SMTP 451 to ana@x', true));
    expect(lines[0]).toMatchObject({ error: 'NotificationDeliveryError', status: 'pending' });
    expect(lines[0]).not.toHaveProperty('reason');
    expect(JSON.stringify(lines[0])).not.toContain('ana@x');
  });
});
