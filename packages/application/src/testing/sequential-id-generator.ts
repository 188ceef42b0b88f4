import type { IdGenerator } from '../ports/index.js';

/** Deterministic, UUID-shaped ids (…-000000000001, …-000000000002, …) for tests. */
export class SequentialIdGenerator implements IdGenerator {
  private counter = 0;

  constructor(private readonly prefix = '00000000-0000-4000-8000') {}

  next(): string {
    this.counter += 1;
    return `${this.prefix}-${this.counter.toString(16).padStart(12, '0')}`;
  }
}
