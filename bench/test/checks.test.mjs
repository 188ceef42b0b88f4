// A failed check says why, in the report and in the bench's last lines: a hot account answered
// 429 by the API's pending cap had failed its check in every full run, seen only in the exit
// status (node --test bench/test/*.test.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregate, checkLines, evaluate, summaryTable } from '../lib/report.mjs';
import { markdownOf, measuredRun } from './fixtures/report-inputs.mjs';

const row = ({
  id = 'hot-account',
  expected = [200, 201, 409],
  statuses,
  codes = {},
  socketErrors = 0,
}) => measuredRun(id, 100, { expected, statuses, codes, socketErrors, connections: 64 });

const evaluated = (runs) => evaluate(aggregate(runs), 1000);

test('a row whose answers were all expected passes, with no problem', () => {
  const [r] = evaluated([
    row({ statuses: { 200: 5, 201: 5, 409: 3 }, codes: { '409 CONCURRENT_MODIFICATION': 3 } }),
  ]);
  assert.equal(r.ok, true);
  assert.equal(r.problem, null);
});

test('unexpected answers are named by status and code, with what was expected', () => {
  const [r] = evaluated([
    row({
      statuses: { 200: 5, 201: 5, 409: 3, 429: 7, 500: 2 },
      codes: { '409 CONCURRENT_MODIFICATION': 3, '429 TOO_MANY_PENDING_OPERATIONS': 7, '500 -': 1 },
      socketErrors: 4,
    }),
  ]);
  assert.equal(r.ok, false);
  assert.equal(
    r.problem,
    'unexpected: 7× 429 TOO_MANY_PENDING_OPERATIONS, 1× 500 -, 1× 500, 4 socket errors (expected 200, 201, 409)',
  );
});

test('a scenario without codes (a plain URL) names the statuses alone', () => {
  const [r] = evaluated([row({ id: 'funds', expected: [200], statuses: { 200: 9, 503: 2 } })]);
  assert.equal(r.problem, 'unexpected: 2× 503 (expected 200)');
});

test('a scenario nobody answered fails as such', () => {
  const [r] = evaluated([row({ id: 'me', expected: [200], statuses: {} })]);
  assert.equal(r.ok, false);
  assert.equal(r.problem, 'no request was answered');
});

test('the report marks the failed row, and the last lines list each failed check', () => {
  const rows = evaluated([
    row({ statuses: { 200: 1, 429: 2 }, codes: { '429 TOO_MANY_PENDING_OPERATIONS': 2 } }),
    row({ id: 'me', expected: [200], statuses: { 200: 4 } }),
  ]);
  const md = markdownOf(rows);
  const hotLine = md.split('\n').find((l) => l.startsWith('| hot-account |'));
  assert.match(hotLine, /❌ check failed: unexpected: 2× 429 TOO_MANY_PENDING_OPERATIONS/);
  const meLine = md.split('\n').find((l) => l.startsWith('| me |'));
  assert.doesNotMatch(meLine, /check failed/);

  const summary = summaryTable({ rows }).join('\n');
  assert.match(summary, /❌ Checks failed: hot-account \(unexpected: 2× 429/);
  assert.doesNotMatch(summaryTable({ rows: rows.slice(1) }).join('\n'), /Checks failed/);

  const checks = [
    ...rows.map((r) => ({ name: r.id, passed: r.ok, detail: r.problem })),
    { name: 'money conservation (api)', passed: true, detail: null },
  ];
  assert.deepEqual(checkLines(checks), [
    'checks: 2 passed, 1 failed',
    'FAILED hot-account: unexpected: 2× 429 TOO_MANY_PENDING_OPERATIONS (expected 200, 201, 409)',
  ]);
  assert.deepEqual(checkLines(checks.slice(1)), ['checks: 2 passed, 0 failed']);
});
