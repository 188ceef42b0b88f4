import { invalidCursor, invalidLimit } from '../application-errors.js';

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function checkLimit(limit: number | undefined): number {
  const value = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw invalidLimit(MAX_PAGE_SIZE);
  }
  return value;
}

/**
 * Cursors are opaque to callers: base64url of a small JSON position. Anything that does not
 * decode to the expected shape is a client error, never a server error.
 */
export function encodeCursor(position: Record<string, string | number>): string {
  return base64UrlEncode(JSON.stringify(position));
}

export function decodeCursor<T>(cursor: string, parse: (value: unknown) => T | null): T {
  let position: T | null = null;
  try {
    position = parse(JSON.parse(base64UrlDecode(cursor)));
  } catch {
    position = null;
  }
  if (position === null) {
    throw invalidCursor();
  }
  return position;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// Cursors hold ASCII JSON only, so a small base64url codec avoids any host dependency.
function base64UrlEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const chunk =
      (text.charCodeAt(i) << 16) |
      ((text.charCodeAt(i + 1) || 0) << 8) |
      (text.charCodeAt(i + 2) || 0);
    const chars = Math.min(4, Math.ceil(((text.length - i) * 8) / 6));
    for (let j = 0; j < chars; j += 1) out += ALPHABET[(chunk >> (18 - 6 * j)) & 63];
  }
  return out;
}

function base64UrlDecode(encoded: string): string {
  if (encoded.length > 512 || !/^[A-Za-z0-9_-]*$/.test(encoded)) throw new Error('bad cursor');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const char of encoded) {
    value = (value << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const code = (value >> bits) & 255;
      if (code > 127) throw new Error('bad cursor');
      out += String.fromCharCode(code);
    }
  }
  return out;
}
