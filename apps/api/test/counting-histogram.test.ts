import fc from 'fast-check';
import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CountingHistogram } from '../src/runtime/counting-histogram.js';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const LABELS = ['method', 'route', 'status'] as const;
type Labels = Record<(typeof LABELS)[number], string>;

/** The same histogram twice: prom-client's own and ours, each in a registry of its own. */
function pair() {
  const theirs = new Registry();
  const ours = new Registry();
  const options = { name: 'http_request_duration_seconds', help: 'latency', buckets: BUCKETS };
  const reference = new Histogram({ ...options, labelNames: LABELS, registers: [theirs] });
  const counting = new CountingHistogram({ ...options, labelNames: LABELS, registers: [ours] });
  const series = new Map<string, { observe(value: number): void }>();
  const observe = (labels: Labels, value: number): void => {
    reference.labels(labels).observe(value);
    const key = JSON.stringify([labels.method, labels.route, labels.status]);
    let kept = series.get(key);
    if (kept === undefined) series.set(key, (kept = counting.seriesFor(labels)));
    kept.observe(value);
  };
  return { theirs, ours, observe, counting };
}

const labelSet = fc.record({
  method: fc.constantFrom('GET', 'POST', 'DELETE'),
  route: fc.constantFrom('/api/v1/funds', '/api/v1/subscriptions/:id', 'odd "route"\\\n'),
  status: fc.constantFrom('200', '201', '409'),
});
// Bounds themselves (a value equal to a bound is counted in it), values between, beyond the last.
const seconds = fc.oneof(
  fc.constantFrom(0, ...BUCKETS, 3, 10),
  fc.double({ min: 0, max: 5, noNaN: true }),
);

describe('CountingHistogram', () => {
  it('exposes exactly the text and JSON prom-client’s Histogram does for the same observations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(labelSet, seconds), { maxLength: 60 }), async (obs) => {
        const { theirs, ours, observe } = pair();
        for (const [labels, value] of obs) observe(labels, value);
        expect(await ours.metrics()).toBe(await theirs.metrics());
        expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
      }),
      { numRuns: 100 },
    );
  });

  it('counts a value equal to a bound in that bucket, and one past the last only in +Inf', async () => {
    const { ours, observe } = pair();
    const labels = { method: 'GET', route: '/api/v1/funds', status: '200' };
    observe(labels, 0.01);
    observe(labels, 7);
    const text = await ours.metrics();
    const line = (le: string) =>
      `http_request_duration_seconds_bucket{le="${le}",method="GET",route="/api/v1/funds",status="200"}`;
    expect(text).toContain(`${line('0.005')} 0\n`);
    expect(text).toContain(`${line('0.01')} 1\n`);
    expect(text).toContain(`${line('2.5')} 1\n`);
    expect(text).toContain(`${line('+Inf')} 2\n`);
    expect(text).toContain(
      'http_request_duration_seconds_sum{method="GET",route="/api/v1/funds",status="200"} 7.01\n',
    );
  });

  it('refuses a value that is not a finite number, as prom-client does, and counts nothing', async () => {
    const { ours, counting } = pair();
    const series = counting.seriesFor({ method: 'GET', route: '/', status: '200' });
    expect(() => series.observe(Number.NaN)).toThrow(TypeError);
    expect(() => series.observe(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(await ours.metrics()).toContain(
      'http_request_duration_seconds_count{method="GET",route="/",status="200"} 0',
    );
  });

  it('after a reset, lists its series at zero and goes on counting through the kept handles', async () => {
    const { ours, counting } = pair();
    const series = counting.seriesFor({ method: 'GET', route: '/', status: '200' });
    series.observe(0.2);
    ours.resetMetrics();
    const count = 'http_request_duration_seconds_count{method="GET",route="/",status="200"}';
    expect(await ours.metrics()).toContain(`${count} 0`);
    series.observe(0.3);
    expect(await ours.metrics()).toContain(`${count} 1`);
  });
});
