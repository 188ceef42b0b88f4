export interface DonutSlice {
  readonly key: string;
  readonly value: bigint;
  /** One of the palette classes (slice-0 … slice-7), shared with the table's swatches. */
  readonly tone: string;
}

const RADIUS = 15.9155; // circumference 100: dash lengths are percentages
const RING = 100;

/**
 * A donut drawn with stroke dashes (no chart library: lighter, and no extra tab stops). It is
 * decorative: the table next to it carries the same numbers for every reader.
 */
export function Donut({
  slices,
  centerLabel,
  centerValue,
}: {
  readonly slices: readonly DonutSlice[];
  readonly centerLabel: string;
  readonly centerValue: string;
}) {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0n);
  // Percent with two decimals from integers; the float only sizes a stroke on screen.
  const lengths = slices
    .filter((slice) => slice.value > 0n)
    .map((slice) => ({
      ...slice,
      length: total === 0n ? 0 : Number((slice.value * 10_000n) / total) / 100,
    }));
  const arcs = lengths.map((slice, index) => ({
    ...slice,
    offset: lengths.slice(0, index).reduce((sum, previous) => sum + previous.length, 0),
  }));
  return (
    <svg className="donut" viewBox="0 0 42 42" aria-hidden="true" focusable="false">
      <circle className="donut-track" cx="21" cy="21" r={RADIUS} fill="none" strokeWidth="6" />
      {arcs.map((arc) => (
        <circle
          key={arc.key}
          className={`donut-slice ${arc.tone}`}
          cx="21"
          cy="21"
          r={RADIUS}
          fill="none"
          strokeWidth="6"
          strokeDasharray={`${arc.length} ${RING - arc.length}`}
          strokeDashoffset={25 - arc.offset}
        />
      ))}
      <text className="donut-label" x="21" y="19.5" textAnchor="middle">
        {centerLabel}
      </text>
      <text className="donut-value" x="21" y="25" textAnchor="middle">
        {centerValue}
      </text>
    </svg>
  );
}
