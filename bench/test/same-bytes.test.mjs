// The floor rows: the same-bytes server answers the bench's requests with exactly what our API
// answered them with, minting only its own request id; a floor scenario is its scenario re-aimed.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stopProcess } from '../lib/processes.mjs';
import { floorLine } from '../lib/report.mjs';
import { captureAnswers, floorOf, startSameBytes } from '../lib/same-bytes.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECURITY = { 'x-frame-options': 'DENY', 'cache-control': 'no-store' };

/** A stand-in API: the four answers the capture asks for, each with its own headers. */
function fakeApi() {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const send = (status, value) =>
        res
          .writeHead(status, {
            ...SECURITY,
            'content-type': 'application/json',
            'x-request-id': 'minted-by-api',
          })
          .end(JSON.stringify(value));
      if (req.method === 'GET' && req.url === '/api/v1/funds') return send(200, { items: ['f'] });
      if (req.method === 'GET' && req.url === '/api/v1/me') {
        return req.headers.authorization === 'Bearer t0'
          ? send(200, { balance: '1.00' })
          : send(401, {});
      }
      if (req.method === 'POST' && req.url === '/api/v1/subscriptions') {
        return send(201, { subscription: { id: 'sub-1', sent: JSON.parse(body) } });
      }
      if (req.method === 'DELETE' && req.url === '/api/v1/subscriptions/sub-1') {
        return send(200, { cancelled: true });
      }
      return send(404, {});
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

test('captures each answer with its own headers, not the per-connection ones', async () => {
  const api = await fakeApi();
  try {
    const answers = await captureAnswers(api.url, 't0');
    assert.deepEqual(
      answers.map((a) => [a.method, a.path, a.status]),
      [
        ['GET', '/api/v1/funds', 200],
        ['GET', '/api/v1/me', 200],
        ['POST', '/api/v1/subscriptions', 201],
        ['DELETE', '/api/v1/subscriptions/:id', 200],
      ],
    );
    assert.equal(answers[2].body, '{"subscription":{"id":"sub-1","sent":{"fundId":"3"}}}');
    for (const { headers } of answers) {
      assert.deepEqual(Object.keys(headers).sort(), [
        'cache-control',
        'content-type',
        'x-frame-options',
      ]);
    }
  } finally {
    api.server.close();
  }
});

test('a refused capture fails the run instead of measuring an error page', async () => {
  const api = await fakeApi();
  try {
    await assert.rejects(captureAnswers(api.url, 'wrong'), /GET \/api\/v1\/me answered 401/);
  } finally {
    api.server.close();
  }
});

test('the same-bytes server answers the captured bytes with a fresh request id', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-same-bytes-'));
  const answers = [
    { method: 'GET', path: '/api/v1/funds', status: 200, headers: SECURITY, body: '{"a":1}' },
    { method: 'POST', path: '/api/v1/subscriptions', status: 201, headers: {}, body: '{"b":2}' },
    { method: 'DELETE', path: '/api/v1/subscriptions/:id', status: 200, headers: {}, body: 'c' },
  ];
  const server = await startSameBytes({ root: ROOT, logDir: dir, answers });
  try {
    const ids = new Set();
    for (let i = 0; i < 2; i += 1) {
      const res = await fetch(`${server.url}/api/v1/funds`);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), '{"a":1}');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      ids.add(res.headers.get('x-request-id'));
    }
    assert.equal(ids.size, 2);
    const posted = await fetch(`${server.url}/api/v1/subscriptions`, {
      method: 'POST',
      body: '{"fundId":"3"}',
    });
    assert.deepEqual([posted.status, await posted.text()], [201, '{"b":2}']);
    const deleted = await fetch(`${server.url}/api/v1/subscriptions/any-id`, { method: 'DELETE' });
    assert.deepEqual([deleted.status, await deleted.text()], [200, 'c']);
  } finally {
    await stopProcess(server);
  }
});

test('a floor scenario sends the same requests to the same-bytes server, with no goal', () => {
  const scenario = {
    id: 'me',
    url: 'http://127.0.0.1:1000',
    perClient: () => [],
    ratioTarget: 0.5,
    accounts: [{}],
  };
  const floor = floorOf(scenario, 'http://127.0.0.1:1000', 'http://127.0.0.1:2000');
  assert.equal(floor.id, 'me-floor');
  assert.equal(floor.url, 'http://127.0.0.1:2000');
  assert.equal(floor.perClient, scenario.perClient);
  assert.equal(floor.ratioTarget, undefined);
  assert.equal(floor.accounts, undefined);
});

test('the floor line puts each scenario against its floor, and names the goal', () => {
  const rows = [
    { id: 'funds', side: 'api', rps: 20_000, ratio: 0.5, ratioTarget: 0.7 },
    { id: 'funds-floor', side: 'api', rps: 25_000, ratio: 0.625 },
    { id: 'transactions', side: 'api', rps: 5_000, ratio: 0.1 },
    { id: 'funds', side: 'before', rps: 1, ratio: 0 },
  ];
  assert.equal(
    floorLine(rows),
    'Against the floor (bare Hono answering the same requests with the same bytes, no work): funds 0.80× its floor (floor ratio 0.63, goal 0.70)',
  );
  assert.equal(floorLine(rows.filter((r) => !r.id.endsWith('-floor'))), '');
});
