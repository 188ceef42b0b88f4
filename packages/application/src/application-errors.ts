import type { NotificationChannel } from '@btg-funds/domain';
import { ApplicationError } from './errors.js';
import { StorageUnavailable } from './ports/storage-unavailable.js';

/**
 * Every outcome the application decides, with its Spanish text written once (the catalogue of
 * the application layer; the domain's rules are in DomainErrors). Exported as
 * `ApplicationErrors`. Adapters never build these: they throw port errors (DuplicateEmail,
 * NotFound, …) and the use case maps them here.
 */

const fail = (code: ApplicationError['code'], message: string, details = {}) =>
  new ApplicationError(code, message, details);

// Clients, sign-in and sessions

export const clientNotFound = () => fail('CLIENT_NOT_FOUND', 'El cliente no existe.');

export const emailTaken = () =>
  fail('EMAIL_TAKEN', 'Ya existe una cuenta registrada con ese correo.');

export const invalidCredentials = () =>
  fail('INVALID_CREDENTIALS', 'Correo o contraseña incorrectos.');

export const invalidRefreshToken = () =>
  fail('INVALID_REFRESH_TOKEN', 'La sesión no es válida o expiró.');

export const tooManyLoginFailures = (retryAfterSeconds: number) =>
  fail(
    'TOO_MANY_LOGIN_FAILURES',
    `Demasiados intentos fallidos. Intente de nuevo en ${describeWait(retryAfterSeconds)}.`,
    { retryAfterSeconds },
  );

const invalidPassword = (message: string) =>
  fail('INVALID_PASSWORD', message, { path: 'password' });

export const passwordLength = (min: number, max: number) =>
  invalidPassword(`La contraseña debe tener entre ${min} y ${max} caracteres.`);

export const passwordTooManyBytes = (maxBytes: number) =>
  invalidPassword(`La contraseña no puede ocupar más de ${maxBytes} bytes en UTF-8.`);

export const breachedPassword = () =>
  invalidPassword(
    'Esa contraseña aparece entre las más usadas en filtraciones conocidas y es fácil de adivinar. Elija otra.',
  );

// Funds and history

export const fundNotFound = (fundId: string) =>
  fail('FUND_NOT_FOUND', `El fondo ${fundId} no existe.`, { fundId });

export const fundAlreadyExists = (fundId: string) =>
  fail('FUND_ALREADY_EXISTS', `Ya existe un fondo con id ${fundId}.`, { fundId });

export const transactionNotFound = (transactionId: string) =>
  fail('TRANSACTION_NOT_FOUND', 'La transacción no existe.', { transactionId });

export const invalidLimit = (max: number) =>
  fail('VALIDATION_ERROR', `El parámetro limit debe estar entre 1 y ${max}.`, { path: 'limit' });

export const invalidCursor = () =>
  fail('INVALID_CURSOR', 'El cursor de paginación no es válido.', { path: 'cursor' });

// Money operations: idempotency keys, contention, the store

export const invalidIdempotencyKey = () =>
  fail(
    'VALIDATION_ERROR',
    'El encabezado Idempotency-Key debe tener entre 1 y 255 caracteres ASCII visibles.',
    { path: 'Idempotency-Key' },
  );

export const idempotencyKeyReused = () =>
  fail('IDEMPOTENCY_KEY_REUSED', 'La clave de idempotencia ya se usó con una solicitud diferente.');

export const idempotencyKeyInFlight = () =>
  fail(
    'IDEMPOTENCY_KEY_IN_FLIGHT',
    'Una solicitud con esta clave de idempotencia aún está en proceso.',
  );

export const concurrentModification = () =>
  fail(
    'CONCURRENT_MODIFICATION',
    'La cuenta está recibiendo muchas operaciones simultáneas. Intente de nuevo.',
  );

export const tooManyPendingOperations = () =>
  fail(
    'TOO_MANY_PENDING_OPERATIONS',
    'Tiene demasiadas operaciones en curso. Espere a que terminen e intente de nuevo.',
  );

/** The deadline passed before any append was sent: nothing written, an outage (503). */
export const storageTooSlow = () =>
  new StorageUnavailable('La base de datos respondió demasiado tarde; no se aplicó nada.');

// Verified destinations (ADR 0405)

export const alreadyVerified = (channel: NotificationChannel) =>
  fail(
    'ALREADY_VERIFIED',
    channel === 'email' ? 'Su correo ya está verificado.' : 'Su teléfono ya está verificado.',
  );

export const smsCountryNotAllowed = (countryCodes: readonly string[]) =>
  fail(
    'SMS_COUNTRY_NOT_ALLOWED',
    `Solo enviamos SMS a números con indicativo ${countryCodes.map((c) => `+${c}`).join(', ')}.`,
  );

export const verificationResendTooSoon = (retryAfterSeconds: number) =>
  fail(
    'VERIFICATION_RESEND_TOO_SOON',
    `Ya le enviamos un código. Podrá pedir otro en ${retryAfterSeconds} segundos.`,
    { retryAfterSeconds },
  );

export const dailyLimitReached = (retryAfterSeconds: number) =>
  fail(
    'DAILY_LIMIT_REACHED',
    'Se alcanzó el máximo de códigos de hoy para este destino. Intente mañana.',
    { retryAfterSeconds },
  );

export const destinationRejected = (channel: NotificationChannel) =>
  fail(
    'DESTINATION_REJECTED',
    channel === 'email'
      ? 'No pudimos entregar el código a ese correo: el servidor de correo lo rechazó.'
      : 'No pudimos entregar el código a ese número: el operador lo rechazó.',
  );

export const verificationNotSent = () =>
  fail(
    'VERIFICATION_NOT_SENT',
    'No pudimos enviar el código en este momento. Intente de nuevo en un minuto.',
    { retryAfterSeconds: 60 },
  );

export const verificationCodeLocked = () =>
  fail(
    'VERIFICATION_CODE_LOCKED',
    'Se agotaron los intentos para este código. Pida un código nuevo.',
  );

export const verificationCodeInvalid = (attemptsLeft: number) =>
  fail(
    'VERIFICATION_CODE_INVALID',
    attemptsLeft > 0
      ? `El código no es correcto. Le quedan ${attemptsLeft} intentos.`
      : 'El código no es correcto. Se agotaron los intentos: pida un código nuevo.',
    { attemptsLeft, path: 'code' },
  );

export const verificationCodeExpired = () =>
  fail('VERIFICATION_CODE_EXPIRED', 'El código venció o ya no es válido. Pida un código nuevo.');

function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} segundos`;
  return `${Math.ceil(seconds / 60)} minutos`;
}
