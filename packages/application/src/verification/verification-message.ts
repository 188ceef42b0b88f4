import { htmlEmail } from '../notifications/html-email.js';
import type { OutgoingNotification, VerificationChallenge } from '../ports/index.js';

/**
 * The message that carries a code, in Spanish; the SMS in plain GSM-7 and one segment. The
 * challenge id stands in for a transaction id (Message-ID, de-duplication by the provider).
 */
export function composeVerificationMessage(
  challenge: VerificationChallenge,
  code: string,
): OutgoingNotification {
  const minutes = Math.round(
    (challenge.expiresAt.getTime() - challenge.createdAt.getTime()) / 60_000,
  );
  const subject = 'Su código de verificación de BTG Pactual';
  const sentence = `Su código de verificación es ${code}. Vence en ${minutes} minutos.`;
  const warning =
    'Nadie de BTG Pactual se lo pedirá: no lo comparta. Si usted no lo pidió, ignore este mensaje.';
  const text =
    challenge.channel === 'sms'
      ? `BTG Pactual: su codigo de verificacion es ${code}. Vence en ${minutes} minutos. No lo comparta.`
      : ['Hola,', sentence, warning].join('\n\n');
  const html = htmlEmail([
    `<p>Su código de verificación es <strong>${code}</strong>. Vence en ${minutes} minutos.</p>`,
    `<p><small>${warning}</small></p>`,
  ]);
  return {
    channel: challenge.channel,
    destination: challenge.destination,
    transactionId: challenge.id,
    subject,
    text,
    html,
  };
}
