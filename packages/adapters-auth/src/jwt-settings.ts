import {
  createHash,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  webcrypto,
  type KeyObject,
} from 'node:crypto';

/**
 * The signing material and the claims every access token must carry. The algorithm is fixed
 * here, once: the verifier accepts only this one (RFC 8725 §3.1), never the token's choice.
 */
export interface JwtSettings {
  readonly algorithm: 'EdDSA' | 'HS256';
  readonly signingKey: KeyObject;
  readonly verificationKey: KeyObject;
  /**
   * Public keys that signed earlier (EdDSA only): tokens naming one of them in `kid` still verify,
   * so rotating the signing key logs nobody out (ADR 0200).
   */
  readonly previousVerificationKeys?: readonly KeyObject[] | undefined;
  readonly issuer: string;
  readonly audience: string;
  readonly accessTtlSeconds: number;
  /** Allowed clock skew when checking exp/iat/nbf. */
  readonly clockToleranceSeconds: number;
  /** The current instant; a fixed clock in tests. */
  readonly now: () => Date;
}

export interface JwtKeyInput {
  /** PKCS#8 PEM of an Ed25519 private key (preferred). */
  readonly privateKeyPem?: string | undefined;
  /** HS256 shared secret, at least 32 bytes. */
  readonly secret?: string | undefined;
  /** PEM (SPKI) Ed25519 public keys of earlier signing keys, one block after another. */
  readonly previousPublicKeysPem?: string | undefined;
}

export type JwtKeys = Pick<
  JwtSettings,
  'algorithm' | 'signingKey' | 'verificationKey' | 'previousVerificationKeys'
>;

const MIN_SECRET_BYTES = 32;

/** Builds the keys from configuration; throws a plain message on anything unusable. */
export function jwtKeysFrom(input: JwtKeyInput): JwtKeys {
  if (input.privateKeyPem !== undefined && input.privateKeyPem.trim() !== '') {
    const privateKey = createPrivateKey(input.privateKeyPem.replace(/\\n/g, '\n'));
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error('JWT_PRIVATE_KEY must be an Ed25519 private key (PKCS#8 PEM)');
    }
    return {
      algorithm: 'EdDSA',
      signingKey: privateKey,
      verificationKey: createPublicKey(privateKey),
      previousVerificationKeys: previousPublicKeys(input.previousPublicKeysPem),
    };
  }
  if (previousPublicKeys(input.previousPublicKeysPem).length > 0) {
    throw new Error(
      'JWT_PREVIOUS_PUBLIC_KEYS needs JWT_PRIVATE_KEY (EdDSA); HS256 has no public key',
    );
  }
  if (input.secret !== undefined) {
    const secret = Buffer.from(input.secret, 'utf8');
    if (secret.length < MIN_SECRET_BYTES) {
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    const key = createSecretKey(secret);
    return { algorithm: 'HS256', signingKey: key, verificationKey: key };
  }
  throw new Error('either JWT_PRIVATE_KEY or JWT_SECRET is required');
}

const PUBLIC_KEY_PEM = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/** Every PEM public key in `pem` (environment values may carry `\n` escapes); Ed25519 only. */
function previousPublicKeys(pem: string | undefined): KeyObject[] {
  if (pem === undefined || pem.trim() === '') return [];
  const blocks = pem.replace(/\\n/g, '\n').match(PUBLIC_KEY_PEM) ?? [];
  if (blocks.length === 0) throw new Error('JWT_PREVIOUS_PUBLIC_KEYS holds no PEM public key');
  return blocks.map((block) => {
    const key = createPublicKey(block);
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new Error('JWT_PREVIOUS_PUBLIC_KEYS must hold Ed25519 public keys (SPKI PEM)');
    }
    return key;
  });
}

/**
 * The `kid` of an Ed25519 public key: its RFC 7638 JWK thumbprint (SHA-256, base64url), so every
 * instance derives the same id from the same key with nothing more to configure.
 */
export function keyIdOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** A fresh Ed25519 pair for development and tests; tokens die with the process. */
export function ephemeralJwtKeys(): JwtKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { algorithm: 'EdDSA', signingKey: privateKey, verificationKey: publicKey };
}

/**
 * The verification key as a WebCrypto CryptoKey, imported once (at start-up). Handing jose a
 * KeyObject makes it convert the key on every verification (`makeTransferable` in profiles).
 */
export function importVerificationKey(
  keys: Pick<JwtKeys, 'algorithm' | 'verificationKey'>,
): Promise<webcrypto.CryptoKey> {
  return importKey(keys.algorithm, keys.verificationKey);
}

function importKey(
  algorithm: JwtKeys['algorithm'],
  verificationKey: KeyObject,
): Promise<webcrypto.CryptoKey> {
  const { subtle } = webcrypto;
  if (algorithm === 'EdDSA') {
    const spki = verificationKey.export({ type: 'spki', format: 'der' });
    return subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']);
  }
  return subtle.importKey(
    'raw',
    verificationKey.export(),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
}

/**
 * Every key a token may name, by `kid` (EdDSA: the current one and the previous ones), imported
 * once. HS256 keys get no kid: an id derived from a shared secret would only help guess it.
 */
export function importKeyRing(
  keys: Pick<JwtKeys, 'algorithm' | 'verificationKey' | 'previousVerificationKeys'>,
): Map<string, Promise<webcrypto.CryptoKey>> {
  const ring = new Map<string, Promise<webcrypto.CryptoKey>>();
  if (keys.algorithm !== 'EdDSA') return ring;
  for (const key of [keys.verificationKey, ...(keys.previousVerificationKeys ?? [])]) {
    const imported = importKey('EdDSA', key);
    imported.catch(() => undefined);
    ring.set(keyIdOf(key), imported);
  }
  return ring;
}
