import { describe, expect, it } from 'vitest';
import { bearerToken } from '../src/middleware/require-role.js';

describe('bearerToken: the token of an Authorization header', () => {
  const token = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl-_~+/=';

  it('takes 1–4096 characters of the token68 alphabet after "Bearer "', () => {
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken('Bearer x')).toBe('x');
    expect(bearerToken(`Bearer ${'a'.repeat(4096)}`)).toHaveLength(4096);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['no token', 'Bearer '],
    ['a token too long', `Bearer ${'a'.repeat(4097)}`],
    ['another scheme', `Basic ${token}`],
    ['the scheme in lower case', `bearer ${token}`],
    ['two spaces', `Bearer  ${token}`],
    ['a space inside', 'Bearer abc def'],
    ['a trailing newline', `Bearer ${token}\n`],
    ['a character outside the alphabet', 'Bearer abc!'],
    ['a non-ASCII letter', 'Bearer señal'],
  ])('refuses %s', (_case, header) => {
    expect(bearerToken(header)).toBeUndefined();
  });
});
