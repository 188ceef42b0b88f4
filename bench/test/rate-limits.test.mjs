// The bench's servers run with rate limits on at a ceiling no scenario reaches (issue 16: nothing
// switched off), and the API's own configuration accepts that ceiling (node --test bench/test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../apps/api/dist/config/load-config.js';
import { benchRateLimits } from '../lib/rate-limits.mjs';
import { HOT_MIN_CONNECTIONS, scenarios } from '../lib/scenarios.mjs';

function withRateLimitsEnv(value, run) {
  const before = process.env.RATE_LIMITS;
  if (value === undefined) delete process.env.RATE_LIMITS;
  else process.env.RATE_LIMITS = value;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.RATE_LIMITS;
    else process.env.RATE_LIMITS = before;
  }
}

test('in memory, the limits are on, each at 1,000,000 a window, and the API takes them', () => {
  const env = withRateLimitsEnv(undefined, () => benchRateLimits());
  assert.deepEqual(env, {
    RATE_LIMITS: 'on',
    RATE_LIMIT_MONEY_PER_CLIENT: '1000000',
    RATE_LIMIT_AUTH_PER_IP: '1000000',
    MONEY_MAX_PENDING_PER_CLIENT: '10000',
  });
  const config = loadConfig({ ...env, JWT_SECRET: 'x'.repeat(64) });
  const { rateLimits } = config.http;
  assert.equal(rateLimits.enabled, true);
  assert.equal(rateLimits.moneyPerClient.limit, 1_000_000);
  assert.equal(rateLimits.authPerIp.limit, 1_000_000);
  // The hot account's 64 connections on one client stay under the pending cap (no 429 at once).
  assert.equal(config.money.maxPendingPerClient, 10_000);
});

test('the hot account has more connections than the default pending cap, even in the smoke', () => {
  const config = loadConfig({ RATE_LIMITS: 'on', JWT_SECRET: 'x'.repeat(64) });
  const cap = config.money.maxPendingPerClient;
  assert.ok(cap > 0 && cap < HOT_MIN_CONNECTIONS, `production's cap (${cap}) is below the bench's`);
  const account = { token: 't', entries: 0, cursors: [] };
  const hotConnections = (connections) =>
    scenarios({
      baselineUrl: 'http://b',
      apiUrl: 'http://a',
      fixtures: { users: [account], hot: account, history: account },
      connections,
    }).find((s) => s.id === 'hot-account').connections;
  assert.equal(hotConnections(4), HOT_MIN_CONNECTIONS, 'the smoke (4 connections)');
  assert.equal(hotConnections(64), 64, 'a full run');
});

test('on MongoDB, and whenever RATE_LIMITS=off is set, they are off', () => {
  withRateLimitsEnv(undefined, () => {
    assert.deepEqual(benchRateLimits({ mongo: true }), { RATE_LIMITS: 'off' });
  });
  withRateLimitsEnv('off', () => {
    assert.deepEqual(benchRateLimits(), { RATE_LIMITS: 'off' });
  });
});
