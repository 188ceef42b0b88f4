// The floor rows (issue 16): for funds, me and subscribe + cancel, a bare Hono server answers the
// same requests with the bytes our API answered them with (bench/same-bytes-server.mjs). Its ratio
// to the baseline is as high as a scenario's ratio can get while every response keeps its headers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API } from './api.mjs';
import { startProcess } from './processes.mjs';

export const FLOORED = ['funds', 'me', 'subscribe-cancel'];
// Per-connection or per-request headers: Node writes its own, the server mints the request id.
const NOT_COPIED = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'x-request-id',
]);

/** What our API answers to each request of the floored scenarios, for one account. */
export async function captureAnswers(apiUrl, token) {
  const auth = { authorization: `Bearer ${token}` };
  const call = async (method, path, pattern, headers = {}, body = undefined) => {
    const res = await fetch(`${apiUrl}${path}`, { method, headers, body });
    const text = await res.text();
    if (!res.ok) throw new Error(`same bytes: ${method} ${path} answered ${res.status} ${text}`);
    const kept = [...res.headers].filter(([name]) => !NOT_COPIED.has(name));
    return {
      method,
      path: pattern,
      status: res.status,
      headers: Object.fromEntries(kept),
      body: text,
    };
  };
  const subscribed = await call(
    'POST',
    `${API}/subscriptions`,
    `${API}/subscriptions`,
    { ...auth, 'content-type': 'application/json' },
    JSON.stringify({ fundId: '3' }),
  );
  const id = JSON.parse(subscribed.body).subscription.id;
  return [
    await call('GET', `${API}/funds`, `${API}/funds`),
    await call('GET', `${API}/me`, `${API}/me`, auth),
    subscribed,
    await call('DELETE', `${API}/subscriptions/${id}`, `${API}/subscriptions/:id`, auth),
  ];
}

/** The same-bytes server, answering what `captureAnswers` recorded. */
export function startSameBytes({ root, logDir, answers }) {
  const file = join(logDir, 'same-bytes-answers.json');
  writeFileSync(file, JSON.stringify(answers));
  return startProcess({
    name: 'same-bytes',
    script: join(root, 'bench', 'same-bytes-server.mjs'),
    cwd: root,
    env: { NODE_ENV: 'production', SAME_BYTES_FILE: file },
    readyPath: '/',
    logDir,
  });
}

/** The floor variant of a scenario: the same requests, sent to the same-bytes server. */
export function floorOf(scenario, apiUrl, floorUrl) {
  return {
    ...scenario,
    id: `${scenario.id}-floor`,
    title: `… the same bytes from bare Hono (the floor of ${scenario.id})`,
    url: scenario.url.replace(apiUrl, floorUrl),
    ratioTarget: undefined,
    accounts: undefined,
  };
}
