import type { SecretTokens } from '@btg-funds/application';
import { createHash, randomBytes } from 'node:crypto';

/** Refresh tokens: 256 random bits, stored only as a SHA-256 digest (fast lookup, no leak). */
export class CryptoSecretTokens implements SecretTokens {
  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  digest(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
