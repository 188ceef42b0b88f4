import { aNotification, FakeNotificationStore, FixedClock, withFaults } from '../testing/index.js';
import { describe, expect, it } from 'vitest';
import {
  NotificationDeliveryError,
  type NotificationRecord,
  type NotificationSender,
  type OutgoingNotification,
} from '../ports/index.js';
import { DispatchNotifications, type DeliveryPolicy } from './dispatch-notifications.js';

const policy: DeliveryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  leaseMs: 60_000,
};

/** A channel that fails its first `failures` sends with `error`, then delivers. */
class FlakySender implements NotificationSender {
  readonly delivered: OutgoingNotification[] = [];
  private failed = 0;
  constructor(
    private readonly failures = 0,
    private readonly error: () => Error = () => new Error('smtp timeout'),
  ) {}
  send(notification: OutgoingNotification): Promise<void> {
    if (this.failed < this.failures) {
      this.failed += 1;
      return Promise.reject(this.error());
    }
    this.delivered.push(notification);
    return Promise.resolve();
  }
}

async function setup(email: NotificationSender, records: NotificationRecord[], random = () => 0) {
  const clock = new FixedClock();
  const store = new FakeNotificationStore();
  const sms = new FlakySender();
  for (const record of records) await store.ensure(record);
  const dispatch = new DispatchNotifications({
    store,
    senders: { email, sms },
    clock,
    policy,
    random,
  });
  const find = async (record: NotificationRecord) =>
    (await store.findByTransactionId(record.transactionId))!;
  return { clock, store, sms, find, dispatch: () => dispatch.execute({ limit: 10 }) };
}

const at = new Date('2026-01-15T15:00:00.000Z');

describe('DispatchNotifications', () => {
  it('sends due notifications on their channel and marks them sent', async () => {
    const email = new FlakySender();
    const byEmail = aNotification({ createdAt: at, nextAttemptAt: at });
    const bySms = aNotification({
      createdAt: at,
      nextAttemptAt: at,
      channel: 'sms',
      destination: '+573001234567',
    });
    const { sms, find, dispatch, clock } = await setup(email, [byEmail, bySms]);
    expect(await dispatch()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(email.delivered.map((n) => [n.destination, n.transactionId])).toEqual([
      ['ana@example.com', byEmail.transactionId],
    ]);
    expect(sms.delivered.map((n) => n.destination)).toEqual(['+573001234567']);
    expect(email.delivered[0]?.subject).toBe(
      'Suscripción confirmada al fondo FPV_BTG_PACTUAL_RECAUDADORA',
    );
    expect(await find(byEmail)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: clock.now(),
      lastError: null,
    });
    expect(await dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('leaves notifications that are not due yet', async () => {
    const later = aNotification({ createdAt: at, nextAttemptAt: new Date(at.getTime() + 5000) });
    const { dispatch, clock } = await setup(new FlakySender(), [later]);
    expect(await dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(5000);
    expect(await dispatch()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('retries with exponential backoff and then delivers', async () => {
    const record = aNotification({ createdAt: at, nextAttemptAt: at });
    const { dispatch, clock, find } = await setup(new FlakySender(2), [record]);
    expect(await dispatch()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await find(record)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'smtp timeout',
      nextAttemptAt: new Date(at.getTime() + 500),
    });
    clock.advance(499);
    expect(await dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await dispatch()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await find(record)).nextAttemptAt).toEqual(new Date(clock.now().getTime() + 1000));
    clock.advance(1000);
    expect(await dispatch()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await find(record)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('keeps the jittered delay between half and all of the exponential ceiling', async () => {
    const record = aNotification({ createdAt: at, nextAttemptAt: at });
    const { dispatch, find } = await setup(new FlakySender(1), [record], () => 0.999);
    await dispatch();
    const delay = (await find(record)).nextAttemptAt.getTime() - at.getTime();
    expect(delay).toBeGreaterThanOrEqual(500);
    expect(delay).toBeLessThan(1000);
  });

  it('marks a notification failed after maxAttempts', async () => {
    const record = aNotification({ createdAt: at, nextAttemptAt: at });
    const { dispatch, clock, find } = await setup(new FlakySender(Infinity), [record]);
    const reports = [];
    for (let i = 0; i < 5; i += 1) {
      reports.push(await dispatch());
      clock.advance(60_000);
    }
    expect(reports.map((r) => [r.retried, r.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(await find(record)).toMatchObject({
      status: 'failed',
      attempts: 3,
      sentAt: null,
      lastError: 'smtp timeout',
    });
  });

  it('fails at once on a non-retryable delivery error', async () => {
    const record = aNotification({ createdAt: at, nextAttemptAt: at });
    const invalid = () => new NotificationDeliveryError('número inválido', false);
    const { dispatch, find } = await setup(new FlakySender(1, invalid), [record]);
    expect(await dispatch()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await find(record)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'número inválido',
    });
  });

  it('retries a retryable delivery error', async () => {
    const record = aNotification({ createdAt: at, nextAttemptAt: at });
    const busy = () => new NotificationDeliveryError('429', true);
    const { dispatch, find } = await setup(new FlakySender(1, busy), [record]);
    expect(await dispatch()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await find(record)).status).toBe('pending');
  });

  it('an attempt claimed by a dispatcher that died is held until its lease ends, then made once more', async () => {
    const email = new FlakySender();
    const record = aNotification({ createdAt: at, nextAttemptAt: at });
    const { dispatch, clock, find, store } = await setup(email, [record]);
    // Another process claimed attempt 1 and died (maybe after sending): nothing recorded.
    await store.claimAttempt({
      notificationId: record.id,
      attempt: 1,
      claimedAt: clock.now(),
      leaseUntil: new Date(at.getTime() + policy.leaseMs),
    });
    expect(await dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(policy.leaseMs);
    expect(await dispatch()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(email.delivered).toHaveLength(1);
    expect(await find(record)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a stale copy whose attempt was made and recorded by another dispatcher is not sent again', async () => {
    const email = new FlakySender();
    const record = aNotification({ createdAt: at, nextAttemptAt: at });
    const { dispatch, clock, find, store } = await setup(email, [record]);
    const [stale] = await store.due(clock.now(), 1);
    expect(await dispatch()).toEqual({ sent: 1, retried: 0, failed: 0 });
    // Long after, a dispatcher still holding the pending copy tries attempt 1: long abandoned
    // as a claim, but the fresh record says sent.
    clock.advance(policy.leaseMs * 2);
    const late = new DispatchNotifications({
      store: withFaults(store, { due: () => Promise.resolve([stale!]) }),
      senders: { email, sms: email },
      clock,
      policy,
    });
    expect(await late.execute({ limit: 10 })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(email.delivered).toHaveLength(1);
    expect(await find(record)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  describe('a batch, destination by destination (ADR 0723)', () => {
    /** Holds every send until `release`; records which are in flight together. */
    class HeldSender implements NotificationSender {
      readonly started: string[] = [];
      readonly finished: string[] = [];
      inFlight = 0;
      mostInFlight = 0;
      private readonly waiting: (() => void)[] = [];
      async send(notification: OutgoingNotification): Promise<void> {
        this.started.push(notification.transactionId);
        this.inFlight += 1;
        this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
        await new Promise<void>((resolve) => this.waiting.push(resolve));
        this.inFlight -= 1;
        this.finished.push(notification.transactionId);
      }
      /** Lets the sends in flight finish, as often as it takes for the batch to end. */
      async releaseUntil(done: Promise<unknown>): Promise<void> {
        let settled = false;
        void done.finally(() => (settled = true));
        for (let i = 0; i < 1000 && !settled; i += 1) {
          this.waiting.splice(0).forEach((resolve) => resolve());
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }

    /** A new notification: due when created, `minute` minutes after `at`. */
    const to = (destination: string, minute: number) => {
      const createdAt = new Date(at.getTime() - (10 - minute) * 60_000);
      return aNotification({ destination, createdAt, nextAttemptAt: createdAt });
    };

    /** Dispatches `records` as one batch through a HeldSender, `parallel` lanes at once. */
    async function heldBatch(records: NotificationRecord[], parallel: number) {
      const email = new HeldSender();
      const store = new FakeNotificationStore();
      for (const record of records) await store.ensure(record);
      const dispatch = new DispatchNotifications({
        store,
        senders: { email, sms: email },
        clock: new FixedClock(at),
        policy: { ...policy, parallelDestinations: parallel },
      });
      const batch = dispatch.execute({ limit: 10 });
      await email.releaseUntil(batch);
      return { report: await batch, email };
    }

    it('serves several destinations at once, each one in order, one message at a time', async () => {
      const ana = [to('ana@example.com', 1), to('ana@example.com', 2), to('ana@example.com', 3)];
      const others = ['luis@example.com', 'eva@example.com', 'juan@example.com'].map((d) =>
        to(d, 1),
      );
      const { report, email } = await heldBatch([...ana, ...others], 3);
      expect(report).toEqual({ sent: 6, retried: 0, failed: 0 });
      expect(email.mostInFlight).toBe(3);
      const anas = ana.map((r) => r.transactionId);
      // Ana's three in the order they were due, never two of them at once.
      expect(email.finished.filter((id) => anas.includes(id))).toEqual(anas);
      expect(email.started.filter((id) => anas.includes(id))).toEqual(anas);
    });

    it('one at a time when told so', async () => {
      const records = ['a@example.com', 'b@example.com', 'c@example.com'].map((d) => to(d, 1));
      const { report, email } = await heldBatch(records, 1);
      expect(report).toEqual({ sent: 3, retried: 0, failed: 0 });
      expect(email.mostInFlight).toBe(1);
    });

    it('ends only when every lane has, and then says that the store failed', async () => {
      const email = new FlakySender();
      const records = ['a@example.com', 'b@example.com', 'c@example.com'].map((d) => to(d, 1));
      /** Records every update; the one of a@ fails, as a store that went away would. */
      class FailingForOne extends FakeNotificationStore {
        updates = 0;
        override async update(record: NotificationRecord): Promise<void> {
          this.updates += 1;
          if (record.destination === 'a@example.com') throw new Error('store unavailable');
          return super.update(record);
        }
      }
      const store = new FailingForOne();
      for (const record of records) await store.ensure(record);
      const dispatch = new DispatchNotifications({
        store,
        senders: { email, sms: email },
        clock: new FixedClock(at),
        policy: { ...policy, parallelDestinations: 3 },
      });
      await expect(dispatch.execute({ limit: 10 })).rejects.toThrow('store unavailable');
      // The other two lanes finished and recorded their sends before the batch failed.
      expect(store.updates).toBe(3);
      expect(email.delivered).toHaveLength(3);
      for (const record of records.slice(1)) {
        expect(await store.findByTransactionId(record.transactionId)).toMatchObject({
          status: 'sent',
        });
      }
    });
  });
});
