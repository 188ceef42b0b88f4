/**
 * @packageDocumentation
 * The auth adapters of btg-funds, apart from any transport: JWT access tokens (jose), bcrypt
 * passwords, opaque secret tokens, one-time codes and the bundled breached-password list. A worker
 * or CLI that hashes a password imports this package without pulling in Hono (ADR 0009).
 */
export { JoseTokenIssuer, ACCESS_TOKEN_TYPE } from './jose-token-issuer.js';
export {
  DEFAULT_TOKEN_CACHE_SIZE,
  JoseTokenVerifier,
  type JoseTokenVerifierOptions,
} from './jose-token-verifier.js';
export {
  ephemeralJwtKeys,
  jwtKeysFrom,
  keyIdOf,
  type JwtKeyInput,
  type JwtKeys,
  type JwtSettings,
} from './jwt-settings.js';
export { BcryptPasswordHasher } from './bcrypt-password-hasher.js';
export { CryptoSecretTokens } from './crypto-secret-tokens.js';
export { CryptoOneTimeCodes } from './crypto-one-time-codes.js';
export {
  BREACHED_PASSWORDS_COUNT,
  BundledBreachedPasswords,
} from './bundled-breached-passwords.js';
