/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONGODB_URI } from './mongo-support.js';
import { startFleet, type ApiFleet } from './support/api-fleet.js';
import { call, registeredClient } from './support/http-call.js';
import {
  CODE_SUBJECT,
  eventually,
  mailedCode,
  startSmtpSink,
  type SmtpSink,
} from './support/smtp-sink.js';

const CLIENTS = 8;

/**
 * Issue 11, points 2 and 3, across real processes: every instance runs a dispatcher and the
 * outbox recovery on one store, and one real SMTP server receives what they send.
 */
describe.skipIf(MONGODB_URI === undefined).each([2, 3])(
  '%i API processes with dispatchers on one store',
  (size) => {
    let smtp: SmtpSink;
    let fleet: ApiFleet;
    const url = (i: number) => fleet.apis[i % fleet.apis.length]!.url;
    beforeAll(async () => {
      smtp = await startSmtpSink();
      fleet = await startFleet(size, `fleet_mail_${size}`, {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        SMTP_FROM: 'BTG Pactual <notificaciones@btg.example>',
        // Dispatchers poll often, so they overlap on every record, as under load.
        NOTIFY_INTERVAL_MS: '100',
        OUTBOX_RECOVERY_INTERVAL_MS: '300',
      });
    }, 120_000);
    afterAll(async () => {
      await fleet?.stop();
      await smtp?.close();
    });

    /** Notifications received so far (verification codes aside). */
    const notices = () => smtp.received.filter((r) => r.mail.subject !== CODE_SUBJECT);
    /** Message-IDs received so far, one per transaction when nothing was sent twice. */
    const messageIds = () => notices().map((r) => r.mail.messageId);
    /** Clients prove their address with the code mailed to it, so they are notified. */
    const codeFor = (address: string) => mailedCode(smtp, address);

    it('one e-mail per operation', async () => {
      const tokens = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) =>
          registeredClient(url(i), `flota${size}.correo${i}@example.com`, codeFor),
        ),
      );
      // Each client subscribes to two funds and cancels one, on different instances at once.
      const operations: string[] = [];
      await Promise.all(
        tokens.map(async (token, i) => {
          const [a, b] = await Promise.all(
            ['1', '3'].map((fundId, j) =>
              call(url(i + j), 'POST', '/subscriptions', { token, body: { fundId } }),
            ),
          );
          const path = `/subscriptions/${a!.body.subscription.id as string}`;
          const cancelled = await call(url(i + 2), 'DELETE', path, { token });
          for (const answer of [a!, b!, cancelled]) {
            operations.push(answer.body.transaction.id as string);
          }
        }),
      );
      expect(operations).toHaveLength(CLIENTS * 3);
      const expected = operations.map((id) => `<notification.${id}@btg.example>`).sort();
      await eventually(() => (notices().length >= operations.length ? true : undefined));
      // Every record says sent: no dispatcher is still about to send one of these.
      for (const token of tokens) {
        await eventually(async () => {
          const { body } = await call(url(0), 'GET', '/notifications', { token });
          const items = body.items as Array<{ status: string }>;
          return items.every((n) => n.status === 'sent') ? true : undefined;
        });
      }
      expect(messageIds().sort()).toEqual(expected);
    });

    it('a delivery record lost after the money moved is sent without a restart', async () => {
      const email = `flota${size}.perdida@example.com`;
      const token = await registeredClient(url(0), email, codeFor);
      const before = smtp.received.length;
      fleet.proxy.dropRequest('insert', 'notifications');
      const subscribed = await call(url(1), 'POST', '/subscriptions', {
        token,
        body: { fundId: '2' },
      });
      fleet.proxy.disarm();
      expect(subscribed.status).toBe(201);
      expect(fleet.proxy.applied.at(-1)).toBe('drop-request insert notifications');
      const id = subscribed.body.transaction.id as string;
      const mail = await eventually(() =>
        smtp.received
          .slice(before)
          .find((r) => r.mail.messageId === `<notification.${id}@btg.example>`),
      );
      expect(mail.rcptTo).toEqual([`flota${size}.perdida@example.com`]);
      // The e-mail arrives before the dispatcher records it as sent: wait for the record.
      const items = await eventually(async () => {
        const { body } = await call(url(0), 'GET', '/notifications', { token });
        const listed = body.items as Array<{ status: string }>;
        return listed.every((n) => n.status === 'sent') ? listed : undefined;
      });
      expect(items).toMatchObject([{ transactionId: id, status: 'sent', attempts: 1 }]);
    });
  },
);
