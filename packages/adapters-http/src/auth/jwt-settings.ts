import {
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
}

export type JwtKeys = Pick<JwtSettings, 'algorithm' | 'signingKey' | 'verificationKey'>;

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
    };
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
  const { subtle } = webcrypto;
  if (keys.algorithm === 'EdDSA') {
    const spki = keys.verificationKey.export({ type: 'spki', format: 'der' });
    return subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']);
  }
  return subtle.importKey(
    'raw',
    keys.verificationKey.export(),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
}
