import { FixedClock } from '@btg-funds/application/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ephemeralJwtKeys,
  JoseTokenIssuer,
  JoseTokenVerifier,
  type JwtSettings,
} from '../src/index.js';
import { VerifiedTokenCache } from '../src/verified-token-cache.js';

const TTL = 900;
const TOLERANCE = 5;

describe('JoseTokenVerifier cache of verified tokens (ADR 0700)', () => {
  let clock: FixedClock;
  let settings: JwtSettings;
  let issuer: JoseTokenIssuer;
  beforeEach(() => {
    clock = new FixedClock('2026-01-15T15:00:00.000Z');
    settings = {
      ...ephemeralJwtKeys(),
      issuer: 'btg-funds-test',
      audience: 'btg-funds-api',
      accessTtlSeconds: TTL,
      clockToleranceSeconds: TOLERANCE,
      now: () => clock.now(),
    };
    issuer = new JoseTokenIssuer(settings);
  });
  const issue = async (clientId = 'c-1') =>
    (await issuer.issue({ clientId, role: 'client' })).token;

  it('remembers a verified token and answers the same claims from the cache', async () => {
    const verifier = new JoseTokenVerifier(settings);
    const token = await issue();
    const first = await verifier.verify(token);
    expect(verifier.cachedTokens).toBe(1);
    expect(await verifier.verify(token)).toEqual(first);
    expect(first).toEqual({ clientId: 'c-1', role: 'client' });
    expect(verifier.cachedTokens).toBe(1);
  });

  it('a cached token still fails once it has expired', async () => {
    const verifier = new JoseTokenVerifier(settings);
    const token = await issue();
    await verifier.verify(token);
    clock.advance((TTL + TOLERANCE + 1) * 1000);
    await expect(verifier.verify(token)).rejects.toThrow();
    expect(verifier.cachedTokens).toBe(0);
  });

  it('an entry never outlives exp: inside the clock tolerance jose decides, and nothing is cached', async () => {
    const verifier = new JoseTokenVerifier(settings);
    const token = await issue();
    await verifier.verify(token);
    clock.advance((TTL + 1) * 1000); // past exp, within the 5 s tolerance
    await expect(verifier.verify(token)).resolves.toEqual({ clientId: 'c-1', role: 'client' });
    expect(verifier.cachedTokens).toBe(0);
  });

  it('rejects an edited token although the genuine one is cached', async () => {
    const verifier = new JoseTokenVerifier(settings);
    const token = await issue();
    await verifier.verify(token);
    const [head, payload, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
    const escalated = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
      'base64url',
    );
    await expect(verifier.verify(`${head}.${escalated}.${sig}`)).rejects.toThrow();
    // One flipped character of the signature, too.
    const last = sig.at(-2) === 'A' ? 'B' : 'A';
    await expect(
      verifier.verify(`${head}.${payload}.${sig.slice(0, -2)}${last}${sig.at(-1)}`),
    ).rejects.toThrow();
    expect(verifier.cachedTokens).toBe(1);
  });

  it('never caches a failure', async () => {
    const verifier = new JoseTokenVerifier(settings);
    const other = new JoseTokenIssuer({ ...settings, ...ephemeralJwtKeys() });
    const foreign = (await other.issue({ clientId: 'c-1', role: 'client' })).token;
    await expect(verifier.verify(foreign)).rejects.toThrow();
    await expect(verifier.verify(foreign)).rejects.toThrow();
    expect(verifier.cachedTokens).toBe(0);
  });

  it('stays within its bound, evicting the least recently used token', async () => {
    const verifier = new JoseTokenVerifier(settings, { cacheSize: 3 });
    const tokens = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => issue(id)));
    for (const token of tokens) await verifier.verify(token);
    expect(verifier.cachedTokens).toBe(3);
    // Evicted tokens still verify (the slow way) and come back in.
    expect(await verifier.verify(tokens[0]!)).toEqual({ clientId: 'a', role: 'client' });
    expect(verifier.cachedTokens).toBe(3);
  });

  it('cacheSize 0 turns the cache off', async () => {
    const verifier = new JoseTokenVerifier(settings, { cacheSize: 0 });
    await verifier.verify(await issue());
    expect(verifier.cachedTokens).toBe(0);
  });

  it('verifies HS256 tokens with the imported key as well', async () => {
    const hmac: JwtSettings = {
      ...settings,
      ...(await import('../src/index.js')).jwtKeysFrom({ secret: 'x'.repeat(40) }),
    };
    const token = (await new JoseTokenIssuer(hmac).issue({ clientId: 'c-9', role: 'admin' })).token;
    expect(await new JoseTokenVerifier(hmac).verify(token)).toEqual({
      clientId: 'c-9',
      role: 'admin',
    });
    await expect(new JoseTokenVerifier(settings).verify(token)).rejects.toThrow();
  });
});

describe('VerifiedTokenCache', () => {
  const claims = { clientId: 'c-1', role: 'client' } as const;

  it('keeps a hit entry over an older unused one when full', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', claims, 10_000, 0);
    cache.set('b', claims, 10_000, 0);
    expect(cache.get('a', 1)).toEqual(claims);
    cache.set('c', claims, 10_000, 1);
    expect(cache.get('b', 2)).toBeUndefined();
    expect(cache.get('a', 2)).toEqual(claims);
    expect(cache.get('c', 2)).toEqual(claims);
    expect(cache.size).toBe(2);
  });

  it('gives a used entry a second chance: it outlives unused older and newer ones', () => {
    const cache = new VerifiedTokenCache(3);
    for (const t of ['a', 'b', 'c']) cache.set(t, claims, 10_000, 0);
    expect(cache.get('a', 1)).toEqual(claims);
    cache.set('d', claims, 10_000, 1); // a is passed over (its flag cleared), b goes
    cache.set('e', claims, 10_000, 1); // c goes: a was moved behind it
    expect(cache.get('b', 2)).toBeUndefined();
    expect(cache.get('c', 2)).toBeUndefined();
    expect(cache.get('a', 2)).toEqual(claims);
    // a's flag is set again by that hit; d and e were never used, so d goes next, then e.
    cache.set('f', claims, 10_000, 2);
    expect(cache.get('d', 3)).toBeUndefined();
    expect(cache.get('a', 3)).toEqual(claims);
    expect(cache.size).toBe(3);
  });

  it('when every entry was used, one pass clears the flags and the oldest stored goes', () => {
    const cache = new VerifiedTokenCache(3);
    for (const t of ['a', 'b', 'c']) cache.set(t, claims, 10_000, 0);
    // Used newest first: a strict LRU would now evict c; the clock evicts by storage order.
    for (const t of ['c', 'b', 'a']) expect(cache.get(t, 1)).toEqual(claims);
    cache.set('d', claims, 10_000, 1);
    expect(cache.size).toBe(3);
    expect(cache.get('a', 2)).toBeUndefined();
    for (const t of ['b', 'c', 'd']) expect(cache.get(t, 2)).toEqual(claims);
  });

  it('a hit never writes the map: no key of a request is stored, no table rebuilt', () => {
    const cache = new VerifiedTokenCache(4);
    const header = `Bearer ${'x'.repeat(200)}`;
    cache.set(header.slice(7), claims, 10_000, 0);
    const set = vi.spyOn(Map.prototype, 'set');
    const remove = vi.spyOn(Map.prototype, 'delete');
    try {
      // Each request brings its own copy of the token, as a header read does.
      for (let i = 0; i < 100; i += 1) {
        expect(cache.get(`Bearer ${'x'.repeat(200)}`.slice(7), 1 + i)).toEqual(claims);
      }
      expect(set).not.toHaveBeenCalled();
      expect(remove).not.toHaveBeenCalled();
    } finally {
      set.mockRestore();
      remove.mockRestore();
    }
  });

  it('finds an entry by the tail of its token, but only the whole token is a hit (ADR 0738)', () => {
    const cache = new VerifiedTokenCache(4);
    const tail = 'S'.repeat(24);
    cache.set(`header.claims.${tail}`, claims, 10_000, 0);
    expect(cache.get(`header.claims.${tail}`, 1)).toEqual(claims);
    // Same tail (so the same key), another token: a miss, and the entry stays.
    expect(cache.get(`header.other.${tail}`, 1)).toBeUndefined();
    expect(cache.get(`x${tail}`, 1)).toBeUndefined();
    expect(cache.get(`header.claims.${tail}`, 2)).toEqual(claims);
    // Storing the other one replaces it: one entry per key.
    cache.set(`header.other.${tail}`, claims, 10_000, 2);
    expect(cache.size).toBe(1);
    expect(cache.get(`header.claims.${tail}`, 3)).toBeUndefined();
    expect(cache.get(`header.other.${tail}`, 3)).toEqual(claims);
  });

  it('evicts a dead entry before a live one, even a used dead one', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('short', claims, 100, 0);
    cache.set('long', claims, 10_000, 0);
    expect(cache.get('short', 50)).toEqual(claims);
    cache.set('new', claims, 10_000, 200);
    expect(cache.get('long', 201)).toEqual(claims);
    expect(cache.get('new', 201)).toEqual(claims);
    expect(cache.size).toBe(2);
  });

  it('drops an entry looked up at or after its end, and refuses one already dead', () => {
    const cache = new VerifiedTokenCache(10);
    cache.set('a', claims, 1_000, 0);
    expect(cache.get('a', 999)).toEqual(claims);
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('b', claims, 1_000, 1_000);
    expect(cache.size).toBe(0);
  });

  it('never grows past its bound', () => {
    const cache = new VerifiedTokenCache(100);
    for (let i = 0; i < 1_000; i += 1) cache.set(`t${i}`, claims, 10_000, 0);
    expect(cache.size).toBe(100);
    expect(cache.get('t999', 1)).toEqual(claims);
    expect(cache.get('t0', 1)).toBeUndefined();
  });

  it('refuses a nonsensical size', () => {
    expect(() => new VerifiedTokenCache(-1)).toThrow();
    expect(() => new VerifiedTokenCache(1.5)).toThrow();
  });
});

describe('VerifiedTokenCache eviction cost', () => {
  it('passes over a full cache of used entries with one iterator, not one per moved entry', () => {
    const size = 2_000;
    const claims = { clientId: 'c-1', role: 'client' } as const;
    const cache = new VerifiedTokenCache(size);
    for (let i = 0; i < size; i += 1) cache.set(`t${i}`, claims, 10_000, 0);
    for (let i = 0; i < size; i += 1) expect(cache.get(`t${i}`, 1)).toEqual(claims);
    // A fresh iterator per step walks again past every hole the earlier moves left at the front
    // of the map's table: ~size²/2 steps for one eviction.
    const entries = vi.spyOn(Map.prototype, 'entries');
    const keys = vi.spyOn(Map.prototype, 'keys');
    const iterate = vi.spyOn(Map.prototype, Symbol.iterator);
    try {
      cache.set('new', claims, 10_000, 2);
      expect(entries.mock.calls.length + keys.mock.calls.length + iterate.mock.calls.length).toBe(
        1,
      );
    } finally {
      entries.mockRestore();
      keys.mockRestore();
      iterate.mockRestore();
    }
    // Every flag was cleared on the way, so the oldest stored went and the rest stayed.
    expect(cache.size).toBe(size);
    expect(cache.get('t0', 3)).toBeUndefined();
    expect(cache.get('t1', 3)).toEqual(claims);
    expect(cache.get('new', 3)).toEqual(claims);
  });
});
