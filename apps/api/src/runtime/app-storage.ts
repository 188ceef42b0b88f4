import type { UseCaseStorage } from '@btg-funds/application';

/**
 * What a storage module provides: every storage port the use cases need (rate-limit counters
 * shared by every instance, ADR 0203; hashed verification codes, ADR 0405) plus the two
 * operations the process needs (readiness and shutdown). Memory and Mongo modules each bind one.
 */
export interface AppStorage extends UseCaseStorage {
  readonly kind: string;
  /** Resolves when storage answers; rejects otherwise (GET /health/ready). */
  ping(): Promise<void>;
  /** Start-up work before first use (e.g. indexes); absent when there is none. */
  prepare?(): Promise<void>;
  close(): Promise<void>;
}
