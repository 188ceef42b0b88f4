// One autocannon run, reduced to the numbers the report needs: requests/s, latency percentiles,
// statuses counted one by one and the problem `code` of every non-2xx answer.
import autocannon from 'autocannon';

export async function drive({ url, connections, duration, timeoutS = 10, requests, perClient }) {
  const codes = {};
  const countCode = (status, body) => {
    if (status < 300) return;
    let code = '-';
    try {
      code = JSON.parse(body)?.code ?? '-';
    } catch {
      // not JSON: keep '-'
    }
    const key = `${status} ${code}`;
    codes[key] = (codes[key] ?? 0) + 1;
  };
  const withCodes = (reqs) =>
    reqs.map((r) => {
      const own = r.onResponse;
      return {
        ...r,
        onResponse: (status, body, context, headers) => {
          countCode(status, body);
          own?.(status, body, context, headers);
        },
      };
    });

  let clientIndex = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    timeout: timeoutS,
    pipelining: 1,
    requests: withCodes(requests ?? [{ method: 'GET' }]),
    // Each connection is one virtual user: it gets its own request list (own account, own state).
    setupClient: perClient
      ? (client) => client.setRequests(withCodes(perClient(clientIndex++)))
      : undefined,
  });

  const statuses = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[status] = count;
  }
  const total = result.requests.total;
  const seconds = result.duration > 0 ? result.duration : duration;
  return {
    connections,
    durationS: seconds,
    requests: total,
    rps: Math.round((total / seconds) * 10) / 10,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    statuses,
    codes,
    socketErrors: result.errors,
    timeouts: result.timeouts,
  };
}
