import {
  FixedClock,
  InMemoryNotificationStore,
  InMemoryRateLimitStore,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { describe, expect, it } from 'vitest';
import type { NotificationSender, OutgoingNotification } from '../ports/index.js';
import {
  aClient,
  aNotification,
  givenClientWithFunds,
  moneyUseCases,
  registered,
} from '../testing/index.js';
import { DestinationCap } from './destination-cap.js';
import { DEFAULT_DELIVERY_POLICY, DispatchNotifications } from './dispatch-notifications.js';
import { DEFAULT_NOTIFICATION_POLICY, notificationIntent } from './notification-policy.js';

const policy = DEFAULT_NOTIFICATION_POLICY;

describe('notificationIntent: only to destinations the client proved theirs (ADR 0405)', () => {
  it('goes where asked when that destination is verified', () => {
    const client = aClient();
    expect(notificationIntent(client, 'sms', policy)).toEqual({
      channel: 'sms',
      destination: '+573001234567',
    });
    expect(notificationIntent(client, 'email', policy).withheld).toBeUndefined();
  });

  it('falls back to a verified e-mail when the phone is not verified', () => {
    const proved = aClient({ verified: false, email: 'ana@example.com' }).withVerified(
      'email',
      'ana@example.com',
    );
    expect(notificationIntent(proved, 'sms', policy)).toEqual({
      channel: 'email',
      destination: 'ana@example.com',
    });
  });

  it('records the notification as not sent when nothing is verified', () => {
    const client = aClient({ verified: false });
    expect(notificationIntent(client, 'email', policy)).toMatchObject({
      channel: 'email',
      withheld: 'DESTINATION_NOT_VERIFIED',
    });
    expect(notificationIntent(client, 'sms', policy)).toMatchObject({
      channel: 'sms',
      withheld: 'DESTINATION_NOT_VERIFIED',
    });
  });

  it('sends no SMS to a country outside the allowed codes, even to a verified phone', () => {
    const us = aClient({ phone: '+12025550123' });
    expect(notificationIntent(us, 'sms', policy)).toEqual({
      channel: 'email',
      destination: us.email,
    });
    const onlyPhone = aClient({ phone: '+12025550123', verified: false }).withVerified(
      'sms',
      '+12025550123',
    );
    expect(notificationIntent(onlyPhone, 'sms', policy)).toMatchObject({
      channel: 'sms',
      withheld: 'SMS_COUNTRY_NOT_ALLOWED',
    });
    const widened = { ...policy, smsCountryCodes: ['57', '1'] };
    expect(notificationIntent(onlyPhone, 'sms', widened).withheld).toBeUndefined();
  });
});

describe('a money operation of an unverified client', () => {
  it('moves the money and records its notification as not sent, with the reason', async () => {
    const storage = createInMemoryStorage();
    const client = await givenClientWithFunds(storage);
    const unverified = aClient({ verified: false });
    await storage.clients.add(registered(unverified));
    const { subscribe } = moneyUseCases(storage, {
      clock: new FixedClock(),
      ids: new SequentialIdGenerator(),
    });
    const { result } = await subscribe.execute({ clientId: unverified.id, fundId: '1' });
    expect(result.balance.toDecimalString()).toBe('425000.00');
    const record = await storage.notifications.findByTransactionId(result.transaction.id);
    expect(record).toMatchObject({
      status: 'failed',
      attempts: 0,
      reason: 'DESTINATION_NOT_VERIFIED',
      destination: unverified.email,
    });
    expect(record?.lastError).toContain('no está verificado');
    expect(await storage.notifications.due(new Date('2100-01-01'), 10)).toEqual([]);
    // A verified client of the same store is notified as before.
    const { result: theirs } = await subscribe.execute({ clientId: client.id, fundId: '1' });
    expect((await storage.notifications.findByTransactionId(theirs.transaction.id))?.status).toBe(
      'pending',
    );
  });
});

describe('the daily cap per destination (ADR 0405)', () => {
  it('sends at most perDay messages to one destination a day, then records the rest as not sent', async () => {
    const store = new InMemoryNotificationStore();
    const clock = new FixedClock('2026-01-15T15:00:00.000Z');
    const sent: OutgoingNotification[] = [];
    const sender: NotificationSender = {
      send: (n) => {
        sent.push(n);
        return Promise.resolve();
      },
    };
    const dispatch = new DispatchNotifications({
      store,
      senders: { email: sender, sms: sender },
      clock,
      policy: DEFAULT_DELIVERY_POLICY,
      cap: new DestinationCap(new InMemoryRateLimitStore(), 3),
    });
    const at = clock.now();
    const records = Array.from({ length: 5 }, () =>
      aNotification({ destination: 'victima@example.com', createdAt: at, nextAttemptAt: at }),
    );
    for (const record of records) await store.ensure(record);
    expect(await dispatch.execute({ limit: 10 })).toEqual({ sent: 3, retried: 0, failed: 2 });
    expect(sent).toHaveLength(3);
    const capped = await Promise.all(
      records.map((r) => store.findByTransactionId(r.transactionId)),
    );
    expect(capped.filter((r) => r?.reason === 'DAILY_LIMIT_REACHED')).toHaveLength(2);
    // The next day the destination may be written to again.
    clock.advance(24 * 60 * 60 * 1000);
    const tomorrow = aNotification({
      destination: 'victima@example.com',
      createdAt: clock.now(),
      nextAttemptAt: clock.now(),
    });
    await store.ensure(tomorrow);
    expect(await dispatch.execute({ limit: 10 })).toEqual({ sent: 1, retried: 0, failed: 0 });
  });
});
