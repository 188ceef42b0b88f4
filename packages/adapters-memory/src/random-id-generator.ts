import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@btg-funds/application';

export class RandomIdGenerator implements IdGenerator {
  next(): string {
    return randomUUID();
  }
}
