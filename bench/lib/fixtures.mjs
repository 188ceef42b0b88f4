// Accounts the scenarios need, created through the public API before the load starts.
import { ApiClient, mapLimit } from './api.mjs';
import { HOT_FUNDS } from './scenarios.mjs';

const runTag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
// `server` keeps the accounts of two servers on one database (the peer comparison) apart.
const email = (server, kind, i) => `bench-${runTag}-${server}-${kind}-${i}@example.com`;

/**
 * `historyLanes`: how many subscribe/cancel loops build the long history at once. They all write
 * to ONE account, so in Mongo mode (a round trip per read and write) parallel lanes only make
 * each other conflict and retry; one lane there.
 */
export async function prepareMain(
  apiUrl,
  { users, historyEntries, historyLanes = HOT_FUNDS.length, server = 'api' },
) {
  const api = new ApiClient(apiUrl);
  const pool = await mapLimit(
    Array.from({ length: users }, (_, i) => i),
    8,
    (i) => api.registerAndLogin(email(server, 'user', i)),
  );
  const hot = await api.registerAndLogin(email(server, 'hot', 0));
  const history = await buildHistory(
    api,
    await api.registerAndLogin(email(server, 'history', 0)),
    historyEntries,
    HOT_FUNDS.slice(0, historyLanes),
  );
  return { users: pool, hot, history };
}

export async function prepareLogin(loginUrl, { users, server = 'api' }) {
  const api = new ApiClient(loginUrl);
  return mapLimit(
    Array.from({ length: users }, (_, i) => i),
    4,
    (i) => api.registerAndLogin(email(server, 'login', i)),
  );
}

/**
 * A client with `entries` transactions: subscribe/cancel cycles on several funds in parallel (each
 * cycle writes two entries). Then every page cursor is collected, so the load reads pages spread
 * over the whole history instead of the first one only.
 */
async function buildHistory(api, account, entries, funds) {
  const cycles = Math.ceil(entries / 2);
  await Promise.all(
    funds.map(async (fundId, f) => {
      for (let c = f; c < cycles; c += funds.length) {
        const { body } = await api.subscribe(account.token, fundId);
        await api.cancel(account.token, body.subscription.id);
      }
    }),
  );
  const cursors = [null];
  let total = 0;
  for (let cursor = null, guard = 0; guard < 10_000; guard++) {
    const q = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const { body } = await api.call('GET', `/transactions?limit=20${q}`, { token: account.token });
    total += body.items.length;
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
    cursors.push(cursor);
  }
  return { ...account, entries: total, cursors };
}
