import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { linesPerTurn } from '../src/runtime/lines-per-turn.js';
import { countLines } from '../src/runtime/log-destination.js';

function recordingSink() {
  const writes: string[] = [];
  return { writes, sink: { write: (text: string) => (writes.push(text), true) } };
}

describe('log lines handed over once per event-loop turn (ADR 0716)', () => {
  it('joins the lines of one turn into one write, in order, at the end of the turn', async () => {
    const { writes, sink } = recordingSink();
    const lines = linesPerTurn(sink);
    for (let i = 0; i < 500; i += 1) lines.write(`{"n":${i}}\n`);
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split('\n').filter(Boolean)).toEqual(
      Array.from({ length: 500 }, (_, i) => `{"n":${i}}`),
    );
  });

  it('writes a later turn separately, and nothing for a turn without lines', async () => {
    const { writes, sink } = recordingSink();
    const lines = linesPerTurn(sink);
    lines.write('a\n');
    await nextTurn();
    await nextTurn();
    lines.write('b\n');
    lines.write('c\n');
    await nextTurn();
    expect(writes).toEqual(['a\n', 'b\nc\n']);
  });

  it('drain() hands the pending lines over at once, and the turn’s end adds nothing twice', async () => {
    const { writes, sink } = recordingSink();
    const lines = linesPerTurn(sink);
    lines.write('last words\n');
    lines.drain();
    expect(writes).toEqual(['last words\n']);
    await nextTurn();
    expect(writes).toEqual(['last words\n']);
    lines.write('after\n');
    await nextTurn();
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
