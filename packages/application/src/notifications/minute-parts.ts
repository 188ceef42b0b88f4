/**
 * A date's parts (`day`, `month`, `hour`, …) in a formatter's time zone, for formats that stop at
 * the minute. `Intl.DateTimeFormat.formatToParts` costs ~6 µs, and every notification formats its
 * date once or twice, so the parts of the last few minutes are kept: a burst of operations
 * shares one minute.
 *
 * One entry per UTC minute is exact while the zone's offset is a whole number of minutes: then
 * every instant of a UTC minute falls in the same local minute. America/Bogotá's has been since
 * 1914 (its local mean time before was −4:56:16), so earlier instants, and invalid dates, are
 * formatted directly.
 */
export class MinuteParts {
  private readonly recent = new Map<number, Readonly<Record<string, string>>>();

  constructor(
    private readonly format: Intl.DateTimeFormat,
    private readonly keep = 4,
  ) {
    // Asked of the output: resolvedOptions() reports `second` for such patterns too (ICU).
    if (format.formatToParts(0).some((part) => part.type === 'second')) {
      throw new Error('MinuteParts: the format shows seconds, so parts differ within a minute');
    }
  }

  of(at: Date): Readonly<Record<string, string>> {
    const ms = at.getTime();
    if (!(ms >= WHOLE_MINUTE_OFFSETS_SINCE)) return partsOf(this.format, at);
    const minute = Math.floor(ms / 60_000);
    let parts = this.recent.get(minute);
    if (parts === undefined) {
      parts = partsOf(this.format, at);
      if (this.recent.size >= this.keep) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(minute, parts);
    }
    return parts;
  }
}

const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1915, 0, 1);

function partsOf(format: Intl.DateTimeFormat, at: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of format.formatToParts(at)) out[part.type] = part.value;
  return out;
}
