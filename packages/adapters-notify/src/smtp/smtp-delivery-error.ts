import { NotificationDeliveryError } from '@btg-funds/application';

interface SmtpFailure {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly message?: unknown;
}

// Our side of the conversation (credentials, configuration, TLS): the recipient is not at
// fault and an operator may fix it within the retry window, so these stay retryable.
const OPERATOR_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'ETLS', 'EOAUTH2']);

/**
 * Maps a nodemailer failure to the port's error. RFC 5321: a 5yz reply is permanent (e.g. 550
 * mailbox unavailable) — retrying sends the same refusal; 4yz (451, 452, 421) and a dropped or
 * refused connection are transient. 503 (bad sequence) is a session problem, not a verdict.
 */
export function smtpDeliveryError(error: unknown): NotificationDeliveryError {
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? error : {};
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const reply = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const permanent =
    reply !== undefined &&
    reply >= 500 &&
    reply < 600 &&
    reply !== 503 &&
    !OPERATOR_CODES.has(code ?? '');
  const detail = typeof failure.message === 'string' ? failure.message : String(error);
  const label = [code, reply].filter((part) => part !== undefined).join(' ');
  return new NotificationDeliveryError(
    `SMTP delivery failed${label === '' ? '' : ` (${label})`}: ${detail}`,
    !permanent,
    { cause: error },
  );
}
