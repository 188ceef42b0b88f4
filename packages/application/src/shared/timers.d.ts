// The application layer uses exactly one host global: a timer for retry backoff.
declare function setTimeout(callback: () => void, ms: number): unknown;
