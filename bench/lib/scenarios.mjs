// The scenarios of issue 8 (login: login-scenarios.mjs). Each returns autocannon inputs; `expected` lists the statuses that are
// a correct answer under that load (anything else is an unexpected error).
import { API } from './api.mjs';

const json = (token) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

/** POST /subscriptions, then DELETE the id it returned; a failed POST starts the cycle again. */
export function subscribeCancelCycle(token, fundId) {
  return [
    {
      method: 'POST',
      path: `${API}/subscriptions`,
      headers: json(token),
      body: JSON.stringify({ fundId }),
      onResponse: (status, body, context) => {
        if (status === 201) context.subscriptionId = JSON.parse(body).subscription.id;
      },
    },
    {
      method: 'DELETE',
      // No body and no Content-Length, as curl -X DELETE and fetch send it (ADR 0700).
      headers: { authorization: `Bearer ${token}` },
      // null → autocannon restarts the list at the POST (nothing to cancel)
      setupRequest: (req, context) =>
        context.subscriptionId
          ? { ...req, path: `${API}/subscriptions/${context.subscriptionId}` }
          : null,
    },
  ];
}

// DEUDAPRIVADA has the lowest minimum (50.000): a client can cycle on it forever.
export const CYCLE_FUND = '3';
// Funds whose minimums add up to 350.000 ≤ 500.000: the hot account never runs out of balance,
// so every non-2xx there is contention (409), never a business refusal.
export const HOT_FUNDS = ['1', '2', '3', '5'];
// More connections on the hot account than production's cap on a client's pending operations
// (MONEY_MAX_PENDING_PER_CLIENT, 10), even in the smoke: a bench whose servers ran with that cap
// would see 429s there and fail its check in CI, not only in a full run (bench/lib/rate-limits.mjs).
export const HOT_MIN_CONNECTIONS = 16;

export function scenarios({ baselineUrl, apiUrl, fixtures, connections }) {
  const { users, hot, history } = fixtures;
  const pick = (list, i) => list[i % list.length];
  return [
    {
      id: 'baseline',
      title: 'baseline: bare Hono `GET /`, before the API scenarios',
      url: `${baselineUrl}/`,
      connections,
      expected: [200],
    },
    {
      // Run between two scenarios (ADR 0740): the baseline beside each one.
      id: 'baseline-beside',
      title: 'baseline slices: bare Hono `GET /` between two scenarios (each slice)',
      url: `${baselineUrl}/`,
      connections,
      expected: [200],
      slice: true,
    },
    {
      id: 'funds',
      title: '`GET /api/v1/funds`',
      url: `${apiUrl}${API}/funds`,
      connections,
      expected: [200],
      ratioTarget: 0.7,
    },
    {
      id: 'me',
      title: '`GET /api/v1/me` (bearer, one account per connection)',
      url: apiUrl,
      connections,
      perClient: (i) => [{ method: 'GET', path: `${API}/me`, headers: json(pick(users, i).token) }],
      expected: [200],
      ratioTarget: 0.5,
    },
    {
      id: 'subscribe-cancel',
      title: 'subscribe + cancel cycles (one account per connection)',
      url: apiUrl,
      connections,
      perClient: (i) => subscribeCancelCycle(pick(users, i).token, CYCLE_FUND),
      expected: [200, 201],
      ratioTarget: 0.35,
      accounts: users,
    },
    {
      id: 'transactions',
      title: `\`GET /api/v1/transactions\` pages (history of ${history.entries} entries)`,
      url: apiUrl,
      connections,
      perClient: () => [
        {
          method: 'GET',
          headers: json(history.token),
          setupRequest: (req) => {
            const cursor = history.cursors[Math.floor(Math.random() * history.cursors.length)];
            const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
            return { ...req, path: `${API}/transactions?limit=20${query}` };
          },
        },
      ],
      expected: [200],
    },
    {
      id: 'hot-account',
      title: 'hot account: every connection subscribes/cancels on ONE client',
      url: apiUrl,
      connections: Math.max(connections, HOT_MIN_CONNECTIONS),
      perClient: (i) => subscribeCancelCycle(hot.token, pick(HOT_FUNDS, i)),
      expected: [200, 201, 409],
      ratioTarget: 0.1,
      accounts: [hot],
    },
    {
      id: 'baseline-again',
      title: 'baseline again, after the API scenarios',
      url: `${baselineUrl}/`,
      connections,
      expected: [200],
    },
  ];
}
