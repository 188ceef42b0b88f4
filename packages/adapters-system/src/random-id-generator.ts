import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@btg-funds/application';

export class RandomIdGenerator implements IdGenerator {
  next(): string {
    // Node builds a UUID by concatenation: a tree of ~20 rope pieces (~640 bytes of heap) until
    // something flattens it. Ids live as long as the data (every ledger entry holds two), so
    // copy it once into one flat 36-byte string.
    return Buffer.from(randomUUID(), 'latin1').toString('latin1');
  }
}
