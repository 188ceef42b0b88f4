import { newIdempotencyKey } from '@btg-funds/client';
import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per intent: the same body sent again (a double click, "Reintentar" after
 * a timeout, a replay after a token refresh) keeps the key, so the server moves the money once;
 * a changed body (another amount) is a new intent and gets a new key — reusing the key with a
 * different body would be refused (IDEMPOTENCY_KEY_REUSED).
 */
export function useIntentKey(): (body: unknown) => string {
  const bound = useRef<{ readonly key: string; readonly body: string } | null>(null);
  return useCallback((body: unknown) => {
    const fingerprint = JSON.stringify(body);
    if (bound.current?.body !== fingerprint) {
      bound.current = { key: newIdempotencyKey(), body: fingerprint };
    }
    return bound.current.key;
  }, []);
}
