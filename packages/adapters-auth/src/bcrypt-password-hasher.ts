import type { PasswordHasher } from '@btg-funds/application';
import { PASSWORD_MAX_BYTES } from '@btg-funds/application';
import { hash, verify } from '@node-rs/bcrypt';

/** bcrypt via a native binding (off the event loop). Cost ≥ 12 in production, low in tests. */
export class BcryptPasswordHasher implements PasswordHasher {
  constructor(private readonly cost = 12) {}

  hash(password: string): Promise<string> {
    // The policy already refuses > 72 bytes; rejectLongPasswords makes truncation impossible.
    return hash(password, { cost: this.cost, rejectLongPasswords: true });
  }

  async verify(password: string, passwordHash: string): Promise<boolean> {
    // bcrypt ignores bytes past 72: a longer input must not match a hash of its prefix.
    if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return false;
    try {
      return await verify(password, passwordHash);
    } catch {
      return false;
    }
  }
}
