import { describe, expect, it } from 'vitest';
import { RandomIdGenerator } from '../src/random-id-generator.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** More than one refill of the generator's random pool (256 ids each). */
const MANY = 2_000;

describe('RandomIdGenerator', () => {
  it('gives RFC 9562 version 4 UUIDs in lower case, across refills of its random pool', () => {
    const ids = new RandomIdGenerator();
    for (let i = 0; i < MANY; i += 1) expect(ids.next()).toMatch(UUID_V4);
  });

  it('never repeats an id, within one generator or between two', () => {
    const a = new RandomIdGenerator();
    const b = new RandomIdGenerator();
    const seen = new Set<string>();
    for (let i = 0; i < MANY; i += 1) {
      seen.add(a.next());
      seen.add(b.next());
    }
    expect(seen.size).toBe(2 * MANY);
  });

  it('uses every hex digit in every random position (the bytes are random, not a counter)', () => {
    const ids = new RandomIdGenerator();
    const digitsAt = Array.from({ length: 36 }, () => new Set<string>());
    for (let i = 0; i < MANY; i += 1) {
      [...ids.next()].forEach((char, position) => digitsAt[position]!.add(char));
    }
    const fixed = new Map([
      [8, '-'],
      [13, '-'],
      [14, '4'],
      [18, '-'],
      [23, '-'],
    ]);
    digitsAt.forEach((digits, position) => {
      const expected = fixed.get(position);
      if (expected !== undefined) expect([...digits]).toEqual([expected]);
      // The variant's position holds 8, 9, a or b; every other position all sixteen digits.
      else expect(digits.size).toBe(position === 19 ? 4 : 16);
    });
  });
});
