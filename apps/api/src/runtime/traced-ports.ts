import type { NotificationChannel } from '@btg-funds/domain';
import type { NotificationSender } from '@btg-funds/application';
import type { Tracer } from '@opentelemetry/api';
import type { AppStorage } from './app-storage.js';
import { traced } from './traced.js';

/** Every storage port behind a span per call (`ledger.append`, `funds.findById`, …). */
export function tracedStorage(storage: AppStorage, tracer: Tracer): AppStorage {
  const options = { attributes: { 'db.system': storage.kind }, onlyWithinSpan: true };
  return {
    ...storage,
    ping: () => storage.ping(),
    close: () => storage.close(),
    ...(storage.prepare !== undefined && { prepare: storage.prepare.bind(storage) }),
    clients: traced(storage.clients, 'clients', tracer, options),
    funds: traced(storage.funds, 'funds', tracer, options),
    ledger: traced(storage.ledger, 'ledger', tracer, options),
    idempotency: traced(storage.idempotency, 'idempotency', tracer, options),
    refreshTokens: traced(storage.refreshTokens, 'refreshTokens', tracer, options),
    notifications: traced(storage.notifications, 'notifications', tracer, options),
  };
}

/** Each send is a span of its own (`notify.email.send`), also outside any request. */
export function tracedSenders(
  senders: Readonly<Record<NotificationChannel, NotificationSender>>,
  tracer: Tracer,
): Readonly<Record<NotificationChannel, NotificationSender>> {
  const wrap = (channel: NotificationChannel) =>
    traced(senders[channel], `notify.${channel}`, tracer, {
      attributes: { 'notification.channel': channel },
    });
  return { email: wrap('email'), sms: wrap('sms') };
}
