/** A request being watched: linked in arrival order, unlinked when it ends or expires. */
export interface Watched {
  readonly due: number;
  onExpiry: (() => void) | null;
  previous: Watched | null;
  next: Watched | null;
}

/**
 * Runs each watched request's `onExpiry` once its time limit has passed, unless it ended first
 * (ADR 0725). Every request gets the same limit, so their deadlines fall in arrival order: a list
 * kept in that order (O(1) to add and to remove) and ONE timer, armed for the oldest, serve every
 * request in flight, where a timer per request cost each request a `Timeout` to create and clear.
 *
 * The timer is not re-armed when the oldest ends early: it fires at that old deadline, expires
 * what is due (nothing, usually) and re-arms for the oldest still in flight — about one timer
 * event per time limit under load. It is `unref`'d: an open socket keeps the process alive, an
 * idle watch does not.
 */
export class DeadlineWatch {
  private oldest: Watched | null = null;
  private newest: Watched | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limitMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts watching; `onExpiry` runs once at `limitMs` from now unless `end` comes first. */
  start(onExpiry: () => void): Watched {
    const watched: Watched = {
      due: this.now() + this.limitMs,
      onExpiry,
      previous: this.newest,
      next: null,
    };
    if (this.newest === null) this.oldest = watched;
    else this.newest.next = watched;
    this.newest = watched;
    if (this.timer === undefined) this.armFor(watched.due);
    return watched;
  }

  /** Stops watching (the request ended). Safe to call after expiry, or twice. */
  end(watched: Watched): void {
    if (watched.onExpiry === null) return;
    watched.onExpiry = null;
    this.unlink(watched);
  }

  /** How many requests are being watched (for tests and diagnostics). */
  get size(): number {
    let count = 0;
    for (let at = this.oldest; at !== null; at = at.next) count += 1;
    return count;
  }

  private unlink(watched: Watched): void {
    if (watched.previous === null) this.oldest = watched.next;
    else watched.previous.next = watched.next;
    if (watched.next === null) this.newest = watched.previous;
    else watched.next.previous = watched.previous;
    watched.previous = null;
    watched.next = null;
  }

  private armFor(due: number): void {
    // Timers count whole milliseconds and may fire a fraction early: never less than 1 ms.
    const delay = Math.max(1, Math.ceil(due - this.now()));
    this.timer = setTimeout(() => this.expireDue(), delay);
    this.timer.unref();
  }

  private expireDue(): void {
    this.timer = undefined;
    const now = this.now();
    const expired: Array<() => void> = [];
    while (this.oldest !== null && this.oldest.due <= now) {
      const watched = this.oldest;
      if (watched.onExpiry !== null) expired.push(watched.onExpiry);
      watched.onExpiry = null;
      this.unlink(watched);
    }
    // Re-armed before the callbacks run, so one that throws cannot leave the rest unwatched.
    if (this.oldest !== null) this.armFor(this.oldest.due);
    for (const onExpiry of expired) onExpiry();
  }
}
