import * as ApplicationErrors from '../application-errors.js';
import type { BreachedPasswords } from '../ports/index.js';

export const PASSWORD_MIN_CHARS = 12;
export const PASSWORD_MAX_CHARS = 128;
/** bcrypt reads at most 72 bytes: a longer password is refused, never silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

/** The length rules, then, when a list is given, the breached-password rule (ADR 0220). */
export function checkPassword(password: string, breached?: BreachedPasswords): void {
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_CHARS || chars > PASSWORD_MAX_CHARS) {
    throw ApplicationErrors.passwordLength(PASSWORD_MIN_CHARS, PASSWORD_MAX_CHARS);
  }
  if (utf8Length(password) > PASSWORD_MAX_BYTES) {
    throw ApplicationErrors.passwordTooManyBytes(PASSWORD_MAX_BYTES);
  }
  if (breached?.includes(password) === true) {
    throw ApplicationErrors.breachedPassword();
  }
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
