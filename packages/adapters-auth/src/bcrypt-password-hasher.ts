import type { PasswordHasher } from '@btg-funds/application';
import { PASSWORD_MAX_BYTES } from '@btg-funds/application';
import { hash, verify } from '@node-rs/bcrypt';
import { availableParallelism } from 'node:os';

/**
 * How many hashes run at once by default: one per core, and always one thread of libuv's pool
 * (UV_THREADPOOL_SIZE, 4 unless set) left free for what must not wait behind hashing —
 * WebCrypto token verification, log writes, DNS (ADR 0703).
 */
export function defaultHashingConcurrency(
  cores = availableParallelism(),
  threadPoolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4,
): number {
  return Math.max(1, Math.min(cores, threadPoolSize - 1));
}

/** First come, first served, at most `limit` at once: a burst of logins answers one by one. */
export class FifoGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((go) => this.waiting.push(go));
    else this.running += 1;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line (running stays counted), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/**
 * bcrypt via a native binding, off the event loop. Cost ≥ 12 in production, low in tests. The
 * hashes queue here, in arrival order, rather than in libuv's pool: there they took every thread,
 * shared the cores, and finished all together at the end of a burst (ADR 0703).
 */
export class BcryptPasswordHasher implements PasswordHasher {
  private readonly gate: FifoGate;

  constructor(
    private readonly cost = 12,
    concurrency = defaultHashingConcurrency(),
  ) {
    this.gate = new FifoGate(concurrency);
  }

  hash(password: string): Promise<string> {
    // The policy already refuses > 72 bytes; rejectLongPasswords makes truncation impossible.
    return this.gate.run(() => hash(password, { cost: this.cost, rejectLongPasswords: true }));
  }

  async verify(password: string, passwordHash: string): Promise<boolean> {
    // bcrypt ignores bytes past 72: a longer input must not match a hash of its prefix.
    if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return false;
    try {
      return await this.gate.run(() => verify(password, passwordHash));
    } catch {
      return false;
    }
  }
}
