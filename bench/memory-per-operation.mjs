#!/usr/bin/env node
// Live heap the in-memory storage keeps per money operation (issue 11 §6, issue 16 memory).
// Deterministic: no server, no load generator, no timing. Subscribe + cancel cycles go through
// the application's use cases (as production composes them) on the in-memory storage a served
// app uses; the heap is measured after forced collections, before and after the operations.
//
//   npm run build && node --expose-gc bench/memory-per-operation.mjs [--operations 20000]
//                                                                  [--clients 64] [--keyed]
//
// --keyed: each operation carries an Idempotency-Key, as the typed client (packages/client) sends
// one per user intent; the bench's scenarios send none.
//
// Ids arrive as the HTTP layer hands them over (the client id from a token, the subscription id
// from a path): a fresh string per request, so the storage is charged for any it keeps.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createInMemoryStorage, microtaskTurn } from '@btg-funds/adapters-memory';
import { RandomIdGenerator, SystemClock } from '@btg-funds/adapters-system';
import { createUseCases, SEEDED_FUNDS } from '@btg-funds/application';

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '20000' },
    clients: { type: 'string', default: '64' },
    keyed: { type: 'boolean', default: false },
  },
});
if (typeof globalThis.gc !== 'function') {
  throw new Error('run with node --expose-gc bench/memory-per-operation.mjs');
}
const operations = Number(values.operations);
const clientCount = Number(values.clients);
const CYCLE_FUND = '3'; // the lowest minimum, as the bench's subscribe + cancel scenario

const storage = createInMemoryStorage({ turn: microtaskTurn });
const unused = () => {
  throw new Error('not used by this measurement');
};
const useCases = createUseCases({
  ...storage,
  clock: new SystemClock(),
  ids: new RandomIdGenerator(),
  hasher: { hash: (password) => Promise.resolve(password), verify: unused },
  issuer: { issue: unused },
  secrets: { generate: unused, digest: unused },
  codes: { generate: unused },
  senders: { email: { send: unused }, sms: { send: unused } },
});
await storage.funds.seed(SEEDED_FUNDS);

const fresh = (id) => JSON.parse(JSON.stringify(id));
const keyOf = () => (values.keyed ? randomUUID() : undefined);
const clients = [];
for (let i = 0; i < clientCount; i += 1) {
  const profile = await useCases.registerClient.execute({
    email: `memory-${i}@example.com`,
    password: 'una-clave-bastante-larga',
    fullName: 'Ana María Pérez',
    notificationPreference: 'email',
  });
  clients.push(profile.id);
}

/** `cycles` subscribe + cancel cycles per client, the clients in parallel. */
async function run(cycles) {
  await Promise.all(
    clients.map(async (clientId) => {
      for (let c = 0; c < cycles; c += 1) {
        const { result } = await useCases.subscribeToFund.execute({
          clientId: fresh(clientId),
          fundId: fresh(CYCLE_FUND),
          idempotencyKey: keyOf(),
        });
        await useCases.cancelSubscription.execute({
          clientId: fresh(clientId),
          subscriptionId: fresh(result.subscription.id),
          idempotencyKey: keyOf(),
        });
      }
    }),
  );
}

async function liveHeap() {
  for (let i = 0; i < 4; i += 1) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

// A warm-up past the notification listing's 100 per client, so only what grows is measured.
await run(120);
const before = await liveHeap();
const cycles = Math.ceil(operations / 2 / clientCount);
await run(cycles);
const after = await liveHeap();
const done = cycles * 2 * clientCount;
const perOperation = (after - before) / done;
console.log(
  `${done} money operations (${clientCount} clients): live heap +${((after - before) / 1e6).toFixed(1)} MB, ` +
    `${perOperation.toFixed(0)} bytes per operation${values.keyed ? ', each with an Idempotency-Key' : ''} (Node ${process.versions.node})`,
);
