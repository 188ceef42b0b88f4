import { ApplicationError } from '../errors.js';
import type { BreachedPasswords } from '../ports/index.js';

export const PASSWORD_MIN_CHARS = 12;
export const PASSWORD_MAX_CHARS = 128;
/** bcrypt reads at most 72 bytes: a longer password is refused, never silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

/** The length rules, then, when a list is given, the breached-password rule (ADR 0220). */
export function checkPassword(password: string, breached?: BreachedPasswords): void {
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_CHARS || chars > PASSWORD_MAX_CHARS) {
    throw invalid(
      `La contraseña debe tener entre ${PASSWORD_MIN_CHARS} y ${PASSWORD_MAX_CHARS} caracteres.`,
    );
  }
  if (utf8Length(password) > PASSWORD_MAX_BYTES) {
    throw invalid(`La contraseña no puede ocupar más de ${PASSWORD_MAX_BYTES} bytes en UTF-8.`);
  }
  if (breached?.includes(password) === true) {
    throw invalid(
      'Esa contraseña aparece entre las más usadas en filtraciones conocidas y es fácil de adivinar. Elija otra.',
    );
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

function invalid(message: string): ApplicationError {
  return new ApplicationError('INVALID_PASSWORD', message, { path: 'password' });
}
