import type { Clock } from '../ports/index.js';

/** A clock that moves only when told to: deterministic timestamps in tests. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-01-15T15:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }
}
