import { describe, expect, it } from 'vitest';
import { ConsoleNotificationSender } from './console-notification-sender.js';

const notification = {
  channel: 'email',
  destination: 'juan.perez@example.com',
  transactionId: 'tx-1',
  subject: 'Suscripción confirmada al fondo DEUDAPRIVADA',
  text: 'Hola',
  html: '<p>Hola</p>',
} as const;

describe('ConsoleNotificationSender', () => {
  it('logs the message with the destination masked', async () => {
    const lines: Array<[string, Readonly<Record<string, unknown>>]> = [];
    await new ConsoleNotificationSender((message, fields) => lines.push([message, fields])).send(
      notification,
    );
    expect(lines).toHaveLength(1);
    const [, fields] = lines[0]!;
    expect(fields).toMatchObject({
      channel: 'email',
      destination: 'j***z@example.com',
      transactionId: 'tx-1',
      text: 'Hola',
    });
    expect(JSON.stringify(lines)).not.toContain('juan.perez');
  });

  it('masks phone numbers too', async () => {
    const lines: Array<Readonly<Record<string, unknown>>> = [];
    await new ConsoleNotificationSender((_m, fields) => lines.push(fields)).send({
      ...notification,
      channel: 'sms',
      destination: '+573001234567',
    });
    expect(lines[0]?.destination).toBe('+57******4567');
  });

  it('withholds the text when asked (production: a code must not reach the logs)', async () => {
    const lines: Array<[string, Readonly<Record<string, unknown>>]> = [];
    const code = { ...notification, text: 'Su código de verificación es 482913' };
    await new ConsoleNotificationSender((message, fields) => lines.push([message, fields]), {
      withholdText: true,
    }).send(code);
    expect(lines).toHaveLength(1);
    const [message, fields] = lines[0]!;
    expect(message).toMatch(/NOT delivered/);
    expect(fields).toMatchObject({ channel: 'email', destination: 'j***z@example.com' });
    expect(fields).not.toHaveProperty('text');
    expect(JSON.stringify(lines)).not.toContain('482913');
  });
});
