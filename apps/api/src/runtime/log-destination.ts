import { pino } from 'pino';
import { batchedLines, STDOUT_BATCHING } from './batched-lines.js';

/** Beyond this much unwritten log text, new lines are dropped (and counted), not buffered. */
export const MAX_BUFFERED_LOG_BYTES = 16 * 1024 * 1024;

export interface LogDestination {
  readonly stream: pino.DestinationStream;
  /** Writes what is buffered and waits for it (bounded): the last thing before process.exit. */
  close(timeoutMs?: number): Promise<void>;
}

// stdout is one per process, and so is this count (read by the metrics on each scrape).
let droppedLines = 0;

/** Log lines dropped so far because stdout did not keep up (metric btg_log_lines_dropped_total). */
export const droppedLogLines = (): number => droppedLines;

/**
 * stdout written asynchronously (ADR 0701): pino's default writes every line with a blocking
 * `writeSync`, so a slow reader of stdout (a log shipper, a full pipe) stalls the event loop and
 * every request with it, and each line costs a system call. Here lines are handed over in
 * batches (ADR 0716, 0733: ~16 KB, or after 20 ms) and written by `fs.write` off the event loop;
 * lines that arrive meanwhile go out together.
 *
 * Nothing is lost on a normal exit: `close()` writes what is left and waits for it; any other
 * exit path (a fatal error, `process.exit` elsewhere) gets a synchronous flush from the 'exit'
 * hook. Memory is bounded: past MAX_BUFFERED_LOG_BYTES waiting, lines are dropped and counted.
 */
export function asyncStdout(): LogDestination {
  const sonic = pino.destination({ dest: 1, sync: false, maxLength: MAX_BUFFERED_LOG_BYTES });
  // What is dropped is a whole batch: every line in it counts.
  sonic.on('drop', (batch: string) => {
    droppedLines += countLines(batch);
  });
  let closed = false;
  // A line logged after the stream closed (a late callback during the exit) is not written, as
  // sonic-boom would throw from inside a timer.
  const lines = batchedLines({ write: (text) => !closed && sonic.write(text) }, STDOUT_BATCHING);
  const stream: pino.DestinationStream & { flush(cb?: (error?: Error) => void): void } = {
    write: (line: string) => lines.write(line),
    // pino's logger.flush(): the pending batch first, then what sonic-boom holds.
    flush: (cb) => {
      lines.drain();
      sonic.flush(cb);
    },
  };
  process.on('exit', () => {
    if (closed) return;
    try {
      lines.drain();
      sonic.flushSync();
    } catch {
      // Nothing more can be done for a line while the process is exiting.
    }
  });
  let closing: Promise<void> | undefined;
  const close = (timeoutMs: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      sonic.once('close', () => {
        closed = true;
        clearTimeout(timer);
        resolve();
      });
      lines.drain();
      sonic.end();
    });
  return {
    stream,
    close: (timeoutMs = 2_000) => (closing ??= close(timeoutMs)),
  };
}

/** How many log lines a chunk of log text holds (each ends with a newline). */
export function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
