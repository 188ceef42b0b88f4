import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import type { NotificationRecord } from '../ports/index.js';
import {
  composeNotification,
  SMS_SEGMENT_LENGTH,
  smsText,
  toGsm7,
} from './notification-message.js';

const TX = '0b6f3c1e-8d4a-4f6b-9a51-2c7d9e0f1a23';

function record(overrides: Partial<NotificationRecord> = {}): NotificationRecord {
  const at = new Date('2025-11-27T17:42:00Z'); // 12:42 in Bogotá (UTC-5, no DST)
  return {
    id: 'n-1',
    clientId: 'c-1',
    transactionId: TX,
    transactionType: 'subscription',
    fundName: 'FPV_BTG_PACTUAL_RECAUDADORA',
    amount: Money.parse('75000'),
    occurredAt: at,
    channel: 'email',
    destination: 'juan.perez@example.com',
    status: 'pending',
    attempts: 0,
    createdAt: at,
    sentAt: null,
    nextAttemptAt: at,
    lastError: null,
    reason: null,
    ...overrides,
  };
}

// Characters outside the GSM-7 basic set would turn the SMS into UCS-2 (70 per segment).
const GSM7_ONLY = /^[A-Za-z0-9 @$!"#%&'()*+,\-./:;<=>?_]*$/;

describe('composeNotification (email)', () => {
  it('confirms a subscription in Spanish with fund, amount, id and the time in Bogotá', () => {
    const message = composeNotification(record());
    expect(message.subject).toBe('Suscripción confirmada al fondo FPV_BTG_PACTUAL_RECAUDADORA');
    expect(message.text).toContain(
      'Su suscripción al fondo FPV_BTG_PACTUAL_RECAUDADORA por $ 75.000 quedó registrada el 27 de noviembre de 2025 a las 12:42 (hora de Bogotá).',
    );
    expect(message.text).toContain(`Id de transacción: ${TX}`);
    expect(message.html).toContain('$ 75.000');
    expect(message.html).toContain(`<code>${TX}</code>`);
    expect(message).toMatchObject({
      channel: 'email',
      destination: 'juan.perez@example.com',
      transactionId: TX,
    });
  });

  it('confirms a cancellation and the refund', () => {
    const message = composeNotification(record({ transactionType: 'cancellation' }));
    expect(message.subject).toBe('Cancelación confirmada del fondo FPV_BTG_PACTUAL_RECAUDADORA');
    expect(message.text).toContain('fue cancelada el 27 de noviembre de 2025 a las 12:42');
    expect(message.text).toContain('Se reintegraron $ 75.000 a su saldo disponible.');
  });

  it('uses the Bogotá date even when it is already the next day in UTC', () => {
    const message = composeNotification(record({ occurredAt: new Date('2025-12-01T03:05:00Z') }));
    expect(message.text).toContain('30 de noviembre de 2025 a las 22:05');
  });

  it('escapes the fund name in HTML and keeps it on one line in the subject', () => {
    const message = composeNotification(record({ fundName: 'A<b>&\r\nBcc: x@y.co' }));
    expect(message.html).toContain('A&#60;b&#62;&#38; Bcc: x@y.co');
    expect(message.subject).not.toMatch(/[\r\n]/);
  });
});

describe('composeNotification (sms)', () => {
  it('fits one GSM-7 segment with fund, amount, date and the full transaction id', () => {
    const text = composeNotification(record({ channel: 'sms', destination: '+573001234567' })).text;
    expect(text).toBe(
      `BTG Pactual: suscripcion al fondo FPV_BTG_PACTUAL_RECAUDADORA por $ 75.000 confirmada el 27/11/2025 12:42. Tx ${TX}`,
    );
    expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT_LENGTH);
    expect(text).toMatch(GSM7_ONLY);
  });

  it('drops detail rather than spilling into a second segment', () => {
    const long = record({
      channel: 'sms',
      transactionType: 'cancellation',
      fundName:
        'Fondo de Inversión Colectiva Acciones Globales Sostenibles y Dinámicas de Largo Plazo Clase B',
      amount: Money.parse('123456789012.50'),
    });
    const text = smsText(long);
    expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT_LENGTH);
    expect(text).toMatch(GSM7_ONLY);
    expect(text).toContain('$ 123.456.789.012,50');
    expect(text).toContain(`Tx ${TX.slice(0, 8)}`);
  });

  it('transliterates accents and replaces characters outside GSM-7', () => {
    expect(toGsm7('Acción €uro ~ñ')).toBe('Accion ?uro ?n');
  });
});
