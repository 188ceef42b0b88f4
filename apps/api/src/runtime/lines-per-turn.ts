/** Where the batches go: a pino destination (sonic-boom). */
export interface LineSink {
  write(text: string): boolean;
}

export interface LinesPerTurn {
  /** pino's side: one call per log line. */
  write(line: string): boolean;
  /** Hands the lines of this turn to the sink now (before a flush, an end or an exit). */
  drain(): void;
}

/**
 * Log lines handed to the sink ONCE per event-loop turn, joined (ADR 0716). sonic-boom measures
 * the UTF-8 length of its whole pending buffer on every write, and that buffer is a string grown
 * by `+=`, so each line flattened up to 16 KB of earlier ones: ~3 µs per line under load,
 * measured. Joined per turn it measures each batch once. A line waits at most until the end of
 * the turn that wrote it; `drain()` sends it at once.
 */
export function linesPerTurn(sink: LineSink): LinesPerTurn {
  let pending: string[] = [];
  let scheduled = false;
  const drain = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.length === 1 ? pending[0]! : pending.join('');
    pending = [];
    sink.write(text);
  };
  return {
    write(line) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
      return true;
    },
    drain,
  };
}
