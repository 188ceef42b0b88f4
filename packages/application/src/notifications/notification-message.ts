import type { NotificationRecord, OutgoingNotification } from '../ports/index.js';
import { htmlEmail } from './html-email.js';
import { MinuteParts } from './minute-parts.js';

/** One SMS segment in the GSM-7 alphabet; beyond it a message is split and billed per part. */
export const SMS_SEGMENT_LENGTH = 160;

/**
 * A date in Bogotá down to the minute. hourCycle h23 and formatToParts: no "p. m." with
 * non-breaking spaces, whatever the ICU data.
 */
const bogotaMinutes = (date: Pick<Intl.DateTimeFormatOptions, 'month' | 'day'>) =>
  new MinuteParts(
    new Intl.DateTimeFormat('es-CO', {
      timeZone: 'America/Bogota',
      year: 'numeric',
      ...date,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
  );
const BOGOTA = bogotaMinutes({ month: 'long', day: 'numeric' });
const BOGOTA_NUMERIC = bogotaMinutes({ month: '2-digit', day: '2-digit' });

/** The Spanish message for a committed subscription or cancellation (email or SMS). */
export function composeNotification(record: NotificationRecord): OutgoingNotification {
  const subscribed = record.transactionType === 'subscription';
  const fund = singleLine(record.fundName);
  const amount = record.amount.format();
  const when = longDate(record.occurredAt);
  const subject = subscribed
    ? `Suscripción confirmada al fondo ${fund}`
    : `Cancelación confirmada del fondo ${fund}`;
  const sentences = subscribed
    ? [
        `Su suscripción al fondo ${fund} por ${amount} quedó registrada el ${when} (hora de Bogotá).`,
      ]
    : [
        `Su suscripción al fondo ${fund} fue cancelada el ${when} (hora de Bogotá).`,
        `Se reintegraron ${amount} a su saldo disponible.`,
      ];
  const idLine = `Id de transacción: ${record.transactionId}`;
  const footer = 'Este es un mensaje automático de BTG Pactual; por favor no lo responda.';
  const text = ['Hola,', sentences.join(' '), idLine, footer].join('\n\n');
  const html = htmlEmail([
    `<p>${escapeHtml(sentences.join(' '))}</p>`,
    `<p>Id de transacción: <code>${escapeHtml(record.transactionId)}</code></p>`,
    `<p><small>${escapeHtml(footer)}</small></p>`,
  ]);
  return {
    channel: record.channel,
    destination: record.destination,
    transactionId: record.transactionId,
    subject,
    text: record.channel === 'sms' ? smsText(record) : text,
    html,
  };
}

/**
 * The SMS body: GSM-7 only (no á, í, ó, ú, which would switch to UCS-2 and 70 characters) and
 * within one segment. Detail is dropped, richest first, until it fits: the date, then the
 * full transaction id (its first 8 characters still find it), then the fund name is cut.
 */
export function smsText(record: NotificationRecord): string {
  const subscribed = record.transactionType === 'subscription';
  const fund = toGsm7(singleLine(record.fundName));
  const amount = record.amount.format();
  const when = numericDate(record.occurredAt);
  const build = (fundName: string, date: boolean, id: string): string =>
    subscribed
      ? `BTG Pactual: suscripcion al fondo ${fundName} por ${amount} confirmada${date ? ` el ${when}` : ''}. Tx ${id}`
      : `BTG Pactual: cancelacion del fondo ${fundName}${date ? ` el ${when}` : ''}, reintegro ${amount}. Tx ${id}`;
  const shortId = record.transactionId.slice(0, 8);
  for (const candidate of [
    build(fund, true, record.transactionId),
    build(fund, false, record.transactionId),
    build(fund, false, shortId),
  ]) {
    if (candidate.length <= SMS_SEGMENT_LENGTH) return candidate;
  }
  const room = SMS_SEGMENT_LENGTH - build('', false, shortId).length;
  const cut = room >= 4 ? `${fund.slice(0, room - 3)}...` : '';
  return build(cut, false, shortId).slice(0, SMS_SEGMENT_LENGTH);
}

function longDate(at: Date): string {
  const p = BOGOTA.of(at);
  return `${p.day} de ${p.month} de ${p.year} a las ${p.hour}:${p.minute}`;
}

function numericDate(at: Date): string {
  const p = BOGOTA_NUMERIC.of(at);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Fund names are data: never let one break a header line or an SMS. */
function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

// Printable characters of the GSM 03.38 basic set that need no escape (one septet each).
const GSM7_BASIC = /[A-Za-z0-9 @£$¥!"#%&'()*+,\-./:;<=>?¡¿_§ÄÖÑÜäöñüàèéùìòÇØøÅåÆæßÉ]/;

/** Strips accents (á → a) and replaces whatever is still outside the basic set with "?". */
export function toGsm7(text: string): string {
  return Array.from(text.normalize('NFD').replace(/\p{M}/gu, ''))
    .map((c) => (GSM7_BASIC.test(c) ? c : '?'))
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
