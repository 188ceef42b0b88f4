import {
  createFakeStorage,
  FakeIdempotencyStore,
  FixedClock,
  givenClientWithFunds,
  moneyUseCases,
  SequentialIdGenerator,
} from '../testing/index.js';
import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { ApplicationError } from '../errors.js';
import { StorageUnavailable, type IdempotencyRecord } from '../ports/index.js';
import {
  DEFAULT_IDEMPOTENCY_CONFIG,
  IdempotencyGuard,
  type AnswerOf,
  type AttemptContext,
} from './idempotency-guard.js';

const HOUR = 60 * 60 * 1000;

async function setup() {
  const storage = createFakeStorage();
  const clock = new FixedClock();
  const client = await givenClientWithFunds(storage);
  const ids = new SequentialIdGenerator();
  const useCases = moneyUseCases(storage, { clock, ids });
  // Another instance on the same storage: its own per-client queue, so it does not wait for ours.
  const otherInstance = () => moneyUseCases(storage, { clock, ids });
  const entries = async () => storage.ledger.list(client.id, {}, { limit: 100 });
  const balance = async () =>
    (await storage.ledger.latest(client.id))?.transaction.balanceAfter.toDecimalString();
  return { storage, clock, client, ...useCases, otherInstance, entries, balance };
}

/** The stored record for (clientId, key): insertIfAbsent answers with the existing one. */
async function storedRecord(store: FakeIdempotencyStore, clientId: string, key: string) {
  const probe: IdempotencyRecord = {
    clientId,
    key,
    fingerprint: 'probe',
    transactionId: 'probe',
    state: 'in-flight',
    outcome: null,
    createdAt: new Date(0),
    expiresAt: new Date(0),
    lockedUntil: new Date(0),
  };
  const existing = await store.insertIfAbsent(probe);
  if (existing === null) throw new Error('no record stored');
  return existing;
}

describe("IdempotencyGuard through SubscribeToFund (the contract's Idempotency-Key)", () => {
  it('replays the first result, moves no money again, and says it is a replay', async () => {
    const { client, subscribe, entries, balance } = await setup();
    const input = { clientId: client.id, fundId: '1', idempotencyKey: 'key-1' };
    const first = await subscribe.execute(input);
    const second = await subscribe.execute(input);
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.result).toEqual(first.result);
    expect(await entries()).toHaveLength(1);
    expect(await balance()).toBe('425000.00');
  });

  it('stores no answer for a success: a retry is answered from the ledger, as a replay (ADR 0715)', async () => {
    const { storage, client, subscribe, cancel, entries, clock } = await setup();
    const stored: unknown[] = [];
    const complete = storage.idempotency.complete.bind(storage.idempotency);
    storage.idempotency.complete = (record, outcome) => {
      stored.push(outcome);
      return complete(record, outcome);
    };
    const opening = { clientId: client.id, fundId: '1', idempotencyKey: 'open' };
    const opened = await subscribe.execute(opening);
    const closing = {
      clientId: client.id,
      subscriptionId: opened.result.subscription.id,
      idempotencyKey: 'close',
    };
    const closed = await cancel.execute(closing);
    expect(stored).toEqual([]);
    // While the first attempt's lock would still hold, and after it expired: the same answers.
    expect(await subscribe.execute(opening)).toEqual({ result: opened.result, replayed: true });
    clock.advance(DEFAULT_IDEMPOTENCY_CONFIG.lockMs + 1);
    expect(await subscribe.execute(opening)).toEqual({ result: opened.result, replayed: true });
    expect(await cancel.execute(closing)).toEqual({ result: closed.result, replayed: true });
    expect(await entries()).toHaveLength(2);
    expect(stored).toEqual([]);
  });

  it('refuses the same key with a different body', async () => {
    const { client, subscribe, cancel, entries } = await setup();
    const { result } = await subscribe.execute({
      clientId: client.id,
      fundId: '1',
      idempotencyKey: 'k',
    });
    for (const attempt of [
      () => subscribe.execute({ clientId: client.id, fundId: '3', idempotencyKey: 'k' }),
      () =>
        subscribe.execute({
          clientId: client.id,
          fundId: '1',
          amount: Money.parse('80000'),
          idempotencyKey: 'k',
        }),
      () =>
        subscribe.execute({ clientId: client.id, fundId: '1', notify: 'sms', idempotencyKey: 'k' }),
      () =>
        cancel.execute({
          clientId: client.id,
          subscriptionId: result.subscription.id,
          idempotencyKey: 'k',
        }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    }
    expect(await entries()).toHaveLength(1);
  });

  it('scopes keys to the caller', async () => {
    const { storage, client, subscribe } = await setup();
    const other = await givenClientWithFunds(storage);
    await subscribe.execute({ clientId: client.id, fundId: '1', idempotencyKey: 'shared' });
    const theirs = await subscribe.execute({
      clientId: other.id,
      fundId: '1',
      idempotencyKey: 'shared',
    });
    expect(theirs.replayed).toBe(false);
    expect(theirs.result.balance.toDecimalString()).toBe('425000.00');
  });

  it('answers IDEMPOTENCY_KEY_IN_FLIGHT while the first request is still running', async () => {
    const { client, subscribe, otherInstance, entries } = await setup();
    const input = { clientId: client.id, fundId: '1', idempotencyKey: 'race' };
    const [a, b] = await Promise.allSettled([
      subscribe.execute(input),
      otherInstance().subscribe.execute(input),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { code: 'IDEMPOTENCY_KEY_IN_FLIGHT' } });
    expect(await entries()).toHaveLength(1);
  });

  it('honours a key for 24 h and executes anew after it expires', async () => {
    const { client, subscribe, cancel, entries, clock } = await setup();
    const input = { clientId: client.id, fundId: '1', idempotencyKey: 'daily' };
    const first = await subscribe.execute(input);
    await cancel.execute({ clientId: client.id, subscriptionId: first.result.subscription.id });
    clock.advance(24 * HOUR - 1);
    expect((await subscribe.execute(input)).replayed).toBe(true);
    clock.advance(1);
    const fresh = await subscribe.execute(input);
    expect(fresh.replayed).toBe(false);
    expect(fresh.result.transaction.id).not.toBe(first.result.transaction.id);
    expect(fresh.result.balance.toDecimalString()).toBe('425000.00');
    expect(await entries()).toHaveLength(3);
  });

  it('replays a business error with the same code even after the state changed', async () => {
    const { client, subscribe, cancel } = await setup();
    const { result } = await subscribe.execute({ clientId: client.id, fundId: '1' });
    const input = { clientId: client.id, fundId: '1', idempotencyKey: 'dup' };
    await expect(subscribe.execute(input)).rejects.toMatchObject({ code: 'ALREADY_SUBSCRIBED' });
    await cancel.execute({ clientId: client.id, subscriptionId: result.subscription.id });
    await expect(subscribe.execute(input)).rejects.toMatchObject({
      code: 'ALREADY_SUBSCRIBED',
      replayed: true,
      message: 'Ya tiene una suscripción activa al fondo FPV_BTG_PACTUAL_RECAUDADORA.',
    });
  });

  it.each([
    ['subscription', 'subscribe'],
    ['cancellation', 'cancel'],
  ] as const)(
    'a stale in-flight %s already committed to the ledger is answered, not applied twice',
    async (_, operation) => {
      const { storage, client, subscribe, cancel, entries, balance, clock } = await setup();
      const opened = await subscribe.execute({ clientId: client.id, fundId: '4' });
      const run = () =>
        operation === 'subscribe'
          ? subscribe.execute({ clientId: client.id, fundId: '3', idempotencyKey: 'crash' })
          : cancel.execute({
              clientId: client.id,
              subscriptionId: opened.result.subscription.id,
              idempotencyKey: 'crash',
            });
      const committed = await run();
      // Simulate a process that died after the ledger append, before completing the key.
      const record = await storedRecord(storage.idempotency, client.id, 'crash');
      await storage.idempotency.remove(record);
      await storage.idempotency.insertIfAbsent({
        ...record,
        state: 'in-flight',
        outcome: null,
        lockedUntil: new Date(clock.now().getTime() - 1),
      });
      const before = await balance();
      const taken = await run();
      expect(taken.result).toEqual(committed.result);
      expect(await entries()).toHaveLength(2);
      expect(await balance()).toBe(before);
    },
  );

  it('rejects a malformed key before doing anything', async () => {
    const { client, subscribe, entries } = await setup();
    for (const key of ['', 'x'.repeat(256), 'con espacio', 'ñ']) {
      await expect(
        subscribe.execute({ clientId: client.id, fundId: '1', idempotencyKey: key }),
      ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    }
    expect(await entries()).toHaveLength(0);
    expect(
      (
        await subscribe.execute({
          clientId: client.id,
          fundId: '1',
          idempotencyKey: 'x'.repeat(255),
        })
      ).replayed,
    ).toBe(false);
  });
});

describe('IdempotencyGuard: what frees a key', () => {
  const setupGuard = () => {
    const clock = new FixedClock();
    const store = new FakeIdempotencyStore();
    const reported: unknown[] = [];
    const guard = new IdempotencyGuard(
      store,
      clock,
      new SequentialIdGenerator(),
      DEFAULT_IDEMPOTENCY_CONFIG,
      (error) => reported.push(error),
    );
    // Stands in for the ledger: each attempt's durable effect under its transaction id.
    const effects = new Map<string, string>();
    const asked: { transactionId: string; orphaned: boolean }[] = [];
    const answered: AnswerOf<string> = (transactionId, orphaned) => {
      asked.push({ transactionId, orphaned });
      return Promise.resolve(effects.get(transactionId) ?? null);
    };
    /** An attempt that makes `value` durable under its transaction id, then answers it. */
    const writes =
      (value: (context: AttemptContext) => string) =>
      (context: AttemptContext): Promise<string> => {
        effects.set(context.transactionId, value(context));
        return Promise.resolve(value(context));
      };
    const run = (attempt: (context: AttemptContext) => Promise<string>, fingerprint = 'f') =>
      guard.run({ clientId: 'c', key: 'k', fingerprint }, attempt, answered);
    return { run, writes, effects, asked, clock, store, reported };
  };

  it.each([
    ['CONCURRENT_MODIFICATION', new ApplicationError('CONCURRENT_MODIFICATION', 'otra vez')],
    ['an outage', new StorageUnavailable()],
    ['an unexpected error', new Error('database unreachable')],
  ])(
    '%s unlocks the key but keeps its transaction id: a retry resumes it at once',
    async (_, failure) => {
      const { run } = setupGuard();
      let first = '';
      await expect(
        run(({ transactionId }) => {
          first = transactionId;
          return Promise.reject(failure);
        }),
      ).rejects.toBe(failure);
      expect(await run((c) => Promise.resolve(`${c.transactionId}:${c.resumed}`))).toEqual({
        result: `${first}:true`,
        replayed: false,
      });
    },
  );

  it('a success stores nothing: a retry is answered from its effect, as a replay, live or orphaned', async () => {
    const { run, writes, asked, store, clock } = setupGuard();
    const completed: unknown[] = [];
    const complete = store.complete.bind(store);
    store.complete = (record, outcome) => {
      completed.push(outcome);
      return complete(record, outcome);
    };
    const first = await run(writes(({ transactionId }) => `paid:${transactionId}`));
    expect(first.replayed).toBe(false);
    expect(first.result).toMatch(/^paid:/);
    const never = () => Promise.reject(new Error('ran twice'));
    expect(await run(never)).toEqual({ result: first.result, replayed: true });
    clock.advance(DEFAULT_IDEMPOTENCY_CONFIG.lockMs);
    expect(await run(never)).toEqual({ result: first.result, replayed: true });
    const transactionId = first.result.slice('paid:'.length);
    // Asked while the first attempt's lock still held, then once it had expired (it may have died).
    expect(asked).toEqual([
      { transactionId, orphaned: false },
      { transactionId, orphaned: true },
    ]);
    expect(completed).toEqual([]);
  });

  it('a success reported as a failure (the effect landed): the retry answers the effect, not a second run', async () => {
    const { run, effects } = setupGuard();
    let written = '';
    await expect(
      run(({ transactionId }) => {
        written = `paid:${transactionId}`;
        effects.set(transactionId, written);
        return Promise.reject(new StorageUnavailable());
      }),
    ).rejects.toBeInstanceOf(StorageUnavailable);
    expect(await run(() => Promise.reject(new Error('ran twice')))).toEqual({
      result: written,
      replayed: true,
    });
  });

  it('a success stored by a version before ADR 0715 is answered from its effect', async () => {
    const { run, effects, store, clock } = setupGuard();
    const now = clock.now();
    await store.insertIfAbsent({
      clientId: 'c',
      key: 'k',
      fingerprint: 'f',
      transactionId: 'tx-old',
      state: 'completed',
      outcome: { kind: 'success', value: 'the stored body' },
      createdAt: now,
      expiresAt: new Date(now.getTime() + HOUR),
      lockedUntil: now,
    });
    effects.set('tx-old', 'paid:tx-old');
    expect(await run(() => Promise.reject(new Error('ran twice')))).toEqual({
      result: 'paid:tx-old',
      replayed: true,
    });
  });

  it('a key reused with another request is refused before its effect is looked up', async () => {
    const { run, writes, asked } = setupGuard();
    await run(writes(() => 'paid'));
    await expect(
      run(
        writes(() => 'other'),
        'g',
      ),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(asked).toEqual([]);
  });

  it('a business answer that could not be stored is still the answer; a retry decides again', async () => {
    const { run, store, reported } = setupGuard();
    const complete = store.complete.bind(store);
    store.complete = () => Promise.reject(new StorageUnavailable());
    await expect(
      run(() => Promise.reject(new ApplicationError('FUND_NOT_FOUND', 'El fondo 9 no existe.'))),
    ).rejects.toMatchObject({ code: 'FUND_NOT_FOUND', replayed: false });
    expect(reported).toEqual([expect.any(StorageUnavailable)]);
    store.complete = complete;
    expect(await run((c) => Promise.resolve(String(c.resumed)))).toEqual({
      result: 'true',
      replayed: false,
    });
  });

  it('a business error keeps the key and replays', async () => {
    const { run } = setupGuard();
    await expect(
      run(() =>
        Promise.reject(
          new ApplicationError('FUND_NOT_FOUND', 'El fondo 9 no existe.', { fundId: '9' }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'FUND_NOT_FOUND' });
    await expect(run(() => Promise.resolve('second'))).rejects.toMatchObject({
      code: 'FUND_NOT_FOUND',
      message: 'El fondo 9 no existe.',
      details: { fundId: '9' },
      replayed: true,
    });
  });

  it('a dead in-flight attempt is taken over after its lock expires, with the same transaction id', async () => {
    const { run, clock } = setupGuard();
    let firstId = '';
    // The first attempt never finishes: its process died.
    void run(({ transactionId }) => {
      firstId = transactionId;
      return new Promise<string>(() => undefined);
    });
    while (firstId === '') await new Promise((resolve) => setImmediate(resolve));
    await expect(run(() => Promise.resolve('no'))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_IN_FLIGHT',
    });
    clock.advance(30_000);
    const taken = await run(({ transactionId, resumed }) =>
      Promise.resolve(`${transactionId}:${resumed}`),
    );
    expect(taken).toEqual({ result: `${firstId}:true`, replayed: false });
  });
});
