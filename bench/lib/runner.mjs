// One measured run of a scenario against one server: warm-up, a clean start for money scenarios,
// the load, and the server's CPU time over the load (CPU per request barely depends on what else
// runs on the machine; requests/s does).
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient, mapLimit } from './api.mjs';
import { drive } from './load.mjs';
import { cpuTimeMs } from './processes.mjs';

export async function runScenario(scenario, { pid, durationS, warmupS, log, label = '' }) {
  const { url, connections, requests, perClient, timeoutS } = scenario;
  const duration = Math.max(durationS, scenario.minDurationS ?? 0);
  if (warmupS > 0) {
    await drive({ url, connections, duration: warmupS, timeoutS, requests, perClient });
  }
  if (scenario.accounts) {
    // The previous run stopped mid-cycle: a POST answered, its DELETE never sent. Start clean, or
    // every connection would meet 409 ALREADY_SUBSCRIBED with no id to cancel.
    await sleep(500); // requests autocannon sent last are still being answered
    const api = new ApiClient(scenario.apiUrl ?? url);
    await mapLimit(scenario.accounts, 8, (a) => api.releaseAll(a.token));
  }
  log(`${label}${scenario.id}: ${connections} connections × ${duration} s`);
  const cpuBefore = pid ? cpuTimeMs(pid) : null;
  const measured = await drive({ url, connections, duration, timeoutS, requests, perClient });
  const cpuMs = pid ? cpuTimeMs(pid) - cpuBefore : null;
  const { id, title, expected, ratioTarget } = scenario;
  return {
    id,
    title,
    expected,
    ratioTarget,
    ...measured,
    serverCpuMs: cpuMs,
    // µs of server CPU per answered request (user + system, the whole process).
    cpuUsPerRequest:
      cpuMs !== null && measured.requests > 0
        ? Math.round((cpuMs * 1000) / measured.requests)
        : null,
  };
}
