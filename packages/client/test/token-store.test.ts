import { describe, expect, it } from 'vitest';
import { webStorageTokenStore, type KeyValueStorage } from '../src/index.js';

/** Web Storage's contract over a Map: strings in, strings out. */
function fakeStorage(): KeyValueStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
    removeItem: (key) => void entries.delete(key),
  };
}

describe('webStorageTokenStore', () => {
  it('keeps the session across store instances (a reload) and forgets it on null', () => {
    const storage = fakeStorage();
    const tokens = { accessToken: 'a', refreshToken: 'r' };
    webStorageTokenStore(storage).set(tokens);
    expect(webStorageTokenStore(storage).get()).toEqual(tokens);
    webStorageTokenStore(storage).set(null);
    expect(webStorageTokenStore(storage).get()).toBeNull();
    expect(storage.entries.size).toBe(0);
  });

  it('treats an unreadable entry as no session and removes it', () => {
    const storage = fakeStorage();
    for (const junk of ['{', 'null', '{"accessToken":1}', '"texto"']) {
      storage.setItem('btg-funds.session', junk);
      expect(webStorageTokenStore(storage).get()).toBeNull();
      expect(storage.entries.has('btg-funds.session')).toBe(false);
    }
  });
});
