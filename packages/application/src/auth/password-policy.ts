import { ApplicationError } from '../errors.js';

export const PASSWORD_MIN_CHARS = 12;
export const PASSWORD_MAX_CHARS = 128;
/** bcrypt reads at most 72 bytes: a longer password is refused, never silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

export function checkPassword(password: string): void {
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_CHARS || chars > PASSWORD_MAX_CHARS) {
    throw invalid(
      `La contraseña debe tener entre ${PASSWORD_MIN_CHARS} y ${PASSWORD_MAX_CHARS} caracteres.`,
    );
  }
  if (utf8Length(password) > PASSWORD_MAX_BYTES) {
    throw invalid(`La contraseña no puede ocupar más de ${PASSWORD_MAX_BYTES} bytes en UTF-8.`);
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
