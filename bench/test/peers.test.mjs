// The bench's peer comparison without starting anything: which peers the environment names, and
// how several peers measured in one run are compared with ours (node --test bench/test/*.test.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregate, evaluate, sideBySide } from '../lib/report.mjs';
import { peersFromEnv } from '../lib/servers.mjs';
import { markdownOf, measuredRun } from './fixtures/report-inputs.mjs';

test('no BENCH_PEER_COMMAND: no peer', () => {
  assert.deepEqual(peersFromEnv({}), []);
});

test('one peer keeps the defaults the bench always had', () => {
  const [peer, ...rest] = peersFromEnv({ BENCH_PEER_COMMAND: 'x/run.sh' });
  assert.equal(rest.length, 0);
  assert.deepEqual(peer, {
    name: 'peer',
    command: 'x/run.sh',
    readyPath: '/api/v1/funds',
    readyTimeoutS: 300,
  });
});

test('numbered peers join the run in order, each with its own name and ready path', () => {
  const peers = peersFromEnv({
    BENCH_PEER_COMMAND: 'run.sh',
    BENCH_PEER_NAME: 'fastapi-beanie',
    BENCH_PEER_COMMAND_2: 'run.sh --workers 2',
    BENCH_PEER_NAME_2: 'fastapi-beanie-2w',
    BENCH_PEER_READY_PATH_2: '/health',
    BENCH_PEER_COMMAND_3: 'other.sh',
    BENCH_PEER_READY_TIMEOUT: '20',
  });
  assert.deepEqual(
    peers.map((p) => [p.name, p.command, p.readyPath, p.readyTimeoutS]),
    [
      ['fastapi-beanie', 'run.sh', '/api/v1/funds', 20],
      ['fastapi-beanie-2w', 'run.sh --workers 2', '/health', 20],
      ['peer-3', 'other.sh', '/api/v1/funds', 20],
    ],
  );
});

test('two servers under one name would mix their rows: refused', () => {
  assert.throws(
    () =>
      peersFromEnv({
        BENCH_PEER_COMMAND: 'a',
        BENCH_PEER_COMMAND_2: 'b',
        BENCH_PEER_NAME_2: 'peer',
      }),
    /taken/,
  );
  assert.throws(() => peersFromEnv({ BENCH_PEER_COMMAND: 'a', BENCH_PEER_NAME: 'api' }), /taken/);
});

const run = (id, side, rps, round = 0) => measuredRun(id, rps, { side, round });

test('every peer of the run is compared with ours, scenario by scenario', () => {
  const runs = [
    run('baseline', 'api', 1000),
    run('funds', 'api', 900),
    run('funds', 'one', 300),
    run('funds', 'two', 450),
    run('me', 'api', 100),
    run('me', 'one', 200),
    run('me', 'two', 50),
  ];
  const rows = evaluate(aggregate(runs), 1000);
  const funds = rows.find((r) => r.id === 'funds' && r.side === 'api');
  const me = rows.find((r) => r.id === 'me' && r.side === 'api');
  assert.deepEqual(funds.peerRatios, { one: 3, two: 2 });
  assert.deepEqual(me.peerRatios, { one: 0.5, two: 2 });
  assert.equal(funds.peerRatio, 3, 'peerRatio stays the first peer’s');
  assert.deepEqual(
    funds.targets.filter((t) => t.name.includes('×')).map((t) => [t.name, t.met]),
    [
      ['≥ 3× one', true],
      ['≥ 3× two', false],
    ],
  );

  const two = sideBySide(rows, 'two');
  assert.match(two[0], /btg-funds ÷ two/);
  assert.match(
    two.find((l) => l.startsWith('| funds |')),
    /\| 900 \| 450 \| 2\.00× ❌ \|/,
  );
  assert.match(
    two.find((l) => l.startsWith('| me |')),
    /\| 100 \| 50 \| 2\.00× ❌ \|/,
  );

  const md = markdownOf(rows, { mode: 'mongo', peers: ['one', 'two'] });
  assert.match(md, /btg-funds ÷ one; goal/);
  assert.match(md, /btg-funds ÷ two; goal/);
});
