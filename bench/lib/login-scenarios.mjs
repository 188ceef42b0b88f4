// Login at the production bcrypt cost (12), on a server of its own: throughput, what hashing does
// to the other requests (GET /funds p99 alone and while logins run), and a burst of concurrent
// logins — do they complete one after another, or all together at the end?
import { API, PASSWORD } from './api.mjs';
import { drive } from './load.mjs';

const jsonHeaders = { 'content-type': 'application/json' };

const loginRequest = (user) => ({
  method: 'POST',
  path: `${API}/auth/login`,
  headers: jsonHeaders,
  body: JSON.stringify({ email: user.email, password: PASSWORD }),
});

/** autocannon inputs of the login scenario (8 connections, ≥ 10 s, a 60 s timeout). */
export function loginScenario({ url, users, connections, smoke }) {
  return {
    id: 'login',
    title: '`POST /api/v1/auth/login` (bcrypt cost 12, separate server)',
    url,
    connections,
    timeoutS: 60,
    // A cost-12 hash takes most of a second on a small machine: a short run measures nothing.
    minDurationS: smoke ? 4 : 10,
    perClient: (i) => [loginRequest(users[i % users.length])],
    expected: [200],
  };
}

/**
 * GET /funds with `connections` connections on the login server, first alone, then while
 * `loginConnections` connections log in without pause. Hashing must run off the event loop and
 * never hold other requests: the p99 while logging in is the figure (goal < 25 ms).
 */
export async function fundsDuringLogins({
  url,
  users,
  connections,
  loginConnections,
  durationS,
  log,
}) {
  const funds = { url: `${url}${API}/funds`, connections, duration: durationS };
  log(`funds alone on the login server: ${connections} connections × ${durationS} s`);
  const alone = await drive(funds);
  log(`funds alone: ${alone.rps} req/s, p99 ${alone.latency.p99} ms`);
  log(`funds while ${loginConnections} connections log in: ${durationS} s`);
  const [during, logins] = await Promise.all([
    drive(funds),
    drive({
      url,
      connections: loginConnections,
      duration: durationS,
      timeoutS: 60,
      perClient: (i) => [loginRequest(users[i % users.length])],
    }),
  ]);
  log(
    `funds during logins: ${during.rps} req/s, p99 ${during.latency.p99} ms; logins ${logins.rps}/s, p99 ${logins.latency.p99} ms`,
  );
  return [
    {
      id: 'funds-login-alone',
      title: `\`GET /api/v1/funds\` on the login server, alone (${connections} connections)`,
      expected: [200],
      ...alone,
    },
    {
      id: 'funds-during-logins',
      title: `\`GET /api/v1/funds\` while ${loginConnections} connections log in (bcrypt 12)`,
      expected: [200],
      p99Target: true,
      ...during,
    },
    {
      id: 'logins-during-funds',
      title: `… the ${loginConnections} login connections meanwhile`,
      expected: [200],
      ...logins,
    },
  ];
}

/**
 * `count` logins sent at once (accounts reused round-robin). Each login should complete in about
 * its own hashing time plus its place in the queue: answers spread over the burst, not all at the
 * end. Reported: when the first, the median and the last answer came, and every status.
 */
export async function loginBurst({ url, users, count, log }) {
  log(`login burst: ${count} logins at once`);
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const request = loginRequest(users[i % users.length]);
      try {
        const res = await fetch(url + request.path, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(60_000),
        });
        await res.arrayBuffer();
        return { status: res.status, ms: performance.now() - started };
      } catch {
        return { status: 'error', ms: performance.now() - started };
      }
    }),
  );
  const times = outcomes.map((o) => Math.round(o.ms)).sort((a, b) => a - b);
  const statuses = {};
  for (const { status } of outcomes) statuses[status] = (statuses[status] ?? 0) + 1;
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const burst = {
    count,
    statuses,
    firstMs: times[0],
    p25Ms: at(0.25),
    medianMs: at(0.5),
    p75Ms: at(0.75),
    lastMs: times.at(-1),
    times,
    ok: (statuses[200] ?? 0) === count,
    // Spread out: the first answer came in the first half of the burst (all together: ~100 %).
    spread: times.at(-1) > 0 && times[0] <= 0.5 * times.at(-1),
  };
  log(
    `login burst: first ${burst.firstMs} ms, median ${burst.medianMs} ms, last ${burst.lastMs} ms, statuses ${JSON.stringify(statuses)}`,
  );
  return burst;
}
