import {
  createBtgClient,
  webStorageTokenStore,
  type BtgClient,
  type KeyValueStorage,
} from '@btg-funds/client';

export interface AppClientOptions {
  /** '' (default): the page's own origin — the API serves the app (ADR 0213). */
  readonly baseUrl?: string;
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * The app's one client: same origin as the page, the session in sessionStorage so a reload keeps
 * it and closing the tab ends it (ADR 0211).
 */
export function createAppClient(
  storage: KeyValueStorage,
  options: AppClientOptions = {},
): BtgClient {
  return createBtgClient({
    baseUrl: options.baseUrl ?? '',
    tokenStore: webStorageTokenStore(storage),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  });
}
