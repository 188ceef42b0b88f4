import { createHash } from 'node:crypto';

/** A serialised answer and its entity tag (RFC 9110 §8.8.3), identical for identical bodies. */
export interface SharedBody {
  /**
   * The JSON encoded once (UTF-8): written as is, where a string would be measured and encoded
   * again on every answer (ADR 0736). Shared by every answer: never to be written to.
   */
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly etag: string;
}

/**
 * A read every caller shares, served from one precomputed body (ADR 0704): loaded, serialised
 * and tagged once, then handed out as is until `invalidate()` (this process changed the data) or
 * until it is `maxAgeMs` old (another instance may have changed it). Callers that arrive while
 * it loads wait for the same load. A failed load is not kept: the next caller tries again.
 */
export class SharedJson {
  private entry: (SharedBody & { readonly expiresAt: number }) | undefined;
  private loading: Promise<SharedBody> | undefined;
  /** Bumped by invalidate(): a load that began before it must not become the entry. */
  private generation = 0;

  constructor(
    private readonly load: () => Promise<unknown>,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  current(): SharedBody | Promise<SharedBody> {
    const entry = this.entry;
    if (entry !== undefined && this.now() < entry.expiresAt) return entry;
    return (this.loading ??= this.refresh());
  }

  /** The data changed here: the next caller reads it again. */
  invalidate(): void {
    this.generation += 1;
    this.entry = undefined;
    this.loading = undefined;
  }

  private async refresh(): Promise<SharedBody> {
    const generation = this.generation;
    try {
      const bytes = new TextEncoder().encode(JSON.stringify(await this.load()));
      const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
      if (generation === this.generation) {
        this.entry = { bytes, etag, expiresAt: this.now() + this.maxAgeMs };
      }
      return { bytes, etag };
    } finally {
      if (generation === this.generation) this.loading = undefined;
    }
  }
}
