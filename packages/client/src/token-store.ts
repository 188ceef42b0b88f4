/** What a signed-in client holds. */
export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Where the session lives. Synchronous on purpose: memory and Web Storage both are. */
export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens | null): void;
}

/** The default: the session lives as long as the client object. */
export function memoryTokenStore(initial: Tokens | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
  };
}

/** The part of the Web Storage API the store needs (sessionStorage, localStorage, a fake). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The session in Web Storage, e.g. `webStorageTokenStore(sessionStorage)`: it survives a reload
 * of the tab and dies with it. Anything unreadable under the key counts as no session.
 */
export function webStorageTokenStore(
  storage: KeyValueStorage,
  key = 'btg-funds.session',
): TokenStore {
  return {
    get: () => {
      const raw = storage.getItem(key);
      if (raw === null) return null;
      try {
        const value = JSON.parse(raw) as Partial<Tokens> | null;
        if (typeof value?.accessToken === 'string' && typeof value.refreshToken === 'string') {
          return { accessToken: value.accessToken, refreshToken: value.refreshToken };
        }
      } catch {
        // fall through: a corrupt entry is removed below
      }
      storage.removeItem(key);
      return null;
    },
    set: (tokens) => {
      if (tokens === null) storage.removeItem(key);
      else {
        const { accessToken, refreshToken } = tokens;
        storage.setItem(key, JSON.stringify({ accessToken, refreshToken }));
      }
    },
  };
}
