// The application layer uses exactly one host facility: timers (retry backoff, queue deadlines).
declare function setTimeout(callback: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;
