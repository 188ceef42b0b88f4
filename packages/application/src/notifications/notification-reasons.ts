import type { NotificationReason } from '../ports/index.js';

/** What a person reads about a notification that was deliberately not sent (ADR 0405). */
export const NOTIFICATION_REASON_MESSAGES: Readonly<Record<NotificationReason, string>> = {
  DESTINATION_NOT_VERIFIED:
    'No se envió: el destino no está verificado. Verifique su correo o su teléfono en su perfil.',
  SMS_COUNTRY_NOT_ALLOWED: 'No se envió: no enviamos SMS a números de ese país.',
  DAILY_LIMIT_REACHED: 'No se envió: ese destino ya recibió el máximo de mensajes del día.',
};
