import type { NotificationRecord, OutgoingNotification } from '../ports/index.js';

const BOGOTA = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** The Spanish message for a committed subscription or cancellation. */
export function composeNotification(record: NotificationRecord): OutgoingNotification {
  const subscribed = record.transactionType === 'subscription';
  const amount = record.amount.format();
  const when = BOGOTA.format(record.occurredAt);
  const subject = subscribed
    ? `Suscripción confirmada al fondo ${record.fundName}`
    : `Cancelación confirmada del fondo ${record.fundName}`;
  const action = subscribed
    ? `Su suscripción al fondo ${record.fundName} por ${amount} quedó registrada`
    : `Su suscripción al fondo ${record.fundName} fue cancelada y se le reintegraron ${amount}`;
  const text = `${action} el ${when} (hora de Bogotá).\nId de transacción: ${record.transactionId}\n\nBTG Pactual`;
  // SMS: GSM-7 only (no á, í, ó, ú) so the message fits one 160-character segment.
  const sms = subscribed
    ? `BTG Pactual: suscripcion a ${record.fundName} por ${amount} confirmada. Tx ${record.transactionId.slice(0, 8)}`
    : `BTG Pactual: cancelacion de ${record.fundName}, reintegro ${amount}. Tx ${record.transactionId.slice(0, 8)}`;
  return {
    channel: record.channel,
    destination: record.destination,
    transactionId: record.transactionId,
    subject,
    text: record.channel === 'sms' ? sms : text,
    html: `<p>${escapeHtml(action)} el ${escapeHtml(when)} (hora de Bogotá).</p><p>Id de transacción: <code>${escapeHtml(record.transactionId)}</code></p><p>BTG Pactual</p>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
