#!/usr/bin/env node
// Money load with delivery on. The bench's accounts are unverified, so their notifications are
// withheld (ADR 0405) and the dispatcher never sends anything. Here one API process serves two
// populations: clients who proved their address with a code, whose every subscription and
// cancellation is mailed over SMTP to a server in this process, and unverified ones, as the
// bench's. Rounds of subscribe + cancel alternate between the two (A/B on one server), and then:
//
//   - the cost of delivery: requests/s and the server's CPU per request of each population;
//   - that nothing was lost: once the outbox drains, every completed operation of a verified client
//     was mailed (matched by X-Transaction-Id), duplicates counted (delivery is at least once);
//   - how long the outbox took to drain after the last round.
//
//   node bench/micro/delivery-load.mjs [--clients 16] [--duration 5] [--rounds 2]
//        [--drain-timeout 120] [--profile-dir DIR]
//   MONGODB_URI=mongodb://127.0.0.1:27017 node bench/micro/delivery-load.mjs   (Mongo mode)
//
// Build first (npm run build). Exits non-zero when a completed operation was never mailed.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { parseArgs } from 'node:util';
import { ApiClient, mapLimit } from '../lib/api.mjs';
import { drive } from '../lib/load.mjs';
import { cpuTimeMs, startProcess, stopProcess } from '../lib/processes.mjs';
import { CYCLE_FUND, subscribeCancelCycle } from '../lib/scenarios.mjs';
import { API_NODE_ARGS, API_SCRIPT, LOG_DIR, READY_PATH, apiEnv } from '../lib/servers.mjs';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    'drain-timeout': { type: 'string', default: '120' },
    'profile-dir': { type: 'string' },
  },
});
const clients = Number(values.clients);
const duration = Number(values.duration);
const rounds = Number(values.rounds);

const sink = await startSmtpSink();
const runTag = Date.now().toString(36);
const env = {
  ...apiEnv({ bcryptCost: '4', mongoUri: process.env.MONGODB_URI }),
  MONGODB_DB: `btg_delivery_${runTag}`,
  SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
  SMTP_FROM: 'BTG Pactual <notificaciones@btg.example>',
  // The cap of messages per destination and day (ADR 0405, default 20) would mark all but the
  // first few of a client's notifications failed without sending: at its maximum here.
  NOTIFY_MAX_PER_DESTINATION_PER_DAY: '10000',
};
const server = await startProcess({
  name: 'delivery',
  script: API_SCRIPT,
  nodeArgs: [
    ...API_NODE_ARGS,
    // The server's V8 CPU profile, written when it stops (after the drain).
    ...(values['profile-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${values['profile-dir']}`] : []),
  ],
  env,
  readyPath: READY_PATH,
  logDir: LOG_DIR,
});
let lost = 0;
try {
  const api = new ApiClient(server.url);
  const accounts = (kind) =>
    mapLimit(
      Array.from({ length: clients }, (_, i) => i),
      8,
      (i) => api.registerAndLogin(`delivery-${runTag}-${kind}-${i}@example.com`),
    );
  const verified = await mapLimit(await accounts('verified'), 4, async (account) => {
    const mailedCode = sink.expectCode(account.email);
    await api.call('POST', '/me/verification', {
      token: account.token,
      body: { channel: 'email' },
      expect: [202],
    });
    const code = await mailedCode;
    await api.call('POST', '/me/verification/confirm', {
      token: account.token,
      body: { channel: 'email', code },
    });
    return account;
  });
  const unverified = await accounts('unverified');
  const populations = { verified, unverified };

  const results = { verified: [], unverified: [] };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? ['verified', 'unverified'] : ['unverified', 'verified'];
    for (const name of order) {
      const users = populations[name];
      const cpuBefore = cpuTimeMs(server.pid);
      const run = await drive({
        url: server.url,
        connections: users.length,
        duration,
        perClient: (i) => subscribeCancelCycle(users[i % users.length].token, CYCLE_FUND),
      });
      const cpuMs = cpuTimeMs(server.pid) - cpuBefore;
      results[name].push({ ...run, cpuUsPerRequest: (cpuMs * 1000) / Math.max(1, run.requests) });
      // A run cut mid-cycle leaves subscriptions open: the next round would start with 409s.
      for (const { token } of users) await api.releaseAll(token);
      // The outbox of the verified round keeps the server busy after it: let it drain, so the
      // next round pays only for its own requests.
      if (name === 'verified') await drainedWithin(Number(values['drain-timeout']) * 1000);
    }
  }

  const drainStarted = Date.now();
  const expected = new Set();
  for (const { token } of verified) {
    for (const id of await completedTransactionIds(api, token)) expected.add(id);
  }
  await drainedWithin(Number(values['drain-timeout']) * 1000, expected.size);
  const drainS = (Date.now() - drainStarted) / 1000;
  const mailed = sink.mailsByTransaction();
  const missing = [...expected].filter((id) => !mailed.has(id));
  lost = missing.length;
  const duplicates = [...mailed.values()].filter((count) => count > 1).length;
  const unexpected = [...mailed.keys()].filter((id) => !expected.has(id)).length;

  const row = (name) => {
    const runs = results[name];
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    return {
      rps: median(runs.map((r) => r.rps)),
      cpu: median(runs.map((r) => r.cpuUsPerRequest)),
      p99: median(runs.map((r) => r.latency.p99)),
      statuses: runs.map((r) => JSON.stringify(r.statuses)).join(' · '),
    };
  };
  const [v, u] = [row('verified'), row('unverified')];
  console.log(
    `subscribe + cancel, ${clients} clients per population, ${rounds} × ${duration} s each, ` +
      `${process.env.MONGODB_URI ? 'Mongo' : 'memory'} mode, Node ${process.version}`,
  );
  for (const [name, r] of [
    ['delivered (verified) ', v],
    ['withheld (unverified)', u],
  ]) {
    console.log(
      `${name}: ${r.rps} req/s, ${r.cpu.toFixed(0)} µs CPU/request, p99 ${r.p99} ms — ${r.statuses}`,
    );
  }
  console.log(
    `delivered ÷ withheld: ${(v.rps / u.rps).toFixed(2)}× the requests/s, ` +
      `${(v.cpu / u.cpu).toFixed(2)}× the CPU per request`,
  );
  console.log(
    `mails: ${expected.size} completed operations of verified clients, ${mailed.size} mailed, ` +
      `${missing.length} missing, ${duplicates} sent more than once, ${unexpected} not in the ledger; ` +
      `outbox drained ${drainS.toFixed(1)} s after the load`,
  );
  if (missing.length > 0) console.log(`missing, e.g. ${missing.slice(0, 5).join(', ')}`);
} finally {
  await stopProcess(server);
  await sink.close();
}
process.exitCode = lost > 0 ? 1 : 0;

/** Waits until no mail has arrived for 2 s (and at least `atLeast` arrived), or the timeout. */
async function drainedWithin(timeoutMs, atLeast = 0) {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  while (Date.now() < deadline) {
    const now = sink.transactionMails();
    if (now === seen && now >= atLeast) return;
    seen = now;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** The ids of a client's completed transactions, every page of its history. */
async function completedTransactionIds(api, token) {
  const ids = [];
  for (let cursor = null, guard = 0; guard < 10_000; guard += 1) {
    const query = `/transactions?status=completed&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const { body } = await api.call('GET', query, { token });
    ids.push(...body.items.map((t) => t.id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

/**
 * An SMTP server on 127.0.0.1 that counts notification mails by their X-Transaction-Id header,
 * read from the raw headers: parsing every mail would load this process, which shares the cores
 * with the server. Only a mail to an address awaiting its verification code is parsed.
 */
async function startSmtpSink() {
  const byTransaction = new Map();
  let transactionMails = 0;
  /** Address → the resolver of its awaited verification code. */
  const awaitingCode = new Map();
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of 127.0.0.1 per connection: a mail server's cost, not the sender's.
    disableReverseLookup: true,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const [to] = session.envelope.rcptTo.map(({ address }) => address);
        const codeWanted = awaitingCode.get(to);
        if (codeWanted !== undefined) {
          awaitingCode.delete(to);
          simpleParser(raw).then(
            (mail) => {
              codeWanted(/\b(\d{6})\b/.exec(mail.text ?? '')?.[1]);
              callback();
            },
            (error) => callback(error),
          );
          return;
        }
        const headers = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
        const id = /^X-Transaction-Id: *(\S+)/im.exec(headers)?.[1] ?? '(none)';
        transactionMails += 1;
        byTransaction.set(id, (byTransaction.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    transactionMails: () => transactionMails,
    mailsByTransaction: () => byTransaction,
    /** The code of the next mail to `address`; call it before asking for the code. */
    expectCode(address) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          awaitingCode.delete(address);
          reject(new Error(`no verification code mailed to ${address}`));
        }, 15_000);
        awaitingCode.set(address, (code) => {
          clearTimeout(timer);
          if (code === undefined) reject(new Error(`no code in the mail to ${address}`));
          else resolve(code);
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
