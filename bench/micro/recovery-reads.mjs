#!/usr/bin/env node
// Ledger entries outbox recovery reads per entry written (ADR 0732), counted, not timed: a steady
// stream of money operations (each with its delivery record, as the fast path writes them) on the
// in-memory storage, a simulated clock, and RecoverOutbox run as OutboxRecoveryLoop runs it — a
// pass per interval, the next one at once while a cycle is behind. Two policies in one run: the
// default (a sweep from the checkpoint every `sweepEveryMs`, follow-on cycles between) and
// `sweepEveryMs: 0` (every cycle a sweep: the design before ADR 0732).
//
//   npm run build && node bench/micro/recovery-reads.mjs [--rate 50] [--minutes 30]
import { parseArgs } from 'node:util';
import { createInMemoryStorage, microtaskTurn } from '@btg-funds/adapters-memory';
import {
  DEFAULT_RECOVERY_POLICY,
  OPENING_BALANCE,
  pendingNotification,
  RecoverOutbox,
  SEEDED_FUNDS,
} from '@btg-funds/application';
import { Account } from '@btg-funds/domain';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '50' },
    minutes: { type: 'string', default: '30' },
    interval: { type: 'string', default: '30000' },
  },
});
const rate = Number(values.rate);
const minutes = Number(values.minutes);
const intervalMs = Number(values.interval);
const fund = SEEDED_FUNDS.find((f) => f.id === '3');

async function run(policy) {
  const storage = createInMemoryStorage({ turn: microtaskTurn });
  let nowMs = Date.parse('2026-12-01T12:00:00.000Z');
  const clock = { now: () => new Date(nowMs) };
  let n = 0;
  const ids = { next: () => `id-${(n += 1)}` };
  const recover = new RecoverOutbox({
    ledger: storage.ledger,
    store: storage.notifications,
    ids,
    clock,
    policy,
  });
  let written = 0;
  let examined = 0;
  let nextPassMs = nowMs;
  const endMs = nowMs + minutes * 60_000;
  const stepMs = 1000 / rate;
  for (let t = nowMs; t < endMs; t += stepMs) {
    nowMs = t;
    const clientId = `client-${written}`;
    const decision = Account.open(clientId, { openingBalance: OPENING_BALANCE }).subscribe({
      fund,
      transactionId: ids.next(),
      subscriptionId: ids.next(),
      at: new Date(t),
    });
    const record = {
      ...decision.change.entry,
      notification: { channel: 'email', destination: `${clientId}@example.com` },
    };
    await storage.ledger.append(record);
    await storage.notifications.ensure(pendingNotification(record, ids.next()));
    written += 1;
    while (nowMs >= nextPassMs) {
      const report = await recover.execute();
      examined += report.examined;
      nextPassMs = report.caughtUp ? nowMs + intervalMs : nowMs + 100;
    }
  }
  return { written, examined };
}

console.log(
  `${rate} operations/s for ${minutes} min, a recovery pass every ${intervalMs / 1000} s (Node ${process.versions.node})`,
);
for (const [name, policy] of [
  ['default (ADR 0732)', DEFAULT_RECOVERY_POLICY],
  ['every cycle a sweep (before)', { ...DEFAULT_RECOVERY_POLICY, sweepEveryMs: 0 }],
]) {
  const { written, examined } = await run(policy);
  console.log(
    `${name}: ${written} entries written, ${examined} read by recovery — ${(examined / written).toFixed(2)} reads per entry`,
  );
}
