/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../src/start.js';
import { call } from './support/http-call.js';
import {
  eventually,
  mailedCode,
  startAppMailingToSink,
  type SmtpSink,
} from './support/smtp-sink.js';

const CLIENTS = 4;
const CYCLES = 8;
const PASSWORD = 'una-clave-muy-segura';

/**
 * ADR 0723: under concurrent money operations of clients who proved their address, every
 * completed operation is mailed exactly once, and each client's mails arrive in the order of its
 * ledger. The dispatcher's interval is ten minutes: only the outbox's rings and the drain of full
 * batches can deliver them in time.
 */
describe('delivery under concurrent money operations', () => {
  let smtp: SmtpSink;
  let app: RunningApp;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ app, smtp, stop } = await startAppMailingToSink({
      NOTIFY_INTERVAL_MS: '600000',
      NOTIFY_MAX_PER_DESTINATION_PER_DAY: '1000',
    }));
  });
  afterAll(() => stop?.());

  async function verifiedClient(i: number): Promise<{ email: string; token: string }> {
    const email = `cliente.carga.${i}@example.com`;
    const registered = await call(app.url, 'POST', '/auth/register', {
      body: {
        email,
        password: PASSWORD,
        fullName: `Cliente ${i}`,
        notificationPreference: 'email',
      },
    });
    expect(registered.status).toBe(201);
    const login = await call(app.url, 'POST', '/auth/login', {
      body: { email, password: PASSWORD },
    });
    const token: string = login.body.accessToken;
    const requested = await call(app.url, 'POST', '/me/verification', {
      token,
      body: { channel: 'email' },
    });
    expect(requested.status).toBe(202);
    const code = await mailedCode(smtp, email);
    const confirmed = await call(app.url, 'POST', '/me/verification/confirm', {
      token,
      body: { channel: 'email', code },
    });
    expect(confirmed.status).toBe(200);
    return { email, token };
  }

  it('mails every completed operation once, each client in ledger order', async () => {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => verifiedClient(i)));
    const codeMails = smtp.received.length;

    // Every client at once, each one subscribing and cancelling in a loop.
    await Promise.all(
      clients.map(async ({ token }) => {
        for (let i = 0; i < CYCLES; i += 1) {
          const opened = await call(app.url, 'POST', '/subscriptions', {
            token,
            body: { fundId: '3' },
          });
          expect(opened.status).toBe(201);
          const id: string = opened.body.subscription.id;
          expect((await call(app.url, 'DELETE', `/subscriptions/${id}`, { token })).status).toBe(
            200,
          );
        }
      }),
    );

    const expected = CLIENTS * CYCLES * 2;
    await eventually(() => (smtp.received.length >= codeMails + expected ? true : undefined));
    // A little longer: a mail sent twice would arrive after the last expected one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mails = smtp.received.slice(codeMails);
    expect(mails).toHaveLength(expected);

    for (const { email, token } of clients) {
      const history = await call(app.url, 'GET', `/transactions?limit=100`, { token });
      const ledgerOrder = (history.body.items as { id: string }[]).map(({ id }) => id).reverse();
      expect(ledgerOrder).toHaveLength(CYCLES * 2);
      const arrived = mails
        .filter(({ rcptTo }) => rcptTo.includes(email))
        .map(({ mail }) => mail.headers.get('x-transaction-id'));
      expect(arrived).toEqual(ledgerOrder);
    }

    // The pooled connections were kept open between mails; stopping the app closes them.
    expect(smtp.openConnections()).toBeGreaterThan(0);
    await app.stop();
    await eventually(() => (smtp.openConnections() === 0 ? true : undefined), 2_000);
    await smtp.close();
    stop = undefined;
  }, 60_000);
});
