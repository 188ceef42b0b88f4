import { describe, expect, it } from 'vitest';
import { MinuteParts } from './minute-parts.js';

const options = (timeZone: string): Intl.DateTimeFormatOptions => ({
  timeZone,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function direct(format: Intl.DateTimeFormat, at: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
}

/** A formatter that counts its formatToParts calls. */
function counting(timeZone: string) {
  const real = new Intl.DateTimeFormat('es-CO', options(timeZone));
  const calls = { n: 0 };
  const format = Object.assign(Object.create(real) as Intl.DateTimeFormat, {
    formatToParts: (at: Date) => {
      calls.n += 1;
      return real.formatToParts(at);
    },
  });
  return { format, calls, real };
}

describe('MinuteParts', () => {
  it('gives what Intl gives, at seconds spread over several minutes, in several zones', () => {
    // Bogotá (−5:00), Kathmandu (+5:45) and Chatham (+13:45 in its summer): whole-minute offsets.
    for (const zone of ['America/Bogota', 'Asia/Kathmandu', 'Pacific/Chatham']) {
      const format = new Intl.DateTimeFormat('es-CO', options(zone));
      const parts = new MinuteParts(format);
      const start = Date.UTC(2026, 11, 31, 23, 57, 0);
      for (let ms = start; ms < start + 5 * 60_000; ms += 7_001) {
        expect(parts.of(new Date(ms)), `${zone} ${new Date(ms).toISOString()}`).toEqual(
          direct(format, new Date(ms)),
        );
      }
    }
  });

  it('formats once per minute in a burst, and again for the next minute', () => {
    const { format, calls } = counting('America/Bogota');
    const parts = new MinuteParts(format);
    calls.n = 0; // the constructor's look at the format
    const minute = Date.UTC(2026, 5, 1, 15, 4, 0);
    for (let i = 0; i < 100; i += 1) parts.of(new Date(minute + i * 500));
    expect(calls.n).toBe(1);
    parts.of(new Date(minute + 60_000));
    expect(calls.n).toBe(2);
  });

  it('formats directly before whole-minute offsets (Bogotá at −4:56:16) and for invalid dates', () => {
    const { format, real } = counting('America/Bogota');
    const parts = new MinuteParts(format);
    // One UTC minute, two local minutes: 00:03:54 and 00:04:04 local mean time.
    const first = new Date(Date.UTC(1900, 0, 1, 5, 0, 10));
    const second = new Date(Date.UTC(1900, 0, 1, 5, 0, 20));
    expect(parts.of(first)).toEqual(direct(real, first));
    expect(parts.of(second)).toEqual(direct(real, second));
    expect(parts.of(first).minute).not.toBe(parts.of(second).minute);
    expect(() => parts.of(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('refuses a format that shows seconds', () => {
    const withSeconds = new Intl.DateTimeFormat('es-CO', { second: '2-digit' });
    expect(() => new MinuteParts(withSeconds)).toThrow(/seconds/);
  });
});
