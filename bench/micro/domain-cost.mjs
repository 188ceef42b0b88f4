#!/usr/bin/env node
// CPU of the domain's own money decisions, without storage or HTTP: an account subscribes to a
// fund, is rebuilt from the entry that records it (as a ledger read does), cancels, and is rebuilt
// again, in a loop. Give one or more checkouts (each built with `npm run build`); they alternate
// in one process, so a change to packages/domain can be compared with the build before it:
//
//   node bench/micro/domain-cost.mjs . /path/to/other/checkout [--cycles 200000] [--rounds 6]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cycles: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '6' },
  },
});
const roots = positionals.length > 0 ? positionals : ['.'];
const domains = await Promise.all(
  roots.map((root) => import(pathToFileURL(resolve(root, 'packages/domain/dist/index.js')).href)),
);

/** µs of CPU per subscribe + cancel cycle of decisions. */
function cycleCost({ Account, Fund, Money }, cycles) {
  const fund = Fund.create({
    id: '3',
    name: 'DEUDAPRIVADA',
    minimumAmount: Money.parse('50000'),
    category: 'FIC',
  });
  let account = Account.open('client', { openingBalance: Money.parse('500000') });
  const at = new Date();
  const started = process.cpuUsage();
  for (let i = 0; i < cycles; i += 1) {
    const opened = account.subscribe({ fund, transactionId: `t${i}`, subscriptionId: `s${i}`, at });
    if (opened.kind !== 'completed') throw new Error(`subscribe: ${opened.kind}`);
    account = Account.fromLatestEntry(opened.change.entry);
    const closed = account.cancel({
      subscriptionId: `s${i}`,
      transactionId: `u${i}`,
      at,
      history: [],
    });
    if (closed.kind !== 'completed') throw new Error(`cancel: ${closed.kind}`);
    account = Account.fromLatestEntry(closed.change.entry);
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / cycles;
}

const cycles = Number(values.cycles);
for (let round = 1; round <= Number(values.rounds); round += 1) {
  const costs = domains.map((domain) => cycleCost(domain, cycles).toFixed(3));
  console.log(`round ${round}: ${roots.map((root, i) => `${root} ${costs[i]} µs`).join(' · ')}`);
}
