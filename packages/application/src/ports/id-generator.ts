/** Unique identifiers (UUID v4 in production, deterministic in tests). */
export interface IdGenerator {
  next(): string;
}
