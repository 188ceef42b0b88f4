import type { Deadline, PasswordHasher } from '@btg-funds/application';
import { HashingNotStarted, hasPassed, PASSWORD_MAX_BYTES } from '@btg-funds/application';
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

/**
 * First come, first served, at most `limit` at once: a burst of logins answers one by one. A task
 * whose `deadline` has passed when its turn comes is not started (`HashingNotStarted`) and hands
 * its turn on: its request was answered 503 at that deadline, and ~300 ms of hashing for nobody
 * would push every login behind it toward its own deadline too.
 */
export class FifoGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>, deadline?: Deadline): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((go) => this.waiting.push(go));
    else this.running += 1;
    try {
      if (deadline !== undefined && hasPassed(deadline)) throw new HashingNotStarted();
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

  hash(password: string, deadline?: Deadline): Promise<string> {
    // The policy already refuses > 72 bytes; rejectLongPasswords makes truncation impossible.
    return this.gate.run(
      () => hash(password, { cost: this.cost, rejectLongPasswords: true }),
      deadline,
    );
  }

  async verify(password: string, passwordHash: string, deadline?: Deadline): Promise<boolean> {
    // bcrypt ignores bytes past 72: a longer input must not match a hash of its prefix.
    if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return false;
    try {
      return await this.gate.run(() => verify(password, passwordHash), deadline);
    } catch (error) {
      // Not started is not a mismatch: answering false would count a failed login.
      if (error instanceof HashingNotStarted) throw error;
      return false;
    }
  }
}
