import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchedLines } from '../src/runtime/batched-lines.js';
import { countLines } from '../src/runtime/log-destination.js';

function recordingSink() {
  const writes: string[] = [];
  return { writes, sink: { write: (text: string) => (writes.push(text), true) } };
}

const SHORT_DELAY = { maxDelayMs: 5, batchChars: 1024 };

/** The clock moved on by `ms`, the timers due meanwhile run (fake timers: no test waits). */
const sleep = (ms: number) => vi.advanceTimersByTime(ms);

describe('log lines handed over in batches (ADR 0716, 0733)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('joins the lines written within the delay into one write, in order, once it has passed', () => {
    const { writes, sink } = recordingSink();
    const lines = batchedLines(sink, { maxDelayMs: 5, batchChars: Infinity });
    for (let i = 0; i < 500; i += 1) lines.write(`{"n":${i}}\n`);
    sleep(4);
    expect(writes).toEqual([]);
    sleep(1);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split('\n').filter(Boolean)).toEqual(
      Array.from({ length: 500 }, (_, i) => `{"n":${i}}`),
    );
  });

  it('hands a batch over as soon as it reaches its size, without waiting for the delay', () => {
    const { writes, sink } = recordingSink();
    const lines = batchedLines(sink, { maxDelayMs: 60_000, batchChars: 30 });
    const line = `${'x'.repeat(9)}\n`; // 10 characters
    lines.write(line);
    lines.write(line);
    expect(writes).toEqual([]);
    lines.write(line);
    expect(writes).toEqual([line.repeat(3)]);
    lines.write(line);
    expect(writes).toHaveLength(1);
    lines.drain(); // the test's own end: no timer is left behind
    expect(writes).toEqual([line.repeat(3), line]);
  });

  it('writes lines of a later batch separately, and nothing when no line came', () => {
    const { writes, sink } = recordingSink();
    const lines = batchedLines(sink, SHORT_DELAY);
    lines.write('a\n');
    sleep(30);
    sleep(30);
    lines.write('b\n');
    lines.write('c\n');
    sleep(30);
    expect(writes).toEqual(['a\n', 'b\nc\n']);
  });

  it('drain() hands the pending lines over at once, and the delay adds nothing twice', () => {
    const { writes, sink } = recordingSink();
    const lines = batchedLines(sink, SHORT_DELAY);
    lines.write('last words\n');
    lines.drain();
    expect(writes).toEqual(['last words\n']);
    sleep(30);
    expect(writes).toEqual(['last words\n']);
    lines.write('after\n');
    sleep(30);
    expect(writes).toEqual(['last words\n', 'after\n']);
  });
});

describe('countLines', () => {
  it('counts the lines of a dropped batch', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('{"a":1}\n')).toBe(1);
    expect(countLines('{"a":1}\n{"b":"x\\ny"}\n{"c":3}\n')).toBe(3);
  });
});
