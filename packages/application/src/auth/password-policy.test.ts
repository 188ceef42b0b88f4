import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, utf8Length } from './password-policy.js';

/** Any code points, lone surrogates included (fc's 'binary' unit is slow to build). */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 40 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

describe('password policy', () => {
  it('counts UTF-8 bytes exactly as an encoder does (bcrypt reads bytes)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts exactly the passwords of 12–128 characters and at most 72 bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme-ascii', maxLength: 140 }),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
        ),
        (password) => {
          const chars = [...password].length;
          const ok = chars >= 12 && chars <= 128 && Buffer.byteLength(password) <= 72;
          let accepted = true;
          try {
            checkPassword(password);
          } catch (error) {
            expect(error).toMatchObject({ code: 'INVALID_PASSWORD' });
            accepted = false;
          }
          expect(accepted).toBe(ok);
        },
      ),
      { numRuns: 200 },
    );
  });
});
