import { describe, expect, it } from 'vitest';
import { DEFAULT_IDEMPOTENCY_CONFIG } from '../shared/idempotency-guard.js';
import { OutcomeUnknown } from '../shared/outcome-unknown.js';
import { failsBefore, landsLater, landsThenFails, thenRun, withFaults } from './faults.js';
import { FixedClock } from './fixed-clock.js';
import type { Factory } from './ledger.contract.js';
import { givenClientWithFunds, moneyUseCases, type MoneyStorage } from './test-kit.js';

/**
 * The Idempotency-Key rules under faults (issue 11, point 1): an Idempotency-Key keeps its transaction id after a
 * failure whose outcome is not known, so the retry answers the first result and money moves once.
 * The faults wrap the adapter under test, so memory and Mongo run the very same scenarios. So
 * does the key's expiry, which the stores keep differently (memory forgets an expired record,
 * Mongo returns it until swept, and the guard sets it aside).
 */
export function describeIdempotencyFaultsContract(
  name: string,
  makeStorage: Factory<MoneyStorage>,
): void {
  describe(`Idempotency under faults contract: ${name}`, () => {
    async function setup() {
      const storage = await makeStorage();
      const client = await givenClientWithFunds(storage);
      const entries = async () =>
        (await storage.ledger.list(client.id, {}, { limit: 100 })).map((r) => r.transaction);
      return { storage, client, entries };
    }

    it('a subscription written but reported as failed: the retry answers it, money moves once', async () => {
      const { storage, client, entries } = await setup();
      const input = { clientId: client.id, fundId: '1', idempotencyKey: 'lost-reply' };
      const faulty = {
        ...storage,
        ledger: withFaults(storage.ledger, { append: landsThenFails() }),
      };
      await expect(moneyUseCases(faulty).subscribe.execute(input)).rejects.toBeInstanceOf(
        OutcomeUnknown,
      );
      const { subscribe } = moneyUseCases(storage);
      const retry = await subscribe.execute(input);
      const [entry, ...others] = await entries();
      expect(others).toEqual([]);
      expect(entry?.status).toBe('completed');
      expect(retry.result.transaction.id).toBe(entry?.id);
      expect(retry.result.balance.toDecimalString()).toBe('425000.00');
      // The interrupted attempt never recorded its delivery; the resumed one did.
      expect(await storage.notifications.findByTransactionId(entry!.id)).not.toBeNull();
      const replay = await subscribe.execute(input);
      expect(replay.replayed).toBe(true);
      expect(replay.result).toEqual(retry.result);
    });

    it('a cancellation written but reported as failed: the retry answers the refund, not ALREADY_CANCELLED', async () => {
      const { storage, client, entries } = await setup();
      const opened = await moneyUseCases(storage).subscribe.execute({
        clientId: client.id,
        fundId: '4',
      });
      const input = {
        clientId: client.id,
        subscriptionId: opened.result.subscription.id,
        idempotencyKey: 'lost-cancel',
      };
      const faulty = {
        ...storage,
        ledger: withFaults(storage.ledger, { append: landsThenFails() }),
      };
      await expect(moneyUseCases(faulty).cancel.execute(input)).rejects.toBeInstanceOf(
        OutcomeUnknown,
      );
      const retry = await moneyUseCases(storage).cancel.execute(input);
      expect(retry.result.subscription.status).toBe('cancelled');
      expect(retry.result.balance.toDecimalString()).toBe('500000.00');
      expect((await entries()).filter((t) => t.type === 'cancellation')).toHaveLength(1);
    });

    it('a stalled write that lands after the retry read the account: still one movement', async () => {
      const { storage, client, entries } = await setup();
      const input = { clientId: client.id, fundId: '3', idempotencyKey: 'stalled' };
      const stall = landsLater();
      const stalled = { ...storage, ledger: withFaults(storage.ledger, { append: stall.fault }) };
      await expect(moneyUseCases(stalled).subscribe.execute(input)).rejects.toBeInstanceOf(
        OutcomeUnknown,
      );
      // The retry reads the empty account; only then does the first write reach the store.
      const landsAfterRead = thenRun(async () => {
        stall.release();
        await stall.landed;
      });
      const retrying = {
        ...storage,
        ledger: withFaults(storage.ledger, { latest: landsAfterRead }),
      };
      const retry = await moneyUseCases(retrying).subscribe.execute(input);
      const all = await entries();
      expect(all).toHaveLength(1);
      expect(retry.result.transaction.id).toBe(all[0]?.id);
      expect(retry.result.balance.toDecimalString()).toBe('450000.00');
    });

    it('a success needs no write to its key: with completion failing it is answered, and replayed later', async () => {
      const { storage, client, entries } = await setup();
      const input = { clientId: client.id, fundId: '1', idempotencyKey: 'unsaved-answer' };
      const faulty = {
        ...storage,
        idempotency: withFaults(storage.idempotency, { complete: failsBefore() }),
      };
      const first = await moneyUseCases(faulty).subscribe.execute(input);
      expect(first.replayed).toBe(false);
      const { subscribe } = moneyUseCases(storage);
      const retry = await subscribe.execute(input);
      expect(retry.result).toEqual(first.result);
      expect((await subscribe.execute(input)).replayed).toBe(true);
      expect(await entries()).toHaveLength(1);
    });

    it('a key is answered for 24 h, then runs afresh with a new transaction id', async () => {
      const { storage, client, entries } = await setup();
      const clock = new FixedClock();
      const { subscribe, cancel } = moneyUseCases(storage, { clock });
      const input = { clientId: client.id, fundId: '1', idempotencyKey: 'one-day' };
      const first = await subscribe.execute(input);
      const { subscription } = first.result;
      await cancel.execute({ clientId: client.id, subscriptionId: subscription.id });
      clock.advance(DEFAULT_IDEMPOTENCY_CONFIG.ttlMs - 1);
      expect(await subscribe.execute(input)).toEqual({ result: first.result, replayed: true });
      clock.advance(1);
      const fresh = await subscribe.execute(input);
      expect(fresh.replayed).toBe(false);
      expect(fresh.result.transaction.id).not.toBe(first.result.transaction.id);
      expect(await entries()).toHaveLength(3);
    });

    it('an outage before anything was written: the retry applies the operation once', async () => {
      const { storage, client, entries } = await setup();
      const input = { clientId: client.id, fundId: '1', idempotencyKey: 'nothing-written' };
      const faulty = { ...storage, ledger: withFaults(storage.ledger, { append: failsBefore() }) };
      await expect(moneyUseCases(faulty).subscribe.execute(input)).rejects.toBeInstanceOf(
        OutcomeUnknown,
      );
      const retry = await moneyUseCases(storage).subscribe.execute(input);
      expect(retry.replayed).toBe(false);
      expect((await entries()).map((t) => t.id)).toEqual([retry.result.transaction.id]);
    });
  });
}
