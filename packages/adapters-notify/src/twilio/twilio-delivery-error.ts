import { NotificationDeliveryError } from '@btg-funds/application';

interface TwilioFailure {
  readonly status?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/**
 * Maps a Twilio SDK failure to the port's error. A RestException carries the HTTP `status`
 * and Twilio's numeric `code`: 429 (rate limit) and 5xx are transient; other 4xx are a verdict
 * on this message (21211 invalid number, 21610 unsubscribed recipient…) and will not change,
 * except 401 (bad credentials), which is ours to fix. No status means the request never got
 * an answer (refused, reset, timed out): retryable.
 */
export function twilioDeliveryError(error: unknown): NotificationDeliveryError {
  const failure: TwilioFailure = typeof error === 'object' && error !== null ? error : {};
  const status = typeof failure.status === 'number' ? failure.status : undefined;
  const code = failure.code;
  const permanent =
    status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 429;
  const detail = typeof failure.message === 'string' ? failure.message : String(error);
  const label = [status === undefined ? undefined : `HTTP ${status}`, code]
    .filter((part) => part !== undefined && part !== null)
    .map(String)
    .join(', ');
  return new NotificationDeliveryError(
    `Twilio delivery failed${label === '' ? '' : ` (${label})`}: ${detail}`,
    !permanent,
    { cause: error },
  );
}
