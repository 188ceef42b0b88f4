import {
  createBtgClient,
  webStorageTokenStore,
  type BtgClient,
  type KeyValueStorage,
} from '@btg-funds/client';

/**
 * The app's one client: same origin as the page (the API serves the app), the session in
 * sessionStorage so a reload keeps it and closing the tab ends it (ADR 0211).
 */
export function createAppClient(
  storage: KeyValueStorage,
  fetch?: typeof globalThis.fetch,
): BtgClient {
  return createBtgClient({
    baseUrl: '',
    tokenStore: webStorageTokenStore(storage),
    ...(fetch !== undefined && { fetch }),
  });
}
