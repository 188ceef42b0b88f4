import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../src/presenters/iso-timestamp.js';

const FIRST_FOUR_DIGIT = new Date('0000-01-01T00:00:00.000Z').getTime();
const LAST_FOUR_DIGIT = new Date('9999-12-31T23:59:59.999Z').getTime();

describe('isoTimestamp', () => {
  it('is toISOString, byte for byte, for any instant of a four-digit year', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_FOUR_DIGIT, max: LAST_FOUR_DIGIT }), (ms) => {
        expect(isoTimestamp(new Date(ms))).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['the first instant of year 0000', '0000-01-01T00:00:00.000Z'],
    ['the last instant of year 9999', '9999-12-31T23:59:59.999Z'],
    ['the epoch', '1970-01-01T00:00:00.000Z'],
    ['one millisecond before the epoch', '1969-12-31T23:59:59.999Z'],
    ['a leap day of a century divisible by 400', '2000-02-29T12:34:56.789Z'],
    [
      'the day after February 28th of a century that is not a leap year',
      '1900-03-01T00:00:00.000Z',
    ],
    ['the last day of a leap year', '2024-12-31T23:59:59.999Z'],
    ['a date of this service', '2026-12-02T19:24:11.005Z'],
  ])('prints %s as toISOString does', (_, text) => {
    const date = new Date(text);
    expect(isoTimestamp(date)).toBe(text);
    expect(isoTimestamp(date)).toBe(date.toISOString());
  });

  it('outside four-digit years, and for an invalid date, is toISOString itself', () => {
    const before = new Date(FIRST_FOUR_DIGIT - 1);
    const after = new Date(LAST_FOUR_DIGIT + 1);
    expect(isoTimestamp(before)).toBe('-000001-12-31T23:59:59.999Z');
    expect(isoTimestamp(after)).toBe('+010000-01-01T00:00:00.000Z');
    expect(() => isoTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});
