import { NotificationDeliveryError } from '@btg-funds/application';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmtpEmailSender } from '../src/index.js';
import { outgoing, TX } from './support/fixtures.js';
import { closedPort } from './support/free-port.js';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server.js';

const FROM = 'BTG Pactual <notificaciones@btgpactual.example>';

describe('SmtpEmailSender against a real SMTP server', () => {
  let server: SmtpTestServer;
  /** Every sender a test made: closed before the server, which would wait for their pools. */
  const opened: SmtpEmailSender[] = [];
  const tracked = (sender: SmtpEmailSender): SmtpEmailSender => {
    opened.push(sender);
    return sender;
  };
  beforeEach(async () => {
    server = await startSmtpTestServer({ credentials: { user: 'mailer', password: 's3cret' } });
  });
  afterEach(async () => {
    for (const sender of opened.splice(0)) sender.close();
    await server.close();
  });

  const sender = (): SmtpEmailSender =>
    tracked(
      new SmtpEmailSender({
        connection: {
          host: '127.0.0.1',
          port: server.port,
          secure: false,
          user: 'mailer',
          password: 's3cret',
        },
        from: FROM,
        timeoutMs: 5_000,
      }),
    );

  it('delivers a Spanish text + HTML email with a Message-ID derived from the transaction', async () => {
    await sender().send(outgoing());

    expect(server.logins).toEqual(['mailer']);
    expect(server.received).toHaveLength(1);
    const { mail, rcptTo } = server.received[0]!;
    expect(rcptTo).toEqual(['juan.perez@example.com']);
    expect(mail.subject).toBe('Suscripción confirmada al fondo FPV_BTG_PACTUAL_RECAUDADORA');
    expect(mail.from?.text).toContain('notificaciones@btgpactual.example');
    expect(mail.text).toContain(
      'Su suscripción al fondo FPV_BTG_PACTUAL_RECAUDADORA por $ 75.000 quedó registrada',
    );
    expect(mail.text).toContain('(hora de Bogotá)');
    expect(mail.text).toContain(`Id de transacción: ${TX}`);
    expect(mail.html).toContain('FPV_BTG_PACTUAL_RECAUDADORA por $ 75.000');
    expect(mail.messageId).toBe(`<notification.${TX}@btgpactual.example>`);
    expect(mail.headers.get('x-transaction-id')).toBe(TX);
  });

  it('sends many messages over one pooled connection, and opens a few when they are sent at once', async () => {
    const pooled = sender();
    for (let i = 0; i < 6; i += 1) await pooled.send(outgoing());
    expect(server.received).toHaveLength(6);
    expect(server.connections()).toBe(1);
    expect(server.logins).toEqual(['mailer']);

    await Promise.all(Array.from({ length: 12 }, () => pooled.send(outgoing())));
    expect(server.received).toHaveLength(18);
    // At most five at once (ADR 0723): more than one, never one per message.
    expect(server.connections()).toBeGreaterThan(1);
    expect(server.connections()).toBeLessThanOrEqual(5);
  });

  it('accepts SMTP_URL-style configuration', async () => {
    const viaUrl = tracked(
      new SmtpEmailSender({
        connection: { url: `smtp://mailer:s3cret@127.0.0.1:${server.port}` },
        from: 'notificaciones@btgpactual.example',
      }),
    );
    await viaUrl.send(outgoing({ transactionType: 'cancellation' }));
    expect(server.received[0]?.mail.subject).toBe(
      'Cancelación confirmada del fondo FPV_BTG_PACTUAL_RECAUDADORA',
    );
  });

  it('gives every retry of one notification the same Message-ID', async () => {
    await sender().send(outgoing());
    await sender().send(outgoing());
    const ids = server.received.map((r) => r.mail.messageId);
    expect(ids).toEqual([ids[0], ids[0]]);
  });

  it.each([
    ['rcpt', 451, true],
    ['data', 451, true],
    ['rcpt', 550, false],
    ['data', 554, false],
  ] as const)(
    'maps a %s-stage %i reply to retryable=%s',
    async (stage, responseCode, retryable) => {
      server.failures.push({ stage, responseCode, message: 'Rejected for the test' });
      const failure = await sender()
        .send(outgoing())
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(NotificationDeliveryError);
      expect(failure).toMatchObject({ retryable });
      expect((failure as Error).message).toContain(String(responseCode));
      expect(server.received).toHaveLength(0);
    },
  );

  it('keeps a wrong password retryable: the fault is ours, not the recipient’s', async () => {
    const wrong = tracked(
      new SmtpEmailSender({
        connection: { url: `smtp://mailer:wrong@127.0.0.1:${server.port}` },
        from: FROM,
      }),
    );
    await expect(wrong.send(outgoing())).rejects.toMatchObject({ retryable: true });
  });
});

describe('SmtpEmailSender without a server', () => {
  it('reports a refused connection as retryable', async () => {
    const port = await closedPort();
    const sender = new SmtpEmailSender({
      connection: { host: '127.0.0.1', port, secure: false },
      from: FROM,
      timeoutMs: 2_000,
    });
    await expect(sender.send(outgoing())).rejects.toMatchObject({
      name: 'NotificationDeliveryError',
      retryable: true,
    });
  });
});
