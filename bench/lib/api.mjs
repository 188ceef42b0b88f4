// A small client of the HTTP contract (docs/product/http-contract.md) used to prepare accounts and to audit them after
// the load: plain fetch, bounded by timeouts, every unexpected answer is an error.
export const API = '/api/v1';
export const PASSWORD = 'bench-password-123';
export const INITIAL_BALANCE_CENTS = 50_000_000; // COP 500.000,00

export class ApiClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * A 503 (the server still working off the previous scenario's backlog, or a request timeout
   * on a slow store) is retried a few times, spaced out: preparing and auditing must not fail
   * because the load just stopped. Anything else unexpected is an error at once.
   */
  async call(method, path, options = {}) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.callOnce(method, path, options);
      } catch (error) {
        if (!(error instanceof UnavailableError) || attempt >= 6) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  }

  async callOnce(method, path, { token, body, expect = [200] } = {}) {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + API + path, {
      method,
      headers,
      // A DELETE goes without a body, as browsers and curl send it (no 415 for that: ADR 0700).
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    const json = text === '' ? null : JSON.parse(text);
    if (!expect.includes(res.status)) {
      const Failure = res.status === 503 ? UnavailableError : Error;
      throw new Failure(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    }
    return { status: res.status, body: json };
  }

  async registerAndLogin(email) {
    await this.call('POST', '/auth/register', {
      body: { email, password: PASSWORD, fullName: 'Bench User', notificationPreference: 'email' },
      // 409: a retried registration (after a 503) whose first attempt had landed. The emails are
      // unique to the run, so it is ours.
      expect: [201, 409],
    });
    const { body } = await this.call('POST', '/auth/login', {
      body: { email, password: PASSWORD },
    });
    return { email, token: body.accessToken };
  }

  subscribe(token, fundId) {
    return this.call('POST', '/subscriptions', { token, body: { fundId }, expect: [201] });
  }

  cancel(token, subscriptionId) {
    return this.call('DELETE', `/subscriptions/${subscriptionId}`, { token });
  }

  /** Cancels every active subscription: a run cut mid-cycle leaves one behind. */
  async releaseAll(token) {
    const { body } = await this.call('GET', '/subscriptions?status=active', { token });
    for (const s of body.items) {
      // 409 ALREADY_CANCELLED: a DELETE of the finished run landed in between; fine.
      await this.call('DELETE', `/subscriptions/${s.id}`, { token, expect: [200, 409] });
    }
    return body.items.length;
  }

  /** balance + Σ active subscriptions, in centavos; must equal the initial balance. */
  async holdings(token) {
    const me = await this.call('GET', '/me', { token });
    const active = await this.call('GET', '/subscriptions?status=active', { token });
    const invested = active.body.items.reduce((sum, s) => sum + toCents(s.amount), 0);
    const balance = toCents(me.body.balance);
    return { balance, invested, total: balance + invested, activeCount: active.body.items.length };
  }
}

class UnavailableError extends Error {}

/** "75000.00" → 7500000, with integers only (never a float). */
export function toCents(decimal) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(decimal));
  if (!m) throw new Error(`not a money string: ${decimal}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cents : cents;
}

export function formatCents(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Runs `fn` over items with at most `limit` in flight. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
