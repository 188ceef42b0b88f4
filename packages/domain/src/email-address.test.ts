import { describe, expect, it } from 'vitest';
import { legacyEmailKey, normalizeEmail } from './email-address.js';
import { DomainError } from './errors.js';

function refusal(email: string): string {
  try {
    normalizeEmail(email);
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('normalizeEmail: one identity per person (RFC 8265, UTS #39)', () => {
  it.each([
    ['full-width letters', 'ａｎａ@example.com', 'ana@example.com'],
    ['a decomposed accent', 'jose\u0301@example.com', 'josé@example.com'],
    ['upper case', 'JOSÉ@EXAMPLE.COM', 'josé@example.com'],
    ['a sharp s', 'straße@example.com', 'STRASSE@example.com'],
  ])('folds %s onto the address that prints the same', (_case, variant, plain) => {
    expect(normalizeEmail(variant)).toBe(normalizeEmail(plain));
  });

  it('gives the full-width and the decomposed spellings the plain form', () => {
    expect(normalizeEmail('ａｎａ@ｅxample.com')).toBe('ana@example.com');
    expect(normalizeEmail('jose\u0301@example.com')).toBe('josé@example.com');
    expect(normalizeEmail('José@Example.com')).toBe('josé@example.com');
  });

  it.each([
    ['a zero-width space', 'ana\u200b@example.com', 'invisibles'],
    ['a zero-width joiner', 'an\u200da@example.com', 'invisibles'],
    ['a soft hyphen', 'an\u00ada@example.com', 'invisibles'],
    ['a right-to-left mark', 'ana\u200f@example.com', 'derecha a izquierda'],
    ['a right-to-left override', '\u202eana@example.com', 'derecha a izquierda'],
    ['Hebrew letters', 'אנה@example.com', 'derecha a izquierda'],
    ['a Cyrillic look-alike', '\u0430na@example.com', 'alfabetos distintos'],
    ['a Greek look-alike', 'ann\u03bf@example.com', 'alfabetos distintos'],
    ['an all-Cyrillic local part', '\u0430\u043d\u043d\u0430@example.com', 'alfabetos distintos'],
  ])('refuses an address with %s, saying why', (_case, email, why) => {
    const answer = refusal(email);
    expect(answer).toMatch(/^INVALID_EMAIL: /);
    expect(answer).toContain(why);
  });

  it('accepts Latin with accents and the CJK combinations UTS #39 allows with Latin', () => {
    expect(refusal('maría.núñez@example.co')).toBe('accepted');
    expect(refusal('たなか@example.jp')).toBe('accepted');
    expect(refusal('김민준@example.kr')).toBe('accepted');
  });

  it('keeps the form addresses were stored in before, for login', () => {
    expect(legacyEmailKey('  Ana@Example.COM ')).toBe('ana@example.com');
    expect(legacyEmailKey('ＡＮＡ@example.com')).toBe('ａｎａ@example.com');
  });
});
