// Each ratio is taken against the baseline runs beside its scenario (ADR 0740), and the ratio to
// the run's mean baseline is still reported (node --test bench/test/*.test.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  besideBaselineRps,
  latestBaselineRps,
  runMeanBaselineRps,
  withBesideBaselines,
} from '../lib/baselines.mjs';
import { aggregate, besideLine, evaluate } from '../lib/report.mjs';
import { markdownOf, measuredRun } from './fixtures/report-inputs.mjs';

const run = (id, rps, { side = 'api', round = 0, ratioTarget } = {}) =>
  measuredRun(id, rps, { side, round, ...(ratioTarget !== undefined && { ratioTarget }) });

const ratioGoalsMet = (row) =>
  row.targets.filter((t) => t.name.startsWith('ratio')).map((t) => t.met);

// The machine speeds up during the run: 1000 req/s at the start, 2000 at the end.
const drifting = () => [
  run('baseline', 1000),
  run('funds', 700, { ratioTarget: 0.7 }),
  run('funds-floor', 750),
  run('baseline-beside', 1000),
  run('me', 1000, { ratioTarget: 0.5 }),
  run('baseline-beside', 3000),
  run('subscribe-cancel', 700, { ratioTarget: 0.35 }),
  run('baseline-again', 2000),
  run('login', 5),
];

test('a run is divided by the baselines just before and just after it', () => {
  const runs = drifting();
  assert.equal(besideBaselineRps(runs, 1), 1000, 'funds: 1000 before, 1000 after');
  assert.equal(besideBaselineRps(runs, 2), 1000, 'its floor shares the same two');
  assert.equal(besideBaselineRps(runs, 4), 2000, 'me: 1000 before, 3000 after');
  assert.equal(besideBaselineRps(runs, 6), 2500, 'subscribe + cancel: 3000 before, 2000 after');
  assert.equal(besideBaselineRps(runs, 8), 2000, 'login: only the last baseline, before it');
  assert.equal(besideBaselineRps([run('funds', 1)], 0), null, 'no baseline at all');
});

test('a baseline that answered nothing is not a base', () => {
  const runs = [run('baseline', 1000), run('funds', 500), run('baseline-beside', 0)];
  assert.equal(besideBaselineRps(runs, 1), 1000);
  assert.equal(runMeanBaselineRps(runs), 1000);
  assert.equal(latestBaselineRps(runs), 1000);
});

test('the goals are judged against the baselines beside; the run mean stays reported', () => {
  const runs = drifting();
  const runMean = runMeanBaselineRps(runs);
  assert.equal(runMean, 1750, '(1000 + 1000 + 3000 + 2000) / 4');
  const rows = evaluate(aggregate(withBesideBaselines(runs)), runMean);
  const byId = (id) => rows.find((r) => r.id === id);

  assert.equal(byId('funds').ratio, 0.7);
  assert.equal(byId('funds').runMeanRatio, 0.4);
  assert.deepEqual(ratioGoalsMet(byId('funds')), [true]);
  assert.equal(byId('me').ratio, 0.5);
  assert.equal(byId('subscribe-cancel').ratio, 0.28);
  assert.equal(byId('subscribe-cancel').runMeanRatio, 0.4);
  assert.deepEqual(
    ratioGoalsMet(byId('subscribe-cancel')),
    [false],
    'the beside rule can also lower a ratio: it is not chosen to flatter',
  );
  // The baselines themselves stay ratios to the run mean: they show how far the machine drifted.
  const slices = byId('baseline-beside');
  assert.deepEqual(slices.roundsRps, [1000, 3000]);
  assert.equal(slices.rps, 2000);
  assert.equal(slices.ratio, 1.143);

  const line = besideLine(rows);
  assert.match(line, /just before and just after/);
  assert.match(line, /funds 0\.40, me 0\.57, subscribe-cancel 0\.40\./);
  // 1000 (first), 1000 and 3000 (slices), 2000 (last): the speed moved threefold.
  assert.match(
    line,
    /The 4 baseline runs answered 1,000–3,000 req\/s \(the fastest 3\.00× the slowest\)/,
  );
  assert.doesNotMatch(
    besideLine(rows.filter((r) => r.id !== 'baseline-beside' && r.id !== 'baseline-again')),
    /baseline runs answered/,
    'one baseline: no spread',
  );
  assert.doesNotMatch(line, /own p99/, 'the baselines answered within the p99 goal');
});

test("the report says when bare Hono's own p99 missed the p99 goal", () => {
  const runs = drifting();
  const slow = runs.findIndex((r) => r.id === 'baseline-beside');
  runs[slow] = { ...runs[slow], latency: { ...runs[slow].latency, p99: 27 } };
  const line = besideLine(evaluate(aggregate(runs)));
  assert.match(
    line,
    /Bare Hono's own p99 reached 27 ms in this run, over the p99 goal \(< 25 ms\)/,
  );
});

test('rounds of one scenario average their own beside baselines', () => {
  const runs = [
    run('baseline', 1000),
    run('me', 500, { round: 0 }),
    run('me', 600, { side: 'peer', round: 0 }),
    run('me', 900, { side: 'peer', round: 1 }),
    run('me', 1500, { round: 1 }),
    run('baseline-again', 3000),
  ];
  const rows = evaluate(aggregate(withBesideBaselines(runs)), runMeanBaselineRps(runs));
  const ours = rows.find((r) => r.id === 'me' && r.side === 'api');
  // Both rounds sit between the same two baselines: base (1000 + 3000) / 2 each.
  assert.equal(ours.baseRps, 2000);
  assert.equal(ours.rps, 1000);
  assert.equal(ours.ratio, 0.5);
});

test('the report shows the baseline beside each row and the rule it used', () => {
  const runs = drifting();
  const rows = evaluate(aggregate(withBesideBaselines(runs)), runMeanBaselineRps(runs));
  const md = markdownOf(rows);
  assert.match(md, /\| ratio to baseline \| baseline beside it, req\/s \|/);
  assert.match(md, /\| me \| 4 \| 1,000 \| 0\.50 \(goal ≥ 0\.50 ✅\) \| 2,000 \|/);
  assert.match(md, /\| baseline-beside \| 4 \| 2,000 \(1,000 \/ 3,000\) \| 1\.14 \| — \|/);
  assert.match(md, /To the mean of every baseline run of this run instead: funds 0\.40/);
});
