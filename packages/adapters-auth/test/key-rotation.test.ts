import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  JoseTokenIssuer,
  JoseTokenVerifier,
  jwtKeysFrom,
  keyIdOf,
  type JwtSettings,
} from '../src/index.js';

const NOW = new Date('2026-01-15T15:00:00.000Z');
const CLAIMS = { clientId: 'client-1', role: 'client' as const };

function settingsFor(
  signing: { privateKey: KeyObject; publicKey: KeyObject },
  previous: KeyObject[] = [],
): JwtSettings {
  return {
    algorithm: 'EdDSA',
    signingKey: signing.privateKey,
    verificationKey: signing.publicKey,
    previousVerificationKeys: previous,
    issuer: 'btg-funds',
    audience: 'btg-funds-api',
    accessTtlSeconds: 900,
    clockToleranceSeconds: 5,
    now: () => NOW,
  };
}

const pair = () => generateKeyPairSync('ed25519');
const pemOf = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

describe('signing-key rotation (ADR 0200)', () => {
  it('names the signing key in kid: its RFC 7638 thumbprint', async () => {
    const current = pair();
    const { token } = await new JoseTokenIssuer(settingsFor(current)).issue(CLAIMS);
    expect(decodeProtectedHeader(token)).toMatchObject({
      alg: 'EdDSA',
      typ: 'at+jwt',
      kid: keyIdOf(current.publicKey),
    });
  });

  it('still accepts a token signed by the previous key once the new key is in place', async () => {
    const old = pair();
    const { token } = await new JoseTokenIssuer(settingsFor(old)).issue(CLAIMS);
    const rotated = new JoseTokenVerifier(settingsFor(pair(), [old.publicKey]));
    await expect(rotated.verify(token)).resolves.toEqual(CLAIMS);
  });

  it('refuses a kid it does not know, even when the signature matches a known key', async () => {
    const current = pair();
    const verifier = new JoseTokenVerifier(settingsFor(current));
    const stranger = pair();
    const { token: unknownKid } = await new JoseTokenIssuer(settingsFor(stranger)).issue(CLAIMS);
    await expect(verifier.verify(unknownKid)).rejects.toThrow('unknown signing key');
    // Signed by the current key but naming another kid: refused, never tried on other keys.
    const mislabelled = await new SignJWT({ role: 'client' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: keyIdOf(stranger.publicKey) })
      .setSubject('client-1')
      .setIssuer('btg-funds')
      .setAudience('btg-funds-api')
      .setIssuedAt(Math.floor(NOW.getTime() / 1000))
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 900)
      .sign(current.privateKey);
    await expect(verifier.verify(mislabelled)).rejects.toThrow('unknown signing key');
  });

  it('refuses a token that names the previous key but was signed by another', async () => {
    const old = pair();
    const forger = pair();
    const verifier = new JoseTokenVerifier(settingsFor(pair(), [old.publicKey]));
    const forged = await new SignJWT({ role: 'client' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: keyIdOf(old.publicKey) })
      .setSubject('client-1')
      .setIssuer('btg-funds')
      .setAudience('btg-funds-api')
      .setIssuedAt(Math.floor(NOW.getTime() / 1000))
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 900)
      .sign(forger.privateKey);
    await expect(verifier.verify(forged)).rejects.toThrow();
  });

  it('reads previous public keys from PEM blocks, with \\n escapes as env values carry them', () => {
    const current = pair();
    const [a, b] = [pair(), pair()];
    const escaped = (pemOf(a.publicKey) + pemOf(b.publicKey)).replace(/\n/g, '\\n');
    const keys = jwtKeysFrom({
      privateKeyPem: current.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      previousPublicKeysPem: escaped,
    });
    expect(keys.previousVerificationKeys?.map(keyIdOf)).toEqual([
      keyIdOf(a.publicKey),
      keyIdOf(b.publicKey),
    ]);
  });

  it('refuses previous keys that are not Ed25519 public keys, or with HS256', () => {
    const privatePem = pair().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(() =>
      jwtKeysFrom({ privateKeyPem: privatePem, previousPublicKeysPem: pemOf(rsa) }),
    ).toThrow('Ed25519');
    expect(() =>
      jwtKeysFrom({ privateKeyPem: privatePem, previousPublicKeysPem: 'not a key' }),
    ).toThrow('no PEM public key');
    expect(() =>
      jwtKeysFrom({ secret: 'x'.repeat(40), previousPublicKeysPem: pemOf(pair().publicKey) }),
    ).toThrow('JWT_PRIVATE_KEY');
  });
});
