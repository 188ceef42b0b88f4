import {
  FixedClock,
  createInMemoryStorage,
  SequentialIdGenerator,
} from '@btg-funds/adapters-memory';
import {
  aClient,
  moneyUseCases,
  registered,
  type MoneyStorage,
} from '@btg-funds/application/testing';
import { SEEDED_FUNDS } from '@btg-funds/application';
import { Money } from '@btg-funds/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();

type Command =
  { kind: 'subscribe'; fundId: string; amount: string | null } | { kind: 'cancel'; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('subscribe' as const),
    fundId: fc.constantFrom(...SEEDED_FUNDS.map((f) => f.id), 'missing'),
    amount: fc.constantFrom(null, '50000', '100000.50', '300000', '600000'),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(6) }),
);

/** Runs the commands through the real use cases and returns what a client would observe. */
async function observe(storage: MoneyStorage, runId: string, commands: readonly Command[]) {
  const clock = new FixedClock('2026-03-01T12:00:00.000Z');
  const ids = new SequentialIdGenerator(runId);
  const { subscribe, cancel } = moneyUseCases(storage, { clock, ids });
  await storage.funds.seed(SEEDED_FUNDS);
  const client = aClient({ id: `${runId}-client`, email: `${runId}@example.com` });
  await storage.clients.add(registered(client));
  const outcomes: unknown[] = [];
  const subscriptionIds: string[] = [];
  for (const c of commands) {
    clock.advance(1000);
    try {
      const { result } =
        c.kind === 'subscribe'
          ? await subscribe.execute({
              clientId: client.id,
              fundId: c.fundId,
              amount: c.amount === null ? undefined : Money.parse(c.amount),
            })
          : await cancel.execute({
              clientId: client.id,
              subscriptionId: subscriptionIds[c.pick] ?? `${runId}-nope`,
            });
      if (c.kind === 'subscribe') subscriptionIds.push(result.subscription.id);
      outcomes.push(result);
    } catch (error) {
      outcomes.push({ code: (error as { code?: string }).code ?? String(error) });
    }
  }
  const ledger = await storage.ledger.list(client.id, {}, { limit: 100 });
  return JSON.parse(JSON.stringify({ outcomes, ledger })) as unknown;
}

/** CONVENTIONS: the in-memory model and the real adapter agree, on random command sequences. */
describe.skipIf(!mongo.available)('adapters-mongo agrees with the in-memory model', () => {
  const storage = useTestStorage('model');
  let run = 0;

  it('gives the same answers and the same ledger for any command sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 12 }), async (commands) => {
        run += 1;
        const runId = `00000000-0000-4000-${run.toString(16).padStart(4, '0')}`;
        const expected = await observe(createInMemoryStorage(), runId, commands);
        const actual = await observe(storage.current, runId, commands);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
