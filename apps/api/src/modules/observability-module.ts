import type { NotificationSender } from '@btg-funds/application';
import type { NotificationChannel } from '@btg-funds/domain';
import type { Tracer } from '@opentelemetry/api';
import { ContainerModule } from 'inversify';
import { AppMetrics } from '../runtime/app-metrics.js';
import type { AppStorage } from '../runtime/app-storage.js';
import { tracedSenders, tracedStorage } from '../runtime/traced-ports.js';
import { resolve, TOKENS } from '../tokens.js';

/**
 * Metrics registry, and — only when tracing is on — spans around the storage ports and the
 * notification senders, added as activation hooks so no other module knows about tracing.
 */
type Senders = Readonly<Record<NotificationChannel, NotificationSender>>;

export function observabilityModule(tracer: Tracer | null): ContainerModule {
  return new ContainerModule(({ bind, onActivation }) => {
    bind(TOKENS.Metrics).toDynamicValue((ctx) => {
      const notifications = resolve(ctx, TOKENS.Storage).notifications;
      return new AppMetrics(() => notifications.countByStatus('pending'));
    });
    if (tracer === null) return;
    onActivation<AppStorage>(TOKENS.Storage, (_ctx, storage) => tracedStorage(storage, tracer));
    onActivation<Senders>(TOKENS.Senders, (_ctx, senders) => tracedSenders(senders, tracer));
  });
}
